// Crawls the served site breadth-first from the home pages and the sitemap, in
// one browser page, and records what each page shows, so that every check in
// tests/browser/crawl.spec.ts covers every page, including pages added later.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { pathAndQuery } from './paths.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface ImageFacts {
  src: string;
  alt: string | null;
  width: string | null;
  height: string | null;
  loading: string | null;
  /** Starts below the first viewport once the page has loaded. */
  belowFold: boolean;
}

export interface ScriptFacts {
  /** Absolute URL, or null for an inline script. */
  src: string | null;
  type: string;
}

/** What a page's DOM holds, read once it has loaded. */
export interface DomFacts {
  lang: string;
  h1Count: number;
  title: string;
  description: string | null;
  canonicals: string[];
  alternates: { hreflang: string; href: string }[];
  noindex: boolean;
  ids: string[];
  /** Absolute URLs of every a[href]. */
  links: string[];
  /** Absolute URLs of audio, video, captions and posters, which load only on demand. */
  media: string[];
  scripts: ScriptFacts[];
  /** Has a form other than a search form (every header has one: a plain GET, no script). */
  hasForm: boolean;
  images: ImageFacts[];
}

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface PageVisit {
  /** Path and query as requested. */
  path: string;
  status: number;
  /** Path after redirects. */
  finalPath: string;
  consoleErrors: string[];
  /** Requests to any origin but the test server. */
  foreignRequests: string[];
  /** Sub-resources that failed or answered 4xx/5xx. */
  brokenResources: string[];
  /** Names of cookies present after the visit. */
  cookies: string[];
  dom: DomFacts;
  axe: AxeViolation[];
}

/** A link from a page to a same-site URL. */
export interface Link {
  from: string;
  /** Path and query, no fragment. */
  to: string;
  /** Decoded fragment without '#', or null. */
  fragment: string | null;
}

export interface CrawlResult {
  pages: Map<string, PageVisit>;
  /** Status of every linked same-site URL that is not an HTML page (media, downloads, API). */
  resources: Map<string, number>;
  links: Link[];
  /** Paths listed in sitemap.xml. */
  sitemap: string[];
}

/** URLs the browser checks as pages; everything else is fetched for its status only. */
export function isHtmlPath(path: string): boolean {
  const { pathname } = new URL(path, 'http://x');
  if (pathname.startsWith('/api/') || pathname.startsWith('/.netlify/')) return false;
  return pathname.endsWith('/') || pathname.endsWith('.html');
}

export async function crawlSite(
  context: BrowserContext,
  baseURL: string,
  options: { maxPages?: number; log?: (line: string) => void } = {},
): Promise<CrawlResult> {
  const origin = new URL(baseURL).origin;
  const maxPages = options.maxPages ?? 1000;
  const sitemap = await sitemapPaths(context, origin);
  const seen = new Set(['/', '/en/', ...sitemap]);
  const queue = [...seen];
  const result: CrawlResult = { pages: new Map(), resources: new Map(), links: [], sitemap };

  let consoleErrors: string[] = [];
  let foreignRequests: string[] = [];
  let brokenResources: string[] = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin) {
      foreignRequests.push(request.url());
    }
  });
  page.on('requestfailed', (request) => {
    // A navigation the crawler itself replaces is not a broken resource, nor is a
    // request still in flight (a page's live fetch) that leaving the page aborts;
    // a missing resource still shows as a 4xx below.
    if (request.isNavigationRequest() || request.failure()?.errorText === 'net::ERR_ABORTED')
      return;
    brokenResources.push(`${request.url()} (failed)`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest()) {
      brokenResources.push(`${response.url()} (${response.status()})`);
    }
  });

  const enqueue = (path: string) => {
    if (seen.has(path) || seen.size >= maxPages) return;
    seen.add(path);
    queue.push(path);
  };

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const path = next;
    if (!isHtmlPath(path)) {
      result.resources.set(path, await statusOf(context, origin + path));
      continue;
    }
    consoleErrors = [];
    foreignRequests = [];
    brokenResources = [];
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    const finalPath = pathAndQuery(page.url());
    const dom = await readDom(page);
    const axe = status === 200 ? await audit(page) : [];
    const cookies = (await context.cookies()).map((cookie) => cookie.name);
    await context.clearCookies();
    result.pages.set(path, {
      path,
      status,
      finalPath,
      consoleErrors,
      foreignRequests,
      brokenResources,
      cookies,
      dom,
      axe,
    });
    options.log?.(`${status} ${path}`);

    for (const href of dom.links) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const to = url.pathname + url.search;
      const fragment = url.hash.length > 1 ? decodeURIComponent(url.hash.slice(1)) : null;
      result.links.push({ from: path, to, fragment });
      enqueue(to);
    }
    for (const src of dom.media) {
      const url = new URL(src);
      if (url.origin !== origin) continue;
      result.links.push({ from: path, to: url.pathname + url.search, fragment: null });
      enqueue(url.pathname + url.search);
    }
    for (const alternate of dom.alternates) enqueue(new URL(alternate.href, origin).pathname);
  }

  await page.close();
  return result;
}

