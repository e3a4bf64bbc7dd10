// Pages of the erasure link: what we hold and the confirmation (a GET never
// erases, because mail scanners open links), done, and link not valid. Their
// shapes are the signed links' (signed-link-pages.ts); the words are here.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import type { SafeHtml } from '../markup.ts';
import type { LinkProblem } from '../signed-links.ts';
import { sitePath } from '../site-paths.ts';
import { confirmPage, invalidLinkPage, statusPage, type PageLink } from './signed-link-pages.ts';

const backToSite = (locale: Locale): PageLink => ({
  text: t(locale, 'page.backToSite'),
  href: sitePath('home', locale),
});

/** `access`: what we hold and where (pages/access.ts), shown above the button. */
export const erasureConfirmPage = (
  locale: Locale,
  token: string,
  action: string,
  access?: SafeHtml,
): string =>
  confirmPage({
    locale,
    title: t(locale, 'erasure.confirmTitle'),
    access,
    paragraphs: [t(locale, 'erasure.confirm')],
    action,
    token,
    buttons: [{ text: t(locale, 'erasure.button') }],
  });

export const erasureDonePage = (locale: Locale, existed: boolean): string =>
  statusPage({
    locale,
    title: t(locale, existed ? 'erasure.doneTitle' : 'erasure.goneTitle'),
    message: t(locale, existed ? 'erasure.done' : 'erasure.gone'),
    back: backToSite(locale),
  });

export const erasureInvalidPage = (
  locale: Locale,
  reason: LinkProblem,
  coordinatorEmail: string,
): string =>
  invalidLinkPage({
    locale,
    reason,
    contact: t(locale, 'erasure.contact', { email: coordinatorEmail }),
    back: backToSite(locale),
  });
