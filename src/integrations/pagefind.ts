// Builds the site search index with Pagefind during `astro build`, so that the
// build alone gives a complete site: each page goes to Pagefind's own process as
// Astro renders it (the indexing overlaps page generation). The paginated lists,
// never indexed and most of a large archive's pages, are rendered last, and the
// index is written while they render. Pagefind indexes only the pages whose views
// mark their content with data-pagefind-body (stories, episodes, programmes,
// artworks) and splits the index by <html lang>.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { searchIndexFolder } from '../lib/search.ts';

/** What one indexing run produced. */
export interface SearchIndexReport {
  /** Pages indexed per language ("fr" → 21). */
  pagesPerLanguage: Record<string, number>;
  /**
   * Wall-clock time from the end of page generation to the written index, in
   * milliseconds (the pages handed during generation were parsed alongside it,
   * and the index mostly written while the lists rendered).
   */
  milliseconds: number;
  /**
   * Marked pages that came after the index was first written (none expected:
   * lists carry no data-pagefind-body); the index was written again with them.
   */
  late: string[];
}

/** Pagefind's ready-made interfaces, which the site does not use. */
const unusedFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

interface EntryFile {
  languages?: Record<string, { page_count?: number }>;
}

const failIf = (errors: string[], step: string) => {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
};

/** Every HTML file under `dir`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The <style> elements of a page (the build inlines the site's CSS into each page). */
const inlineStyles = /<style\b[^>]*>[\s\S]*?<\/style>/g;

