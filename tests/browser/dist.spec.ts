// Checks over the built files in dist/ (no browser needed): page weight, no
// JavaScript on content pages and little on form pages, form rules that agree
// with the server's, and a sitemap and robots.txt that list every page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  currentObserverCharterVersion,
  currentPrivacyNoticeVersion,
} from '../../src/schemas/forms/consent.ts';
import { fromFormEntries } from '../../src/schemas/forms/form-data.ts';
import {
  checkForm,
  type FieldErrors,
  type FormRules,
} from '../../src/schemas/forms/page-checks.ts';
import { pickLocale, validateForm, type FormKind } from '../../src/schemas/forms/validate.ts';
import {
  beforeVisit,
  formBody,
  visitFrom,
  visitTo,
  volunteerForm,
} from '../support-server/forms.ts';
import {
  builtPages,
  type BuiltPage,
  editorFolder,
  formScriptBudgetBytes,
  isNoindex,
  isNotFoundPage,
  pageBudgetBytes,
  pageWeight,
  searchScriptBudgetBytes,
  searchWasmBudgetBytes,
  searchScriptWeight,
} from '../support/dist-site.ts';
import { elementBodies, startTags } from '../support/html.ts';
import { pagePolicy } from '../../src/lib/csp.ts';
import { retentionTexts } from '../../src/lib/retention.ts';
import {
  isLiveSeatsPage,
  isSearchPage,
  liveSeatsPagePaths,
  localeOfPath,
  searchPagePaths,
} from '../support/paths.ts';

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

// The exceptions, by name: the search pages run Pagefind (see below), the
// training lists the live count of seats left.
test('content pages load no JavaScript', () => {
  const withScripts = weights
    .filter(
      (w) =>
        !w.hasForm && !isSearchPage(w.path) && !isLiveSeatsPage(w.path) && w.scripts.length > 0,
    )
    .map((w) => `${w.path}: ${w.jsBytes} B from ${w.scripts.join(', ')}`);

  expect(withScripts).toEqual([]);
});

test('every page states its content security policy before anything it loads', () => {
  const policies = new Set([pagePolicy('self'), pagePolicy('self-and-wasm')]);
  const wrong = pages
    .filter((page) => {
      const head = /<head>(.*?)<\/head>/s.exec(page.html)?.[1] ?? '';
      const [charset, policy] = startTags(head, 'meta');
      return !(
        charset?.['charset'] === 'utf-8' &&
        policy?.['http-equiv'] === 'Content-Security-Policy' &&
        policies.has(policy['content'] ?? '') &&
        head.indexOf('<meta') === head.search(/<(meta|link|script|style)/)
      );
    })
    .map((page) => page.path);

  expect(wrong).toEqual([]);
});

test('the search pages are built, and only they may compile WebAssembly', () => {
  const withWasm = pages
    .filter((page) => page.html.includes(pagePolicy('self-and-wasm')))
    .map((page) => page.path)
    .sort();

  expect(withWasm).toEqual([...searchPagePaths].sort());
});

test('the search pages load at most 60 KB of gzipped JavaScript and 64 KB of WebAssembly', () => {
  const searchPages = pages.filter((page) => isSearchPage(page.path));
  const measured = searchPages.map((page) => searchScriptWeight(distDir, page));
  const incomplete = measured.filter((m) => m.page === 0 || m.pagefind === 0 || m.wasm === 0);
  const tooHeavy = measured
    .filter((m) => m.script > searchScriptBudgetBytes || m.wasm > searchWasmBudgetBytes)
    .map(
      (m) =>
        `${m.path}: ${m.script} B of JavaScript (${m.page} page + ${m.pagefind} pagefind.js), ${m.wasm} B of WebAssembly`,
    );

  expect(searchPages.length, 'search pages').toBe(searchPagePaths.length);
  expect(incomplete, 'search pages missing their script, pagefind.js or wasm').toEqual([]);
  expect(tooHeavy, 'search pages over budget').toEqual([]);
});

