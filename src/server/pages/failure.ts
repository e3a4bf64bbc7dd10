// The last-resort page of a request that failed on our side: fixed text in the
// visitor's language, never the error itself (which may hold a stack, a path or
// a provider's message).
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html } from '../markup.ts';
import { sitePath } from '../site-paths.ts';
import { renderPage } from './layout.ts';

export function failurePage(locale: Locale): string {
  return renderPage({
    locale,
    title: t(locale, 'failure.title'),
    body: html`<p role="alert">${t(locale, 'failure.body')}</p>
      <p><a href="${sitePath('home', locale)}">${t(locale, 'page.backToSite')}</a></p>`,
  });
}
