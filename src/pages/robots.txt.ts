import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site ?? 'http://localhost/')}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
