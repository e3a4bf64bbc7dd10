// What every HTTP function goes through (netlify/functions/*.ts): the refusal
// of cross-site state-changing requests, a last answer for anything thrown
// (never a stack trace), and the security headers on every response.
import { t } from '../i18n/index.ts';
import { checkSameOrigin, preferredLocale, wantsJson } from './cross-site.ts';
import { errorResponse, htmlResponse, problem } from './http.ts';
import { createLogger, errorCode, type Logger } from './log.ts';
import { crossSitePage } from './pages/cross-site.ts';
import { withSecurityHeaders, type HeaderOptions } from './security-headers.ts';
import { getServices } from './services.ts';

/** The configured site URL and logger, or what is left when the configuration is wrong. */
function surroundings(): { siteUrl: string | undefined; log: Logger } {
  try {
    const { config, deps } = getServices();
    return { siteUrl: config.siteUrl, log: deps.log };
  } catch {
    // The handler will answer the configuration error itself.
    return { siteUrl: undefined, log: createLogger() };
  }
}

function crossSiteRefusal(req: Request): Response {
  const locale = preferredLocale(req);
  return wantsJson(req)
    ? problem({ status: 403, title: t(locale, 'crossSite.title'), code: 'cross_site' })
    : htmlResponse(crossSitePage(locale), { status: 403 });
}

export function endpoint<C>(
  handler: (req: Request, context: C) => Response | Promise<Response>,
  options: HeaderOptions = {},
): (req: Request, context: C) => Promise<Response> {
  return async (req, context) => {
    let response: Response;
    try {
      const { siteUrl, log } = surroundings();
      const verdict = checkSameOrigin(req, siteUrl);
      if (verdict.ok) {
        response = await handler(req, context);
      } else {
        log.warn('cross_site_refused', { code: verdict.reason });
        response = crossSiteRefusal(req);
      }
    } catch (error) {
      // Handlers answer their own failures; this is for what escaped them.
      createLogger().error('request_failed', { code: errorCode(error) });
      response = errorResponse(error);
    }
    return withSecurityHeaders(response, options);
  };
}