/** The address Pagefind records for a file of the site: its path, without index.html. */
const urlOfFile = (siteDir: string, file: string) =>
  `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, '');

/**
 * A search index that takes pages as they come and is written at the end.
 * Pagefind's own process parses each page while the build goes on with the
 * next ones, so indexing a large archive mostly overlaps page generation.
 */
export interface SearchIndex {
  /**
   * Hands a page to the index if a view marked its content (data-pagefind-body);
   * a page's bytes are decoded only then.
   */
  add(url: string, html: string | Buffer): void;
  /** Addresses of the pages handed so far (marked or not). */
  readonly seen: ReadonlySet<string>;
  /**
   * Starts writing the index to `siteDir/pagefind/` now: every page that may be
   * indexed has been handed, and the build goes on with pages that are not.
   */
  writeEarly(siteDir: string): void;
  /**
   * Adds the HTML files of `siteDir` not handed yet, then gives the index
   * written early, or writes it (again, if a marked page came after).
   */
  finish(siteDir: string): Promise<SearchIndexReport>;
}

export function startSearchIndex(): SearchIndex {
  const index = pagefind.createIndex({}).then(({ errors, index: created }) => {
    failIf(errors, 'start');
    if (created === undefined) throw new Error('Pagefind gave no index.');
    return created;
  });
  // A failure to start is reported by finish(), like a page that failed to go in.
  index.catch(() => undefined);
  const seen = new Set<string>();
  const pending: Promise<void>[] = [];
  let early: { siteDir: string; written: Promise<void> } | undefined;
  const late: string[] = [];
  const add = (url: string, html: string | Buffer) => {
    seen.add(url);
    // Only the pages a view marked for the index are handed to Pagefind: it
    // would otherwise parse every list and theme page (most of a large
    // archive's pages) just to find that it must skip them.
    if (!html.includes('data-pagefind-body')) return;
    if (early !== undefined) late.push(url);
    const job = index.then(async (ready) => {
      // Pagefind skips the inlined stylesheet (about a third of a page's bytes):
      // leaving it out spares sending and parsing it, and changes nothing indexed.
      const content = html.toString().replace(inlineStyles, '');
      failIf((await ready.addHTMLFile({ url, content })).errors, `read ${url}`);
    });
    // A page that failed to go in is reported by finish(), not as an
    // unhandled rejection in the middle of the build.
    job.catch(() => undefined);
    pending.push(job);
  };
  /** Every page handed so far in the index, or the first failure. */
  const added = async () => {
    const failed = (await Promise.allSettled(pending)).filter(
      (result) => result.status === 'rejected',
    );
    if (failed.length > 0) throw (failed[0] as PromiseRejectedResult).reason;
  };
  const write = async (outputPath: string) => {
    await added();
    const ready = await index;
    failIf((await ready.writeFiles({ outputPath })).errors, `write ${outputPath}`);
  };
  return {
    add,
    seen,
    writeEarly(siteDir) {
      if (early !== undefined) return;
      const written = write(join(siteDir, searchIndexFolder));
      // A failure is reported by finish().
      written.catch(() => undefined);
      early = { siteDir, written };
    },
    async finish(siteDir) {
      const started = performance.now();
      try {
        for (const file of await htmlFiles(siteDir)) {
          const url = urlOfFile(siteDir, file);
          if (!seen.has(url)) add(url, await readFile(file));
        }
        const outputPath = join(siteDir, searchIndexFolder);
        if (early !== undefined && early.siteDir === siteDir && late.length === 0) {
          await early.written;
        } else {
          if (early !== undefined) {
            // Written without the late pages: its files (named by content) would
            // stay beside the new ones.
            await early.written.catch(() => undefined);
            await rm(outputPath, { recursive: true, force: true });
          }
          await write(outputPath);
        }
        // The search page has its own small interface over pagefind.js: Pagefind's
        // ready-made ones (about 450 KB) would only be dead weight in every deploy.
        await Promise.all(unusedFiles.map((file) => rm(join(outputPath, file), { force: true })));
        const entry = JSON.parse(
          await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8'),
        ) as EntryFile;
        const pagesPerLanguage = Object.fromEntries(
          Object.entries(entry.languages ?? {}).map(([language, facts]) => [
            language,
            facts.page_count ?? 0,
          ]),
        );
        return {
          pagesPerLanguage,
          milliseconds: Math.round(performance.now() - started),
          late: [...late],
        };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** Indexes the HTML pages of `siteDir` and writes the index to `siteDir/pagefind/`. */
export const indexSite = (siteDir: string): Promise<SearchIndexReport> =>
  startSearchIndex().finish(siteDir);

/**
 * Hands on values in the order their slots were taken, whatever order they
 * come in. Astro starts rendering pages in one fixed order but, with several
 * pages in flight (build.concurrency), finishes them in an order that varies
 * from build to build; Pagefind numbers pages in the order it gets them, so
 * without this the index files would change from one build to the next.
 */
export function inStartOrder<T>(
  deliver: (value: T) => void,
  /** Called after each slot is handed on, with the number of slots handed on so far. */
  handedOn: (count: number) => void = () => undefined,
): () => { slot: number; handOn: (value?: T) => void } {
  const arrived = new Map<number, T | undefined>();
  let taken = 0;
  let delivered = 0;
  return () => {
    const slot = taken++;
    const handOn = (value?: T) => {
      arrived.set(slot, value);
      while (arrived.has(delivered)) {
        const next = arrived.get(delivered);
        arrived.delete(delivered);
        delivered += 1;
        if (next !== undefined) deliver(next);
        handedOn(delivered);
      }
    };
    return { slot, handOn };
  };
}

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

/**
 * A page of a paginated list (a route whose last parameter is `[...page]`: the
 * story lists and the themes' lists). Lists are never indexed, and with years
 * of stories they are about half of the site's pages.
 */
const isListRoute = (route: PathWithRoute['route']) => route.params.at(-1) === '...page';
const isListPage = ({ route }: PathWithRoute) => isListRoute(route);

/**
 * The pages with the lists last, each part in Astro's order, so that the search
 * index can be written while the lists render. Left as they are if a list page
 * and another page share an address: Astro keeps the first one it meets.
 */
export function listsLast(paths: PathWithRoute[]): PathWithRoute[] {
  const lists = paths.filter(isListPage);
  const others = paths.filter((path) => !isListPage(path));
  const address = ({ pathname }: PathWithRoute) => pathname.replace(/\/$/, '');
  const otherAddresses = new Set(others.map(address));
  if (lists.length === 0 || lists.some((path) => otherAddresses.has(address(path)))) return paths;
  return [...others, ...lists];
}

/**
 * Wraps the build's page renderer so that every HTML page it renders is handed
 * to the index (its body is read once and given back unchanged), in the order
 * Astro started the pages. It puts the lists last and, once every page before
 * the first list is handed, has the index written to `siteDir` while the lists
 * render. Pages with an address that does not end in "/" (404.html) are left to
 * the scan of dist/ at the end, which finds them under their file's name.
 */
export function feedingPrerenderer(
  base: AstroPrerenderer,
  index: SearchIndex,
  siteDir: string,
): AstroPrerenderer {
  /** The slot of the first list page once it has started. */
  let firstList: number | undefined;
  let handedOn = 0;
  const slots = inStartOrder<[string, Buffer]>(
    ([url, html]) => {
      index.add(url, html);
    },
    (count) => {
      handedOn = count;
      if (count === firstList) index.writeEarly(siteDir);
    },
  );
  return {
    ...base,
    name: `${base.name}+search-index`,
    async getStaticPaths() {
      return listsLast(await base.getStaticPaths());
    },
    async render(request, options) {
      // Taken before the first await: Astro calls render() in its page order.
      const { slot, handOn } = slots();
      if (firstList === undefined && isListRoute(options.routeData)) {
        firstList = slot;
        // The pages before it may all be handed on already.
        if (handedOn === slot) index.writeEarly(siteDir);
      }
      let page: [string, Buffer] | undefined;
      try {
        const result = await base.render(request, options);
        const response = result instanceof Response ? result : result.response;
        const url = decodeURI(new URL(request.url).pathname);
        const isPage =
          response.status === 200 &&
          url.endsWith('/') &&
          (response.headers.get('content-type') ?? '').startsWith('text/html');
        if (!isPage || response.body === null) return result;
        const html = Buffer.from(await response.arrayBuffer());
        page = [url, html];
        const copy = new Response(html, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        return result instanceof Response ? copy : { ...result, response: copy };
      } finally {
        handOn(page);
      }
    },
  };
}

/** The Astro integration: indexes the pages as the build renders them, writes the index at the end. */
export default function searchIndex(): AstroIntegration {
  let index: SearchIndex | undefined;
  let outDir = '';
  return {
    name: 'mdm-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const fed = startSearchIndex();
        index = fed;
        setPrerenderer((base) => feedingPrerenderer(base, fed, outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await (index ?? startSearchIndex()).finish(fileURLToPath(dir));
        index = undefined;
        const counts = Object.entries(report.pagesPerLanguage)
          .map(([language, count]) => `${language}: ${count} pages`)
          .join(', ');
        logger.info(
          `Search index in ${searchIndexFolder}/ (${counts}) in ${report.milliseconds} ms`,
        );
        if (report.late.length > 0)
          logger.warn(
            `Pages marked for search came after the lists (${report.late.slice(0, 3).join(', ')}…): the index was written again. Lists are expected to carry no data-pagefind-body.`,
          );
      },
    },
  };
}
