// The Content-Security-Policy of the site's pages, in one place.
//
// Netlify applies every `_headers` rule that matches a path, and two policies
// for one response are both enforced (the browser takes their intersection).
// So the `/*` header can only hold what every path shares (framing, plugins,
// base URL, form targets), and each kind of page states the rest itself: the
// pages built by BaseLayout in a <meta> tag from here, the editor at /admin/
// in its own `_headers` rule. A test keeps public/_headers in step with
// `sharedDirectives`.

/** What every response of the site shares: the `/*` rule of public/_headers. */
export const sharedDirectives = {
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const;

/**
 * What a page may load. Content pages ship no script; form pages (and the
 * training lists, for the live count of seats left) load their own small
 * script from our origin; the search page also compiles Pagefind's
 * WebAssembly ('wasm-unsafe-eval' allows WebAssembly only, never eval).
 * CSS is inlined by the build, hence 'unsafe-inline' for styles.
 */
export type PageScripts = 'self' | 'self-and-wasm';

export function pagePolicy(scripts: PageScripts = 'self'): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': scripts === 'self-and-wasm' ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    // frame-ancestors cannot be set from a <meta> tag: the `/*` header sets it.
    'object-src': sharedDirectives['object-src'],
    'base-uri': sharedDirectives['base-uri'],
    'form-action': sharedDirectives['form-action'],
  };
  return serialise(directives);
}

/** The `/*` header's policy. */
export const sharedPolicy = (): string => serialise(sharedDirectives);

export function serialise(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
