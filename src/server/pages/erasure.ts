// Pages of the erasure link: what we hold and the confirmation (a GET never
// erases, because mail scanners open links), done, and link not valid.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';
import { sitePath } from '../site-paths.ts';
import { renderPage } from './layout.ts';

/** `access`: what we hold and where (pages/access.ts), shown above the button. */
export function erasureConfirmPage(
  locale: Locale,
  token: string,
  action: string,
  access?: SafeHtml,
): string {
  return renderPage({
    locale,
    title: t(locale, 'erasure.confirmTitle'),
    body: html`${access ?? ''}
      <p>${t(locale, 'erasure.confirm')}</p>
      <form method="post" action="${action}">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${t(locale, 'erasure.button')}</button>
      </form>`,
  });
}

export function erasureDonePage(locale: Locale, existed: boolean): string {
  return renderPage({
    locale,
    title: t(locale, existed ? 'erasure.doneTitle' : 'erasure.goneTitle'),
    body: html`<p role="status">${t(locale, existed ? 'erasure.done' : 'erasure.gone')}</p>
      <p><a href="${sitePath('home', locale)}">${t(locale, 'page.backToSite')}</a></p>`,
  });
}

export function erasureInvalidPage(
  locale: Locale,
  reason: 'expired' | 'malformed' | 'bad-signature',
  coordinatorEmail: string,
): string {
  return renderPage({
    locale,
    title: t(locale, 'link.invalid'),
    body: html`<p>${t(locale, reason === 'expired' ? 'link.expired' : 'link.malformed')}</p>
      <p>${t(locale, 'erasure.contact', { email: coordinatorEmail })}</p>
      <p><a href="${sitePath('home', locale)}">${t(locale, 'page.backToSite')}</a></p>`,
  });
}
