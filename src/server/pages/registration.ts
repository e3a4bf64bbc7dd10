// Pages the registration functions answer with themselves: form errors, already
// registered, session closed, the address confirmation link's page, and the
// cancellation link's confirm / done pages (a GET never changes anything,
// because mail scanners open links). The links' pages have the shapes of
// signed-link-pages.ts; the words are `registration.*` in src/i18n/.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';
import type { ClosedReason } from '../registrations/register.ts';
import type { LinkProblem } from '../signed-links.ts';
import { renderPage } from './layout.ts';
import { confirmPage, invalidLinkPage, statusPage, type PageLink } from './signed-link-pages.ts';

/** The localized sentence of a refusal, for JSON answers too. */
export const registrationMessage = (locale: Locale, key: 'duplicate' | ClosedReason): string =>
  t(locale, key === 'duplicate' ? 'registration.duplicate' : `registration.closed.${key}`);

/** The short name of a field in the list of errors. */
const fieldName = (locale: Locale, field: string): string =>
  field === 'name' || field === 'email' || field === 'consent'
    ? t(locale, `registration.field.${field}`)
    : field;

const backToForm = (locale: Locale, href: string): PageLink => ({
  text: t(locale, 'registration.back'),
  href,
});

const trainingLink = (locale: Locale, href: string): PageLink => ({
  text: t(locale, 'registration.training'),
  href,
});

export function registrationInvalidPage(
  locale: Locale,
  errors: Record<string, string>,
  back: string,
): string {
  const colon = t(locale, 'punctuation.colon');
  return renderPage({
    locale,
    title: t(locale, 'registration.invalidTitle'),
    body: html`<ul class="alert">
        ${Object.entries(errors).map(
          ([field, message]) => html`<li>${fieldName(locale, field)}${colon}${message}</li>`,
        )}
      </ul>
      <p><a href="${back}">${t(locale, 'registration.back')}</a></p>`,
  });
}

export const registrationDuplicatePage = (locale: Locale, back: string): string =>
  statusPage({
    locale,
    title: t(locale, 'registration.duplicateTitle'),
    message: t(locale, 'registration.duplicate'),
    back: backToForm(locale, back),
  });

export const registrationClosedPage = (
  locale: Locale,
  reason: ClosedReason,
  trainingPath: string,
): string =>
  statusPage({
    locale,
    title: t(locale, 'registration.closedTitle'),
    message: registrationMessage(locale, reason),
    back: trainingLink(locale, trainingPath),
    status: false,
  });

/**
 * `active`: the registration still holds a seat or a place; a cancelled one can
 * only be erased. `access`: what we hold and where (pages/access.ts).
 */
export const cancelConfirmPage = (
  locale: Locale,
  token: string,
  action: string,
  session: string,
  active = true,
  access?: SafeHtml,
): string =>
  confirmPage({
    locale,
    title: t(locale, 'registration.cancel.title'),
    subject: session,
    access,
    paragraphs: [
      t(locale, active ? 'registration.cancel.confirm' : 'registration.cancel.gone'),
      t(locale, 'registration.erase.intro'),
    ],
    action,
    token,
    buttons: [
      ...(active ? [{ text: t(locale, 'registration.cancel.button') }] : []),
      { text: t(locale, 'registration.erase.button'), name: 'erase', value: '1' },
    ],
  });

export const erasedPage = (locale: Locale, trainingPath: string): string =>
  statusPage({
    locale,
    title: t(locale, 'registration.erase.doneTitle'),
    message: t(locale, 'registration.erase.done'),
    back: trainingLink(locale, trainingPath),
  });

export const cancelDonePage = (locale: Locale, cancelled: boolean, trainingPath: string): string =>
  statusPage({
    locale,
    title: t(locale, cancelled ? 'registration.cancel.doneTitle' : 'registration.cancel.goneTitle'),
    message: t(locale, cancelled ? 'registration.cancel.done' : 'registration.cancel.gone'),
    back: trainingLink(locale, trainingPath),
  });

/** A cancellation or confirmation link that is not one of ours, or too old. */
export const linkInvalidPage = (
  locale: Locale,
  reason: LinkProblem,
  coordinatorEmail: string,
  purpose: 'cancel' | 'verify',
): string =>
  invalidLinkPage({
    locale,
    reason,
    contact: t(
      locale,
      purpose === 'cancel' ? 'registration.cancel.contact' : 'registration.verify.contact',
      { email: coordinatorEmail },
    ),
  });

/** The page of the link that confirms an address: a button, since opening a link must change nothing. */
export const verifyConfirmPage = (
  locale: Locale,
  token: string,
  action: string,
  session: string,
): string =>
  confirmPage({
    locale,
    title: t(locale, 'registration.verify.title'),
    subject: session,
    paragraphs: [t(locale, 'registration.verify.text')],
    action,
    token,
    buttons: [{ text: t(locale, 'registration.verify.button') }],
  });

export const verifyGonePage = (locale: Locale, trainingPath: string): string =>
  statusPage({
    locale,
    title: t(locale, 'registration.verify.goneTitle'),
    message: t(locale, 'registration.verify.gone'),
    back: trainingLink(locale, trainingPath),
  });

/** The link's registration is no longer held: erased long ago, or past its retention period. */
export const registrationGonePage = (locale: Locale, trainingPath: string): string =>
  statusPage({
    locale,
    title: t(locale, 'registration.noneTitle'),
    message: t(locale, 'registration.none'),
    back: trainingLink(locale, trainingPath),
  });