test('every other page has the header search form, a plain GET to the search page of its language', () => {
  const searchPathOf = { fr: '/recherche/', en: '/en/search/' };
  const wrong = pages
    .filter((page) => !isSearchPage(page.path))
    .filter((page) => {
      const forms = startTags(page.html, 'form').filter((form) => form['role'] === 'search');
      const inputs = startTags(page.html, 'input').filter((input) => input['name'] === 'q');
      return !(
        forms.length === 1 &&
        forms[0]?.['method'] === 'get' &&
        forms[0]['action'] === searchPathOf[localeOfPath(page.path)] &&
        inputs.length === 1 &&
        inputs[0]?.['type'] === 'search'
      );
    })
    .map((page) => page.path);

  expect(wrong).toEqual([]);
});

test('pages with a form, and the training lists, load at most 8 KB of gzipped JavaScript', () => {
  const forms = weights.filter((w) => w.hasForm || isLiveSeatsPage(w.path));
  const lists = weights.filter((w) => isLiveSeatsPage(w.path));
  const tooHeavy = forms
    .filter((w) => w.jsGzip > formScriptBudgetBytes)
    .map((w) => `${w.path}: ${w.jsGzip} B (gzip) from ${w.scripts.join(', ')}`);

  expect(forms.length, 'pages with a form').toBeGreaterThan(0);
  expect(lists.map((w) => w.path).sort(), 'training lists').toEqual([...liveSeatsPagePaths].sort());
  expect(tooHeavy, `form pages over ${formScriptBudgetBytes} B of JavaScript`).toEqual([]);
});

// Form bodies as the browser sends them, each wrong in one way or two, so that
// the checks across fields run (or not) as the server runs them. An empty list
// leaves the field out, as an unticked box does.
const noLanguage = { 'lang-ar': 'none', 'lang-en': 'none' };
const volunteerCases: Record<string, string | string[]>[] = [
  {},
  { name: '' },
  { name: '   ' },
  { name: 'x'.repeat(101) },
  // What no person types (issue 8), and real names the page must not refuse.
  { name: '\u200B\u200B\u200B' },
  { name: 'Camille \u202Efdp.exe' },
  { name: 'زهرا مهدی\u200Cزاده' },
  { name: 'ሃብቶም ገብረመድህን' },
  { motivation: 'Je veux aider\u0000 les personnes exilées.' },
  { motivation: 'Deux lignes,\r\nla seconde aussi.' },
  { email: `${'a'.repeat(65)}@example.org` },
  { email: 'not-an-address' },
  { email: ' camille@example.org ' },
  { email: 'camille@example' },
  { phone: 'call me' },
  { phone: '  ' },
  { phone: '+33 6 12 34 56 78' },
  { phone: '1'.repeat(26) },
  { profession: 'astronaut' },
  noLanguage,
  { ...noLanguage, otherLanguages: '  ' },
  { ...noLanguage, otherLanguages: 'Kurmanji, fluent' },
  { ...noLanguage, email: 'not-an-address' },
  { ...noLanguage, name: '' },
  { ...noLanguage, consent: [] },
  { availability: [] },
  { availability: 'never' },
  { heardFrom: '' },
  { heardFrom: 'tv' },
  { motivation: 'Short.' },
  { consent: [] },
  { privacyVersion: '1999-01-01' },
  { locale: 'de' },
];
const observerForm = (overrides: Record<string, string | string[]>) => ({
  locale: 'en',
  name: 'Sam Taylor',
  email: 'sam.taylor@example.org',
  profile: 'journalist',
  organisation: 'Coastal Weekly',
  project: 'A long-form article on access to care for exiled people on the coast.',
  formats: ['article', 'audio'],
  dateFrom: visitFrom,
  dateTo: visitTo,
  charter: 'yes',
  consent: 'yes',
  privacyVersion: currentPrivacyNoticeVersion,
  charterVersion: currentObserverCharterVersion,
  ...overrides,
});
const observerCases: Record<string, string | string[]>[] = [
  {},
  { organisation: '' },
  { organisation: 'x'.repeat(151) },
  { project: '' },
  { formats: [] },
  { formats: ['article', 'mime'] },
  { dateFrom: '2020-01-01' },
  { dateFrom: '2030-02-31' },
  { dateFrom: '', dateTo: '' },
  { dateTo: beforeVisit },
  { dateTo: beforeVisit, email: 'not-an-address' },
  { dateTo: beforeVisit, profile: '' },
  { charter: [] },
  { charterVersion: '1999-01-01' },
];
const bodies: Record<FormKind, Record<string, string | string[]>[]> = {
  volunteer: volunteerCases.map((c) => volunteerForm(c)),
  observer: observerCases.map((c) => observerForm(c)),
};