async function sitemapPaths(context: BrowserContext, origin: string): Promise<string[]> {
  const response = await context.request.get(`${origin}/sitemap.xml`);
  if (!response.ok()) return [];
  const xml = await response.text();
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) =>
    pathAndQuery(match[1] ?? '/'),
  );
}

async function statusOf(context: BrowserContext, url: string): Promise<number> {
  // HEAD spares downloading audio and video; functions may only answer GET.
  const head = await context.request.head(url, { failOnStatusCode: false });
  if (head.status() !== 405 && head.status() !== 404) return head.status();
  const get = await context.request.get(url, { failOnStatusCode: false });
  return get.status();
}

async function audit(page: Page): Promise<AxeViolation[]> {
  // Legacy mode runs in the page itself: the site has no iframes to stitch, and it
  // spares opening a helper page for every audited page.
  const results = await new AxeBuilder({ page }).withTags(axeTags).setLegacyMode(true).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

function readDom(page: Page): Promise<DomFacts> {
  return page.evaluate(() => {
    const all = <T extends Element>(selector: string) => [
      ...document.querySelectorAll<T>(selector),
    ];
    const viewportHeight = window.innerHeight;
    return {
      lang: document.documentElement.getAttribute('lang') ?? '',
      h1Count: all('h1').length,
      title: document.title,
      description:
        document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
      canonicals: all<HTMLLinkElement>('link[rel="canonical"]').map((link) => link.href),
      alternates: all<HTMLLinkElement>('link[rel="alternate"][hreflang]').map((link) => ({
        hreflang: link.hreflang,
        href: link.href,
      })),
      noindex: /noindex/i.test(
        document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '',
      ),
      ids: all('[id]').map((element) => element.id),
      links: all<HTMLAnchorElement>('a[href]')
        .filter((a) => /^https?:$/.test(a.protocol))
        .map((a) => a.href),
      media: [
        ...all('audio[src], video[src], source[src], track[src]').map(
          (element) => new URL(element.getAttribute('src') ?? '', document.baseURI).href,
        ),
        ...all<HTMLVideoElement>('video[poster]').map((video) => video.poster),
      ],
      scripts: all<HTMLScriptElement>('script').map((script) => ({
        src: script.hasAttribute('src') ? script.src : null,
        type: script.type,
      })),
      hasForm: all('form:not([role="search"])').length > 0,
      images: all<HTMLImageElement>('img').map((img) => ({
        src: img.currentSrc || img.src,
        alt: img.getAttribute('alt'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        belowFold: img.getBoundingClientRect().top + window.scrollY >= viewportHeight,
      })),
    };
  });
}
