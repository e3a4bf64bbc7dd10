// The one check against cross-site request forgery: a state-changing request
// (any method but GET, HEAD, OPTIONS) is refused when the browser says it
// comes from another site. Browsers send Sec-Fetch-Site and Origin with every
// POST; a page elsewhere can set neither. A request with neither header is not
// a browser's cross-site request (curl, an API client, a very old browser):
// it is let through, since no visitor's browser can be made to send it.
import type { Locale } from '../schemas/common.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CrossSiteVerdict = { ok: true } | { ok: false; reason: 'sec-fetch-site' | 'origin' };

/**
 * Our origins: the request's own (the host the browser addressed; an attacker's
 * page cannot change it, and it covers the CLI's port and Netlify's deploy
 * previews) and the configured site URL (a custom domain behind a redirect).
 */
function ownOrigins(req: Request, siteUrl: string | undefined): Set<string> {
  const origins = new Set([new URL(req.url).origin]);
  if (siteUrl !== undefined) {
    try {
      origins.add(new URL(siteUrl).origin);
    } catch {
      // A wrong SITE_URL is the configuration's error to report, not this check's.
    }
  }
  return origins;
}

export function checkSameOrigin(req: Request, siteUrl?: string): CrossSiteVerdict {
  if (safeMethods.has(req.method.toUpperCase())) return { ok: true };
  const fetchSite = req.headers.get('sec-fetch-site')?.toLowerCase();
  const origin = req.headers.get('origin');
  // Our origins are worked out only for a request that names one.
  const isOurs = (claimed: string) => ownOrigins(req, siteUrl).has(claimed);
  // Sec-Fetch-Site, when the browser sends it, decides: it is computed from the
  // page that made the request, whatever its Referrer-Policy. Our own pages say
  // "no-referrer", so their posts carry `Origin: null` but "same-origin" here.
  // "none" is the user's own doing (typed, bookmarked). "same-site" is another
  // origin of the same site (a sibling subdomain): not us unless Origin says so.
  if (fetchSite === 'same-origin' || fetchSite === 'none') return { ok: true };
  if (fetchSite === 'cross-site') return { ok: false, reason: 'sec-fetch-site' };
  if (fetchSite === 'same-site' && (origin === null || !isOurs(origin))) {
    return { ok: false, reason: 'sec-fetch-site' };
  }
  // An older browser: Origin alone. "null" (a sandboxed frame, a data: URL) is nobody we know.
  if (origin !== null && !isOurs(origin)) return { ok: false, reason: 'origin' };
  return { ok: true };
}

/** The language of a refused visitor's page, from what their browser prefers. */
export function preferredLocale(req: Request): Locale {
  const first = (req.headers.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase();
  return first?.startsWith('en') === true ? 'en' : 'fr';
}

/** Whether the refusal should be JSON (a script, an API client) rather than a page. */
export function wantsJson(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const accept = (req.headers.get('accept') ?? '').toLowerCase();
  return (
    type.startsWith('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}
