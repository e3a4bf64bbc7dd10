// Writes sitemap.xml with hreflang alternates, from the list of page URLs.

/** One page of the site, with the URLs of its language versions (absolute). */
export interface SitemapPage {
  loc: string;
  /** hreflang → URL; empty when the page has no translation. */
  alternates: Record<string, string>;
}

const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

export function sitemapXml(pages: readonly SitemapPage[]): string {
  const urls = pages.map((page) => {
    const links = Object.entries(page.alternates).map(
      ([hreflang, href]) =>
        `<xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(href)}"/>`,
    );
    return `<url><loc>${escapeXml(page.loc)}</loc>${links.join('')}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
