// The search index fed by the build's page renderer: each HTML page goes to
// Pagefind as it is rendered, comes back to Astro unchanged, the lists come last
// and the index is written while they render, and the scan of dist/ at the end
// adds only what the renderer did not hand over.
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AstroPrerenderer } from 'astro';
import { afterEach, describe, expect, test } from 'vitest';
import {
  feedingPrerenderer,
  listsLast,
  startSearchIndex,
  type SearchIndex,
} from '../../../src/integrations/pagefind.ts';

const page = (lang: string, title: string, text = 'Texte du récit.') =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>` +
  `<main><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></main></body></html>`;

/** A renderer that answers every request with `response()`. */
const rendererOf = (response: () => Response): AstroPrerenderer => ({
  name: 'test',
  getStaticPaths: () => Promise.resolve([]),
  render: () => Promise.resolve(response()),
});

/** An index that records what it is handed, and what it had when asked to write early. */
const recording = () => {
  const added: [string, string][] = [];
  const writtenEarly: string[][] = [];
  const index: SearchIndex = {
    add: (url, html) => added.push([url, html.toString()]),
    seen: new Set(),
    writeEarly: () => writtenEarly.push(added.map(([url]) => url)),
    finish: () => Promise.reject(new Error('not in this test')),
  };
  return { added, writtenEarly, index };
};

type RouteData = Parameters<AstroPrerenderer['render']>[1]['routeData'];
/** A route of the site, by its parameters ("...page" for a paginated list). */
const routeWith = (...params: string[]) => ({ params }) as unknown as RouteData;
const renderOptions = { routeData: routeWith('slug') };
const listOptions = { routeData: routeWith('...page') };

describe('feedingPrerenderer', () => {
  test('hands a rendered HTML page to the index and gives Astro the same page', async () => {
    const html = page('fr', 'Un récit');
    const base = rendererOf(
      () =>
        new Response(html, {
          status: 200,
          headers: { 'content-type': 'text/html', 'x-kept': 'yes' },
        }),
    );
    const { added, index } = recording();

    const result = await feedingPrerenderer(base, index, '/site').render(
      new Request('http://localhost/recits/un-r%C3%A9cit/'),
      renderOptions,
    );

    expect(added).toEqual([['/recits/un-récit/', html]]);
    const response = result instanceof Response ? result : result.response;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.text()).toBe(html);
  });

  test.each([
    ['a feed', 'http://localhost/recits/flux.xml', 200, 'application/rss+xml'],
    ['the 404 page (written as 404.html)', 'http://localhost/404', 200, 'text/html'],
    ['a redirect', 'http://localhost/ancien/', 301, 'text/html'],
  ])('leaves %s to Astro untouched', async (_, url, status, type) => {
    const original = new Response('<html></html>', { status, headers: { 'content-type': type } });
    const { added, index } = recording();

    const result = await feedingPrerenderer(
      rendererOf(() => original),
      index,
      '/site',
    ).render(new Request(url), renderOptions);

    expect(result).toBe(original);
    expect(added).toEqual([]);
  });
  test('hands the pages to the index in the order Astro started them, whatever order they finish in', async () => {
    // Three pages in flight at once: the last one started finishes first, the
    // feed between them is not a page.
    const finish: Record<string, () => void> = {};
    const base: AstroPrerenderer = {
      name: 'test',
      getStaticPaths: () => Promise.resolve([]),
      render: (request) =>
        new Promise((resolve) => {
          const path = new URL(request.url).pathname;
          const type = path.endsWith('/') ? 'text/html' : 'application/rss+xml';
          finish[path] = () => {
            resolve(new Response(page('fr', path), { headers: { 'content-type': type } }));
          };
        }),
    };
    const { added, index } = recording();
    const renderer = feedingPrerenderer(base, index, '/site');

    const rendered = new Map(
      ['/recits/a/', '/recits/flux.xml', '/recits/b/', '/recits/c/'].map((path) => [
        path,
        renderer.render(new Request(`http://localhost${path}`), renderOptions),
      ]),
    );
    for (const path of ['/recits/c/', '/recits/a/', '/recits/flux.xml', '/recits/b/']) {
      finish[path]?.();
      await rendered.get(path);
    }

    expect(added.map(([url]) => url)).toEqual(['/recits/a/', '/recits/b/', '/recits/c/']);
  });

  test('has the index written once every page before the first list is handed, while the lists render', async () => {
    const finish: Record<string, () => void> = {};
    const base: AstroPrerenderer = {
      name: 'test',
      getStaticPaths: () => Promise.resolve([]),
      render: (request) =>
        new Promise((resolve) => {
          const path = new URL(request.url).pathname;
          finish[path] = () => {
            resolve(new Response(page('fr', path), { headers: { 'content-type': 'text/html' } }));
          };
        }),
    };
    const { writtenEarly, index } = recording();
    const renderer = feedingPrerenderer(base, index, '/site');

    const story = renderer.render(new Request('http://localhost/recits/a/'), renderOptions);
    const list = renderer.render(new Request('http://localhost/recits/2/'), listOptions);
    const nextList = renderer.render(new Request('http://localhost/recits/3/'), listOptions);
    finish['/recits/2/']?.();
    await list;
    const beforeTheStory = writtenEarly.length;
    finish['/recits/a/']?.();
    await story;
    finish['/recits/3/']?.();
    await nextList;

    expect(beforeTheStory).toBe(0);
    expect(writtenEarly).toEqual([['/recits/a/']]);
  });
});

