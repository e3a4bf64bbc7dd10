// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import editor from './src/integrations/editor.ts';
import searchIndex from './src/integrations/pagefind.ts';

// The public address of the site; Netlify sets URL on its builds.
const site = process.env.SITE_URL ?? process.env.URL ?? 'http://localhost:8888';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'always',
    // Pages rendered at once. Rendering is one thread, but each page then waits
    // for its folder and file to be written; with four pages in flight the
    // thread renders the next ones meanwhile. With 1,000 stories per language
    // (npm run bench -- --stories=1000) the ~4,100 pages took about 30 % less
    // time than one at a time; 8 or 16 did no better on two cores. The output
    // does not depend on it: memoised work is shared through promises
    // (src/lib/once-per-build.ts) and the search index takes the pages in
    // Astro's order (src/integrations/pagefind.ts).
    concurrency: 4,
  },
  i18n: {
    defaultLocale: 'fr',
    locales: ['fr', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  // The sitemap is our own endpoint (src/pages/sitemap.xml.ts): our French and
  // English slugs differ, so hreflang pairs come from the content, not the path.
  // The editor for the communications staff at /admin/ (src/editor/); searchIndex
  // runs Pagefind over dist/ once the pages are written.
  integrations: [mdx(), editor(), searchIndex()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The CSP allows scripts from the site only ('self'): a small script must
      // stay a file, never be inlined into the page.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});
