// The sitemap, with every page's language versions as hreflang alternates.
import type { APIRoute } from 'astro';
import { hreflangLinks } from '../lib/alternates.ts';
import { allPages } from '../lib/routes.ts';
import { sitemapXml } from '../lib/sitemap.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const toUrl = (path: string) => absoluteUrl(path, site ?? 'http://localhost/');
  const pages = (await allPages()).flatMap((alternates) => {
    const links = Object.fromEntries(
      hreflangLinks(alternates, toUrl).map((link) => [link.hreflang, link.href]),
    );
    return Object.values(alternates).map((path) => ({ loc: toUrl(path), alternates: links }));
  });
  return new Response(sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
