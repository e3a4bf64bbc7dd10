// The language versions of a page, as hreflang links for <head> and the sitemap.
import type { Locale } from '../schemas/common.ts';

/** Root-relative path of the page in each locale where it exists. */
export type Alternates = Partial<Record<Locale, string>>;

export interface HreflangLink {
  hreflang: string;
  href: string;
}

/**
 * hreflang links of a translated page: one per locale, plus x-default on the
 * French version (the site's first language). A page with no translation has none.
 */
export function hreflangLinks(
  alternates: Alternates,
  toUrl: (path: string) => string,
): HreflangLink[] {
  const { fr, en } = alternates;
  if (fr === undefined || en === undefined) return [];
  return [
    { hreflang: 'fr', href: toUrl(fr) },
    { hreflang: 'en', href: toUrl(en) },
    { hreflang: 'x-default', href: toUrl(fr) },
  ];
}
