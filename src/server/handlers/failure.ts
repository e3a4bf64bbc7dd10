// The answer and the log line of a request that failed, whatever the cause,
// including services that could not be set up (a configuration too wrong, a
// store that did not open). It never sets the services up itself: the set-up
// may be what just failed, and trying it again here would throw out of the
// handler, and the platform would show the visitor a raw stack trace.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { ConfigError } from '../config.ts';
import { PermanentError, TemporaryError } from '../errors.ts';
import { errorResponse, htmlResponse, problem } from '../http.ts';
import { createLogger, errorCode, type Logger } from '../log.ts';
import { failurePage } from '../pages/failure.ts';
import { builtServices, getServices, type Services } from '../services.ts';

/**
 * The response to a failed request: the problem (or, to a browser that
 * navigated, a page) the error maps to, never its message or stack.
 */
export function failure(event: string, error: unknown, req?: Request): Response {
  try {
    const response = errorResponse(error);
    log().error(event, {
      status: response.status,
      code: errorCode(error),
      ...(error instanceof ConfigError ? { variables: error.problems.map((p) => p.variable) } : {}),
    });
    if (response.status < 500 || req === undefined) return response;
    const locale = requestLocale(req);
    const headers = new Headers(response.headers);
    headers.delete('content-type');
    return wantsPage(req)
      ? htmlResponse(failurePage(locale), { status: response.status, headers })
      : problem(
          { status: response.status, title: t(locale, 'failure.title'), ...members(error) },
          { headers },
        );
  } catch {
    // Even the failure path failed: a constant answer, nothing more to lose.
    return new Response('Internal Server Error', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}

/**
 * The services for a scheduled or background run, or undefined (logged) when
 * they cannot be set up: nothing is lost, the next run tries again.
 */
export function servicesForRun(event: string): Services | undefined {
  try {
    return getServices();
  } catch (error) {
    createLogger().error(event, { code: errorCode(error) });
    return undefined;
  }
}

/** The services' logger when they exist, a plain one otherwise (same lines, same rules). */
const log = (): Logger => builtServices()?.deps.log ?? createLogger();

/** The problem's codes: our own, and the names (never values) of variables to fix. */
function members(error: unknown): { code: string; variables?: string[] } {
  if (error instanceof ConfigError)
    return { code: 'config_error', variables: error.problems.map((p) => p.variable) };
  if (error instanceof TemporaryError || error instanceof PermanentError)
    return { code: errorCode(error) };
  return { code: 'internal_error' };
}

/** A form post or a link followed: the visitor is looking at a browser tab, not a script. */
function wantsPage(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return true;
  return req.method === 'GET' && (req.headers.get('accept') ?? '').includes('text/html');
}

/** English when the visitor came from an English page or prefers English; French otherwise. */
export function requestLocale(req: Request): Locale {
  const referer = req.headers.get('referer');
  if (referer !== null) {
    try {
      const path = new URL(referer).pathname;
      return path === '/en' || path.startsWith('/en/') ? 'en' : 'fr';
    } catch {
      // Not a URL: the languages the browser asks for decide.
    }
  }
  const first = (req.headers.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase();
  return first?.startsWith('en') === true ? 'en' : 'fr';
}