/** The sign-up forms of a built page, with the rules their JSON block carries. */
const signupForms = (page: BuiltPage) =>
  startTags(page.html, 'form')
    .filter((form) => form['data-signup'] !== undefined)
    .map((form) => ({
      kind: form['data-signup'] === 'observer' ? ('observer' as const) : ('volunteer' as const),
      locale: pickLocale(form['data-locale']),
      rules: JSON.parse(
        elementBodies(page.html, 'script').find(({ attributes }) => 'data-rules' in attributes)
          ?.body ?? 'null',
      ) as FormRules | null,
    }));

const sorted = (errors: FieldErrors | null) =>
  JSON.stringify(Object.entries(errors ?? {}).sort(([a], [b]) => a.localeCompare(b)));

test('every form page checks as the server does, with its messages in its language', () => {
  const forms = pages.flatMap((page) => signupForms(page).map((form) => ({ ...form, page })));
  const disagreements = forms.flatMap(({ page, kind, locale, rules }) =>
    bodies[kind].flatMap((fields) => {
      const data = fromFormEntries(formBody(fields).entries());
      const server = validateForm(kind, data, locale);
      const onServer = sorted(server.ok ? {} : server.errors);
      const onPage = rules === null ? 'no rules' : sorted(checkForm(rules, data));
      return onPage === onServer
        ? []
        : [`${page.path} ${JSON.stringify(fields)}: page ${onPage}, server ${onServer}`];
    }),
  );

  expect(forms.length, 'sign-up forms').toBe(4);
  expect(disagreements).toEqual([]);
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

test('the editor at /admin/ is kept out of search engines and the sitemap', () => {
  const editor = readFileSync(join(distDir, editorFolder, 'index.html'), 'utf8');
  const headers = readFileSync(join(distDir, '_headers'), 'utf8');
  const sitemap = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');

  expect(startTags(editor, 'meta').find((meta) => meta['name'] === 'robots')?.['content']).toMatch(
    /noindex/,
  );
  expect(headers).toMatch(/^\/admin\/\*\n(?: {2}.*\n)*? {2}X-Robots-Tag: noindex/m);
  expect(sitemap).not.toContain('/admin');
});

test('robots.txt points to the sitemap', () => {
  const robotsFile = join(distDir, 'robots.txt');

  const robots = existsSync(robotsFile) ? readFileSync(robotsFile, 'utf8') : '';
  const sitemap = /^sitemap:\s*(\S+)/im.exec(robots)?.[1];

  expect(sitemap, 'a "Sitemap:" line in dist/robots.txt').toBeDefined();
  expect(new URL(sitemap ?? '', 'http://x').pathname).toBe('/sitemap.xml');
});

test('the privacy pages state every retention period as src/lib/retention.ts has it', () => {
  for (const [locale, path] of [
    ['fr', 'confidentialite/index.html'],
    ['en', 'en/privacy/index.html'],
  ] as const) {
    const page = readFileSync(join(distDir, path), 'utf8');
    const { localOutbox: _devOnly, ...promised } = retentionTexts(locale);
    for (const rule of Object.values(promised)) expect(page).toContain(rule);
  }
});
