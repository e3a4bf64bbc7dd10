// The language versions of a page, as hreflang links for <head> and the sitemap.
import { locales, type Locale } from '../schemas/common.ts';

/** Root-relative path of the page in each locale where it exists. */
export type Alternates = Partial<Record<Locale, string>>;

export interface HreflangLink {
  hreflang: string;
  href: string;
}

/**
 * hreflang links of a page: one per locale where it exists, plus x-default on
 * the French version (the site's first language) when it exists in both. A
 * page in one language only (a theme list) still names itself.
 */
export function hreflangLinks(
  alternates: Alternates,
  toUrl: (path: string) => string,
): HreflangLink[] {
  const links: HreflangLink[] = locales.flatMap((locale) => {
    const path = alternates[locale];
    return path === undefined ? [] : [{ hreflang: locale, href: toUrl(path) }];
  });
  const { fr, en } = alternates;
  if (fr !== undefined && en !== undefined) links.push({ hreflang: 'x-default', href: toUrl(fr) });
  return links;
}
