import { describe, expect, test } from 'vitest';
import { hreflangLinks } from '../../../src/lib/alternates.ts';
import { sitemapXml } from '../../../src/lib/sitemap.ts';

const toUrl = (path: string) => `https://example.org${path}`;

describe('hreflangLinks', () => {
  test('links a translated page to both versions and marks French as the default', () => {
    const links = hreflangLinks({ fr: '/recits/', en: '/en/stories/' }, toUrl);

    expect(links).toEqual([
      { hreflang: 'fr', href: 'https://example.org/recits/' },
      { hreflang: 'en', href: 'https://example.org/en/stories/' },
      { hreflang: 'x-default', href: 'https://example.org/recits/' },
    ]);
  });

  test('names only itself, without x-default, when the page exists in one language', () => {
    const links = hreflangLinks({ en: '/en/stories/tags/care/' }, toUrl);

    expect(links).toEqual([{ hreflang: 'en', href: 'https://example.org/en/stories/tags/care/' }]);
  });
});

describe('sitemapXml', () => {
  test('lists each page with its alternates in the xhtml namespace', () => {
    const xml = sitemapXml([
      {
        loc: 'https://example.org/',
        alternates: { fr: 'https://example.org/', en: 'https://example.org/en/' },
      },
    ]);

    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain('<url><loc>https://example.org/</loc>');
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/>',
    );
  });

  test('escapes characters that would break the XML', () => {
    const xml = sitemapXml([{ loc: 'https://example.org/?a=1&b=2', alternates: {} }]);

    expect(xml).toContain('<loc>https://example.org/?a=1&amp;b=2</loc>');
  });
});
