// Builds the site search index with Pagefind once Astro has written dist/, so
// that `astro build` alone gives a complete site. Pagefind indexes only the
// pages whose views mark their content with data-pagefind-body (stories,
// episodes, programmes, artworks) and splits the index by <html lang>.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchIndexFolder } from '../lib/search.ts';

/** What one indexing run produced. */
export interface SearchIndexReport {
  /** Pages indexed per language ("fr" → 21). */
  pagesPerLanguage: Record<string, number>;
  /** Wall-clock time of the run, in milliseconds. */
  milliseconds: number;
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

/** Indexes the HTML pages of `siteDir` and writes the index to `siteDir/pagefind/`. */
export async function indexSite(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  try {
    const { errors, index } = await pagefind.createIndex({});
    failIf(errors, 'start');
    if (index === undefined) throw new Error('Pagefind gave no index.');
    // Only the pages a view marked for the index are handed to Pagefind: it
    // would otherwise parse every list and theme page (most of a large
    // archive's pages) just to find that it must skip them.
    for (const file of await htmlFiles(siteDir)) {
      const content = await readFile(file, 'utf8');
      if (!content.includes('data-pagefind-body')) continue;
      const url = `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      failIf((await index.addHTMLFile({ url, content })).errors, `read ${file}`);
    }
    const outputPath = join(siteDir, searchIndexFolder);
    failIf((await index.writeFiles({ outputPath })).errors, `write ${outputPath}`);
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
    return { pagesPerLanguage, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: indexes dist/ at the end of every build. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'mdm-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await indexSite(fileURLToPath(dir));
        const counts = Object.entries(report.pagesPerLanguage)
          .map(([language, count]) => `${language}: ${count} pages`)
          .join(', ');
        logger.info(
          `Search index in ${searchIndexFolder}/ (${counts}) in ${report.milliseconds} ms`,
        );
      },
    },
  };
}
