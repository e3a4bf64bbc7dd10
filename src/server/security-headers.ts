// The security headers of every function response, set in one place by
// endpoint.ts. Netlify applies public/_headers to static files only: a
// function's response carries nothing but what the function sets.
import { pageStyleSource } from './pages/layout.ts';

/** What kind of document a response is, for its Content-Security-Policy. */
export type HtmlKind = 'page' | 'email';

const policy = (...directives: string[]) => directives.join('; ');
const framing = ["frame-ancestors 'none'", "base-uri 'none'"];

export const contentSecurityPolicies = {
  /** Our own pages (pages/layout.ts): their one <style> element, forms posting to us. */
  page: policy(
    "default-src 'none'",
    `style-src ${pageStyleSource}`,
    "form-action 'self'",
    ...framing,
  ),
  /** An email shown by the local outbox: inline style attributes, no form, nothing loaded. */
  email: policy(
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    ...framing,
  ),
  /** JSON, text and empty answers: nothing may run, load or frame them. */
  data: policy("default-src 'none'", "frame-ancestors 'none'"),
} as const;

export interface HeaderOptions {
  /** HTML that is not our layout (the local outbox shows emails as sent). */
  html?: HtmlKind;
  /**
   * The endpoint's answers hold no personal data (the seat count), so the
   * handler's own Cache-Control is kept. Everything else is never stored.
   */
  cacheable?: boolean;
}

/**
 * The response with every security header set: in place when its headers may
 * be changed (every response our handlers build), on a copy otherwise (a
 * response whose headers are frozen, e.g. one from fetch).
 */
export function withSecurityHeaders(response: Response, options: HeaderOptions = {}): Response {
  try {
    setSecurityHeaders(response.headers, options);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    setSecurityHeaders(headers, options);
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}

function setSecurityHeaders(headers: Headers, options: HeaderOptions): void {
  const isHtml = (headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
  headers.set(
    'content-security-policy',
    contentSecurityPolicies[isHtml ? (options.html ?? 'page') : 'data'],
  );
  // The pages carry signed tokens in their URLs: no other site may see them.
  headers.set('referrer-policy', 'no-referrer');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('x-frame-options', 'DENY');
  if (!(options.cacheable === true && headers.has('cache-control'))) {
    headers.set('cache-control', 'no-store');
  }
}
