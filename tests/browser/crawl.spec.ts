// Every page the site links to or lists in its sitemap, checked for the quality
// bars: found by crawling, so new pages are covered without editing this file.
import { expect, test } from '@playwright/test';
import { crawlSite, isHtmlPath, type CrawlResult, type PageVisit } from '../support/crawl.ts';
import { isLiveSeatsPage, isSearchPage, localeOfPath, pathAndQuery } from '../support/paths.ts';

// A trace of a hundred pages is large and slow to record; a failure names its page anyway.
test.use({ trace: 'off' });

// One crawl, then one step per bar. Each step lists every page that fails it,
// and soft assertions keep a failing step from hiding the next ones.
test('every crawled page meets the quality bars', async ({ browser }, testInfo) => {
  testInfo.setTimeout(15 * 60_000);
  const baseURL = testInfo.project.use.baseURL ?? 'http://localhost:8890';
  const context = await browser.newContext({ baseURL });

  const crawl = await crawlSite(context, baseURL);
  await context.close();

  const bars = qualityBars(crawl, new URL(baseURL).origin);
  for (const [name, problems] of Object.entries(bars)) {
    await test.step(name, () => {
      expect.soft(problems.length, `${name}:\n${problems.join('\n')}`).toBe(0);
    });
  }
});

/** For each bar, the problems found: one readable line per page and problem. */
function qualityBars(crawl: CrawlResult, origin: string): Record<string, string[]> {
  const visits = [...crawl.pages.values()];
  const served = visits.filter((visit) => visit.status === 200);
  const linkedFrom = (path: string) => {
    const sources = [...new Set(crawl.links.filter((l) => l.to === path).map((l) => l.from))];
    if (sources.length === 0) return crawl.sitemap.includes(path) ? 'sitemap.xml' : 'start';
    return sources.slice(0, 3).join(', ') + (sources.length > 3 ? ', …' : '');
  };
  const perPage = (check: (visit: PageVisit) => string[]) =>
    served.flatMap((visit) => check(visit).map((problem) => `${visit.path}: ${problem}`));

  return {
    'the crawl reaches the French and the English home pages': ['/', '/en/']
      .filter((path) => crawl.pages.get(path)?.status !== 200)
      .map((path) => `${path} not reached`),

    'every linked page and file answers 200': [
      ...visits
        .filter((visit) => visit.status !== 200)
        .map((visit) => `${visit.path}: ${visit.status} (linked from ${linkedFrom(visit.path)})`),
      ...[...crawl.resources]
        .filter(([, status]) => status !== 200)
        .map(([path, status]) => `${path}: ${status} (linked from ${linkedFrom(path)})`),
    ],

    'no page logs a console error or loads a broken resource': perPage((visit) => [
      ...visit.consoleErrors.map((error) => `console: ${error}`),
      ...visit.brokenResources.map((url) => `resource: ${url}`),
    ]),

    'no page contacts another host or sets a cookie': perPage((visit) => [
      ...visit.foreignRequests.map((url) => `request to ${url}`),
      ...visit.cookies.map((name) => `cookie ${name}`),
    ]),

    // Sign-up and registration pages (those with a form) and, by name, the search
    // pages and the training lists (live seats) may load their own module script.
    'content pages have no script, form pages only same-origin module scripts': perPage((visit) =>
      visit.dom.scripts
        .filter((script) => !/json$/i.test(script.type))
        .filter(
          (script) =>
            !(
              visit.dom.hasForm ||
              isSearchPage(new URL(visit.finalPath, origin).pathname) ||
              isLiveSeatsPage(new URL(visit.finalPath, origin).pathname)
            ) ||
            script.type !== 'module' ||
            (script.src !== null && new URL(script.src).origin !== origin),
        )
        .map((script) => `<script type="${script.type}" src="${script.src ?? '(inline)'}">`),
    ),

    'every page declares the language of its path': perPage((visit) =>
      visit.dom.lang === localeOfPath(visit.finalPath) ? [] : [`lang="${visit.dom.lang}"`],
    ),

    'every page has one h1, a title, a description, a canonical link and hreflang alternates':
      perPage(({ dom, finalPath }) => {
        const found: string[] = [];
        if (dom.h1Count !== 1) found.push(`${dom.h1Count} <h1> elements`);
        if (dom.title.trim() === '') found.push('empty <title>');
        if ((dom.description ?? '').trim() === '') found.push('no meta description');
        // A noindex page (404) is not to be listed anywhere: it needs neither.
        if (!dom.noindex) {
          const canonicals = dom.canonicals.map(pathAndQuery);
          if (canonicals.length !== 1 || canonicals[0] !== finalPath) {
            found.push(`canonical ${JSON.stringify(canonicals)} instead of ${finalPath}`);
          }
          if (!dom.alternates.some((alternate) => alternate.hreflang === dom.lang)) {
            found.push(`no hreflang="${dom.lang}" alternate naming the page itself`);
          }
        }
        for (const alternate of dom.alternates) {
          if (crawl.pages.get(pathAndQuery(alternate.href))?.status !== 200) {
            found.push(`hreflang="${alternate.hreflang}" leads nowhere: ${alternate.href}`);
          }
        }
        return found;
      }),

    'every internal #fragment names an element of its target page': crawl.links
      .filter((link) => link.fragment !== null && isHtmlPath(link.to))
      .filter((link) => {
        const target = crawl.pages.get(link.to);
        return target === undefined || !target.dom.ids.includes(link.fragment ?? '');
      })
      .map((link) => `${link.from}: ${link.to}#${link.fragment ?? ''} has no such id`),

    'every page passes the axe audit (WCAG 2.2 A and AA)': perPage((visit) =>
      visit.axe.map(
        (v) => `${v.rule} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n    at ')}`,
      ),
    ),

    'every image has alt text and dimensions, and loads lazily below the first viewport': perPage(
      (visit) =>
        visit.dom.images.flatMap((image) => {
          const found: string[] = [];
          if (image.alt === null) found.push('no alt attribute');
          if (image.width === null || image.height === null) found.push('no width and height');
          if (image.belowFold && image.loading !== 'lazy') found.push('below the fold, not lazy');
          return found.map((problem) => `${image.src}: ${problem}`);
        }),
    ),
  };
}