describe('listsLast', () => {
  const path = (pathname: string, ...params: string[]) => ({
    pathname,
    route: routeWith(...params),
  });

  test('puts the pages of paginated lists after every other page, each part in its order', () => {
    const paths = [
      path('/recits/themes/soin/', 'tag', '...page'),
      path('/recits/a/', 'slug'),
      path('/recits/', '...page'),
      path('/', ...[]),
      path('/recits/b/', 'slug'),
    ];

    expect(listsLast(paths).map((p) => p.pathname)).toEqual([
      '/recits/a/',
      '/',
      '/recits/b/',
      '/recits/themes/soin/',
      '/recits/',
    ]);
  });

  test('leaves the order alone when a list page and another page share an address', () => {
    const paths = [path('/recits/', '...page'), path('/recits', 'slug'), path('/a/', 'slug')];

    expect(listsLast(paths)).toBe(paths);
  });
});

/** The indexed records of the site in `dir` (Pagefind's fragments, gzipped JSON behind a signature). */
const records = (dir: string) => {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map(
    (file) =>
      JSON.parse(
        gunzipSync(readFileSync(join(folder, file)))
          .subarray(12)
          .toString('utf8'),
      ) as { url: string; content: string },
  );
};

describe('startSearchIndex', () => {
  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('indexes the pages handed during the build and the files it was not handed, each once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const files = {
      'recits/un-recit/index.html': page('fr', 'Un récit'),
      'en/stories/a-story/index.html': page('en', 'A story'),
    };
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), html);
    }
    const index = startSearchIndex();

    // What the renderer handed differs from the file only for this test, to
    // show which of the two the index kept.
    index.add('/recits/un-recit/', page('fr', 'Un récit', 'Remis pendant la construction.'));
    index.add('/recits/', '<html lang="fr"><body><h1>Liste</h1></body></html>');
    const report = await index.finish(dir);

    expect(report.pagesPerLanguage).toEqual({ fr: 1, en: 1 });
    const indexed = records(dir);
    expect(indexed.map((record) => record.url).sort()).toEqual([
      '/en/stories/a-story/',
      '/recits/un-recit/',
    ]);
    expect(indexed.find((record) => record.url === '/recits/un-recit/')?.content).toContain(
      'Remis pendant la construction',
    );
  }, 60_000);

  test('keeps the index written early when only unmarked pages came after', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const index = startSearchIndex();
    index.add('/recits/un-recit/', page('fr', 'Un récit'));

    index.writeEarly(dir);
    index.add('/recits/2/', '<html lang="fr"><body><h1>Liste</h1></body></html>');
    const report = await index.finish(dir);

    expect(report.late).toEqual([]);
    expect(report.pagesPerLanguage).toEqual({ fr: 1 });
    expect(records(dir).map((record) => record.url)).toEqual(['/recits/un-recit/']);
  }, 60_000);

  test('writes the index again, without the early files, when a marked page came after', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const index = startSearchIndex();
    index.add('/recits/un-recit/', page('fr', 'Un récit'));

    index.writeEarly(dir);
    // The early index is on disk before the late page comes.
    while (!existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    index.add('/recits/un-autre/', page('fr', 'Un autre récit', 'Arrivé après.'));
    const report = await index.finish(dir);

    expect(report.late).toEqual(['/recits/un-autre/']);
    expect(report.pagesPerLanguage).toEqual({ fr: 2 });
    expect(
      records(dir)
        .map((record) => record.url)
        .sort(),
    ).toEqual(['/recits/un-autre/', '/recits/un-recit/']);
    const entry = JSON.parse(
      readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { hash: string }>;
    };
    expect(readdirSync(join(dir, 'pagefind')).filter((file) => file.endsWith('.pf_meta'))).toEqual([
      `pagefind.${entry.languages['fr']?.hash ?? ''}.pf_meta`,
    ]);
  }, 60_000);
});
