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
  build: { format: 'directory', inlineStylesheets: 'always' },
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
