// URL path helpers shared by the crawl, the dist checks and the benchmark.

/** The language a path is in: English under /en/, French everywhere else. */
export function localeOfPath(path: string): 'fr' | 'en' {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'fr';
}

/** Path and query of a URL, whatever its host (the build's site URL may differ from the test server's). */
export function pathAndQuery(url: string): string {
  const parsed = new URL(url, 'http://x');
  return parsed.pathname + parsed.search;
}

/**
 * The search pages, the only pages without a sign-up or registration form that
 * run a script (Pagefind). Named here so that the checks exempt them and no other page.
 */
export const searchPagePaths: readonly string[] = ['/recherche/', '/en/search/'];

export const isSearchPage = (path: string): boolean => searchPagePaths.includes(path);

/**
 * The training lists, the other pages without a form that run a script: the
 * live count of seats left (src/components/LiveSeats.astro), while some
 * session takes registrations. Named here so that the checks exempt them and
 * no other page; their script is held to the form pages' budget.
 */
export const liveSeatsPagePaths: readonly string[] = ['/formations/', '/en/training/'];

export const isLiveSeatsPage = (path: string): boolean => liveSeatsPagePaths.includes(path);
