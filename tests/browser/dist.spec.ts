// Checks over the built files in dist/ (no browser needed): page weight, no
// JavaScript on content pages, and a sitemap and robots.txt that list every page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  builtPages,
  isNoindex,
  isNotFoundPage,
  pageBudgetBytes,
  pageWeight,
} from '../support/dist-site.ts';
import { elementBodies, startTags } from '../support/html.ts';

const distDir = join(import.meta.dirname, '..', '..', 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  throw new Error('dist/ has no site: run `npm run build` before the browser tests.');
}
const pages = builtPages(distDir);
const weights = pages.map((page) => pageWeight(distDir, page));

test('the build has French and English pages', () => {
  const paths = pages.map((page) => page.path);

  expect(paths).toContain('/');
  expect(paths.some((path) => path.startsWith('/en/'))).toBe(true);
});

test('every page weighs at most 14 KB of gzipped HTML and CSS', () => {
  const tooHeavy = weights
    .filter((w) => w.htmlGzip + w.cssGzip > pageBudgetBytes)
    .map((w) => `${w.path}: ${w.htmlGzip} B HTML + ${w.cssGzip} B CSS (gzip)`);
  const missing = weights.flatMap((w) => w.missingCss.map((href) => `${w.path}: ${href}`));

  expect(tooHeavy, `pages over ${pageBudgetBytes} B`).toEqual([]);
  expect(missing, 'linked stylesheets missing from dist/').toEqual([]);
});

test('content pages load no JavaScript', () => {
  const withScripts = weights
    .filter((w) => !w.hasForm && w.scripts.length > 0)
    .map((w) => `${w.path}: ${w.jsBytes} B from ${w.scripts.join(', ')}`);

  expect(withScripts).toEqual([]);
});

test('the sitemap lists every built page but the 404s and noindex pages, each with its hreflang alternates', () => {
  const xml = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');
  const entries = elementBodies(xml, 'url').map(({ body }) => ({
    path: new URL((/<loc>([^<]+)<\/loc>/.exec(body)?.[1] ?? '').trim(), 'http://x').pathname,
    alternates: startTags(body, 'xhtml:link').filter((link) => link['hreflang'] !== undefined),
  }));
  const listed = entries.map((entry) => entry.path).sort();
  const built = pages
    .filter((page) => !isNotFoundPage(page.path) && !isNoindex(page))
    .map((page) => page.path)
    .sort();
  const withoutAlternates = entries.filter((e) => e.alternates.length === 0).map((e) => e.path);
  const brokenAlternates = entries.flatMap((entry) =>
    entry.alternates
      .map((link) => new URL(link['href'] ?? '', 'http://x').pathname)
      .filter((path) => !built.includes(path))
      .map((path) => `${entry.path} → ${path}`),
  );

  expect(listed).toEqual(built);
  expect(withoutAlternates, 'entries without hreflang alternates').toEqual([]);
  expect(brokenAlternates, 'alternates that are not built pages').toEqual([]);
});

test('robots.txt points to the sitemap', () => {
  const robotsFile = join(distDir, 'robots.txt');

  const robots = existsSync(robotsFile) ? readFileSync(robotsFile, 'utf8') : '';
  const sitemap = /^sitemap:\s*(\S+)/im.exec(robots)?.[1];

  expect(sitemap, 'a "Sitemap:" line in dist/robots.txt').toBeDefined();
  expect(new URL(sitemap ?? '', 'http://x').pathname).toBe('/sitemap.xml');
});
