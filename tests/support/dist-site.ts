// Reads the built site in dist/: its pages, what each one weighs over the wire,
// and its images. Shared by the dist checks (tests/browser/dist.spec.ts) and the
// benchmark (scripts/bench-site.ts), so both measure the same thing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { elementBodies, isDataScript, startTags } from './html.ts';

/** A page's budget for HTML plus CSS, gzipped: what fits in the first round trips. */
export const pageBudgetBytes = 14 * 1024;

/** A form page's budget for JavaScript, gzipped: light enough for a phone on a poor connection. */
export const formScriptBudgetBytes = 8 * 1024;

/** The search page's budget for JavaScript, gzipped: its own script and pagefind.js. */
export const searchScriptBudgetBytes = 60 * 1024;

/**
 * The search index's WebAssembly for one language (stored gzipped by Pagefind):
 * about 59 KB in Pagefind 1.6 (55 KB without a language's stemmer); the budget
 * keeps it from growing unnoticed.
 */
export const searchWasmBudgetBytes = 64 * 1024;

export interface BuiltPage {
  /** The file, relative to dist/ ("en/programmes/index.html"). */
  file: string;
  /** The URL path it is served at ("/en/programmes/"). */
  path: string;
  html: string;
}

export interface PageWeight {
  path: string;
  /** Gzipped bytes of the HTML document (inline CSS and scripts included). */
  htmlGzip: number;
  /** Gzipped bytes of the stylesheets it links, each fetched on its own. */
  cssGzip: number;
  /** Stylesheets it links that dist/ does not have. */
  missingCss: string[];
  /** Raw bytes of the JavaScript it runs: inline scripts plus the files it loads. */
  jsBytes: number;
  /** The same, gzipped file by file as each is fetched. */
  jsGzip: number;
  /** The scripts it runs: file paths, or "inline". */
  scripts: string[];
  /** Has a form other than a search form (every header has one: a plain GET, no script). */
  hasForm: boolean;
}

export const imageExtensions = ['.avif', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.webp'];

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The URL path a built HTML file is served at, with the site's trailing slashes. */
export function pathOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Not-found pages: built like any page, but never listed nor linked. */
export function isNotFoundPage(path: string): boolean {
  return /(^|\/)404(\.html|\/)$/.test(path);
}

/** Pages that ask search engines not to index them (404, thank-you pages). */
export function isNoindex(page: BuiltPage): boolean {
  return startTags(page.html, 'meta').some(
    (meta) =>
      (meta['name'] ?? '').toLowerCase() === 'robots' && /noindex/i.test(meta['content'] ?? ''),
  );
}

/**
 * The editor for the staff (an application bundled apart, checked by
 * tests/browser/editor.spec.ts): not a page of the site.
 */
export const editorFolder = 'admin/';

export function builtPages(distDir: string): BuiltPage[] {
  return listFiles(distDir)
    .filter((file) => file.endsWith('.html') && !file.startsWith(editorFolder))
    .map((file) => ({
      file,
      path: pathOfFile(file),
      html: readFileSync(join(distDir, file), 'utf8'),
    }));
}

const gzipSize = (content: string | Buffer) => gzipSync(content).length;

/** Where a root-relative or same-site URL found in a page lives in dist/, if it does. */
function distFileOf(distDir: string, pagePath: string, href: string): string | null {
  const url = new URL(href, `http://site.invalid${pagePath}`);
  if (url.host !== 'site.invalid') return null;
  return join(distDir, decodeURIComponent(url.pathname));
}

function fileSize(file: string | null): number | null {
  if (file === null) return null;
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

function fileGzipSize(file: string | null): number {
  return file === null || fileSize(file) === null ? 0 : gzipSize(readFileSync(file));
}

export function pageWeight(distDir: string, page: BuiltPage): PageWeight {
  let cssGzip = 0;
  const missingCss: string[] = [];
  for (const link of startTags(page.html, 'link')) {
    const rel = (link['rel'] ?? '').toLowerCase().split(/\s+/);
    const href = link['href'];
    if (!rel.includes('stylesheet') || href === undefined) continue;
    const file = distFileOf(distDir, page.path, href);
    if (file === null || fileSize(file) === null) missingCss.push(href);
    else cssGzip += gzipSize(readFileSync(file));
  }

  let jsBytes = 0;
  let jsGzip = 0;
  const scripts: string[] = [];
  for (const { attributes, body } of elementBodies(page.html, 'script')) {
    if (isDataScript(attributes)) continue;
    const src = attributes['src'];
    if (src === undefined) {
      jsBytes += Buffer.byteLength(body);
      jsGzip += gzipSize(body);
      scripts.push('inline');
    } else {
      const file = distFileOf(distDir, page.path, src);
      jsBytes += fileSize(file) ?? 0;
      jsGzip += fileGzipSize(file);
      scripts.push(src);
    }
  }
  // Preloaded modules are downloaded too, even before a script imports them.
  for (const link of startTags(page.html, 'link')) {
    if ((link['rel'] ?? '').toLowerCase() !== 'modulepreload' || link['href'] === undefined)
      continue;
    const file = distFileOf(distDir, page.path, link['href']);
    jsBytes += fileSize(file) ?? 0;
    jsGzip += fileGzipSize(file);
    scripts.push(link['href']);
  }

  return {
    path: page.path,
    htmlGzip: gzipSize(page.html),
    cssGzip,
    missingCss,
    jsBytes,
    jsGzip,
    scripts,
    hasForm: startTags(page.html, 'form').some((form) => form['role'] !== 'search'),
  };
}

export interface ImageFile {
  file: string;
  bytes: number;
}

export function builtImages(distDir: string): ImageFile[] {
  return listFiles(distDir)
    .filter((file) => imageExtensions.some((ext) => file.toLowerCase().endsWith(ext)))
    .map((file) => ({ file, bytes: statSync(join(distDir, file)).size }));
}

/** What the search page's code weighs over the wire, part by part (gzipped bytes). */
export interface SearchScriptWeight {
  path: string;
  /** The page's own scripts, as pageWeight counts them. */
  page: number;
  /** pagefind.js, loaded by the page's script on first use. */
  pagefind: number;
  /** wasm.LANG.pagefind: Pagefind stores it gzipped already, so its size is what travels. */
  wasm: number;
  /** The JavaScript: the page's own and pagefind.js. */
  script: number;
}

export function searchScriptWeight(distDir: string, page: BuiltPage): SearchScriptWeight {
  const lang = startTags(page.html, 'html')[0]?.['lang'] ?? 'unknown';
  const own = pageWeight(distDir, page).jsGzip;
  const pagefind = fileGzipSize(join(distDir, 'pagefind', 'pagefind.js'));
  const wasm = fileSize(join(distDir, 'pagefind', `wasm.${lang}.pagefind`)) ?? 0;
  return { path: page.path, page: own, pagefind, wasm, script: own + pagefind };
}
