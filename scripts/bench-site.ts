// `npm run bench`: builds the site, timing it, then prints what the build weighs:
// pages per language, HTML+CSS gzip per page, JavaScript, images, heaviest pages.
// `npm run bench -- --stories=N`: the build with N more stories per language,
// against a bare Astro project of the same files (scripts/bench-stories.ts).
// It reports figures only; the budgets are enforced by tests/browser/dist.spec.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  builtImages,
  builtPages,
  editorFolder,
  isNotFoundPage,
  listFiles,
  pageBudgetBytes,
  pageWeight,
  searchScriptWeight,
} from '../tests/support/dist-site.ts';
import { isSearchPage, localeOfPath } from '../tests/support/paths.ts';
import { benchStories } from './bench-stories.ts';

const storiesArgument = process.argv.find((argument) => argument.startsWith('--stories='));
if (storiesArgument !== undefined) {
  const count = Number(storiesArgument.slice('--stories='.length));
  if (!Number.isInteger(count) || count < 1) throw new Error('--stories=N takes a whole number');
  benchStories(count);
  process.exit(0);
}

const root = join(import.meta.dirname, '..');
const distDir = join(root, 'dist');

const started = performance.now();
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  console.error(`astro build failed (exit ${String(build.status)})`);
  process.exit(1);
}

const pages = builtPages(distDir);
const weights = pages.map((page) => pageWeight(distDir, page));
const wire = weights
  .map((w) => ({ ...w, total: w.htmlGzip + w.cssGzip }))
  .sort((a, b) => b.total - a.total);
const totals = wire.map((w) => w.total).sort((a, b) => a - b);
const heaviest = wire[0];
const perLocale = (locale: 'fr' | 'en') =>
  pages.filter((p) => localeOfPath(p.path) === locale && !isNotFoundPage(p.path)).length;

// The site's own scripts, apart from the editor (an application for the staff)
// and Pagefind's files (loaded by the search pages only), measured on their own.
const jsWeight = (files: string[]) => {
  const contents = files.map((file) => readFileSync(join(distDir, file)));
  return {
    count: files.length,
    raw: contents.reduce((sum, content) => sum + content.length, 0),
    gzip: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
  };
};
const allJs = listFiles(distDir).filter((file) => /\.m?js$/.test(file));
const jsFiles = allJs.filter((f) => !f.startsWith(editorFolder) && !f.startsWith('pagefind/'));
const { raw: jsTotal, gzip: jsGzip } = jsWeight(jsFiles);
const editor = jsWeight(allJs.filter((f) => f.startsWith(editorFolder)));
const searchPages = pages.filter((page) => isSearchPage(page.path));
const search = searchPages.map((page) => searchScriptWeight(distDir, page));
const withJs = weights.filter((w) => w.jsBytes > 0).sort((a, b) => b.jsBytes - a.jsBytes);
const images = builtImages(distDir).sort((a, b) => b.bytes - a.bytes);
const imageTotal = images.reduce((sum, image) => sum + image.bytes, 0);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows: [string, string][] = [
  ['build time', `${buildSeconds.toFixed(1)} s (astro build)`],
  [
    'pages',
    `${pages.length} HTML files: fr ${perLocale('fr')}, en ${perLocale('en')}, 404 ${pages.filter((p) => isNotFoundPage(p.path)).length}`,
  ],
  [
    'HTML+CSS gzip max',
    heaviest ? `${kb(heaviest.total)} ${heaviest.path} (budget ${kb(pageBudgetBytes)})` : '-',
  ],
  ['HTML+CSS gzip median', kb(median(totals))],
  ['JS of the site', `${kb(jsTotal)} (${kb(jsGzip)} gzip) in ${jsFiles.length} files`],
  [
    'search pages',
    search
      .map(
        (s) =>
          `${s.path} ${kb(s.script)} JS gzip (page ${kb(s.page)} + pagefind.js ${kb(s.pagefind)}) + ${kb(s.wasm)} wasm`,
      )
      .join('; '),
  ],
  [
    'editor (/admin/)',
    `${kb(editor.raw)} JS (${kb(editor.gzip)} gzip) in ${editor.count} files, loaded by the staff only`,
  ],
  [
    'JS per page',
    withJs.length === 0
      ? '0 B on every page'
      : `${withJs.length} pages load JS; max ${kb(withJs[0]?.jsBytes ?? 0)} ${withJs[0]?.path ?? ''}`,
  ],
  ['images total', `${kb(imageTotal)} in ${images.length} files`],
  ['largest image', images[0] ? `${kb(images[0].bytes)} ${images[0].file}` : '-'],
];

const width = Math.max(...rows.map(([label]) => label.length));
console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
console.log('\nheaviest pages (HTML + CSS, gzip)');
for (const w of wire.slice(0, 5)) {
  console.log(
    `  ${kb(w.total).padStart(8)}  ${kb(w.htmlGzip).padStart(8)} + ${kb(w.cssGzip).padStart(7)}  ${w.path}`,
  );
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
