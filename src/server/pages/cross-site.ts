// The page a visitor sees when another site made their browser post one of our
// forms: nothing was recorded, and the way to our own form.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html } from '../markup.ts';
import { sitePath } from '../site-paths.ts';
import { renderPage } from './layout.ts';

export function crossSitePage(locale: Locale): string {
  const [next, home] = [t(locale, 'crossSite.next'), t(locale, 'site.name')];
  return renderPage({
    locale,
    title: t(locale, 'crossSite.title'),
    body: html`<p class="alert">${t(locale, 'crossSite.body')}</p>
      <p>${next} <a href="${sitePath('home', locale)}">${home}</a>.</p>`,
  });
}
