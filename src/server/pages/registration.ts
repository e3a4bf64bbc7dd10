// Pages the registration functions answer with themselves: form errors, already
// registered, session closed, the address confirmation link's page, and the
// cancellation link's confirm / done pages (a GET never changes anything,
// because mail scanners open links).
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';
import type { ClosedReason } from '../registrations/register.ts';
import { renderPage } from './layout.ts';

const text = {
  fr: {
    invalidTitle: 'Certains champs sont à corriger',
    fields: { name: 'Nom', email: 'Email', consent: 'Consentement' } as Record<string, string>,
    back: 'Retour au formulaire',
    duplicateTitle: 'Vous êtes déjà inscrit·e',
    duplicate:
      'Une inscription à cette session existe déjà pour cette adresse email. Retrouvez-la dans l’email que nous vous avons envoyé ; il contient aussi le lien pour annuler.',
    closedTitle: 'Les inscriptions sont fermées',
    cancelled: 'Cette session est annulée : elle ne prend plus d’inscriptions.',
    unknown: 'Cette session est passée ou n’existe pas.',
    closed:
      'Les inscriptions à cette session sont closes : l’équipe de formation a arrêté la liste des participants.',
    training: 'Voir les prochaines sessions',
    confirmTitle: 'Annuler votre inscription',
    confirm:
      'Vous êtes sur le point d’annuler votre inscription. Votre place sera proposée à la première personne en liste d’attente.',
    button: 'Annuler mon inscription',
    doneTitle: 'Votre inscription est annulée',
    done: 'Merci de nous avoir prévenus : votre place est libérée.',
    goneTitle: 'Rien à annuler',
    gone: 'Cette inscription est déjà annulée.',
    eraseIntro:
      'Vous pouvez aussi effacer votre inscription : nous ne garderons ni votre nom ni votre email pour cette session.',
    eraseButton: 'Annuler et effacer mes données',
    erasedTitle: 'Vos données sont effacées',
    erased: 'Votre inscription et les données qui l’accompagnaient sont effacées, définitivement.',
    noneTitle: 'Rien à annuler',
    none: 'Nous ne gardons plus rien de l’inscription liée à ce lien : elle a été effacée, ou supprimée à la fin de sa durée de conservation.',
    linkTitle: 'Ce lien ne fonctionne pas',
    expired: 'Ce lien a expiré.',
    malformed: 'Ce lien est incomplet ou a été modifié.',
    contact: (email: string) => `Pour annuler, écrivez à la coordination : ${email}.`,
    verifyTitle: 'Confirmer votre adresse',
    verify:
      'Confirmez que cette adresse est bien la vôtre : votre inscription obtient alors une place, ou une place sur la liste d’attente si la session est complète.',
    verifyButton: 'Confirmer et demander ma place',
    verifyGoneTitle: 'Cette demande n’est plus valable',
    verifyGone:
      'Elle a été annulée, ou n’a pas été confirmée à temps. Vous pouvez vous inscrire de nouveau depuis la page de la session.',
    verifyContact: (email: string) =>
      `Inscrivez-vous de nouveau depuis la page de la session, ou écrivez à la coordination : ${email}.`,
  },
  en: {
    invalidTitle: 'Some fields need fixing',
    fields: { name: 'Name', email: 'Email', consent: 'Consent' } as Record<string, string>,
    back: 'Back to the form',
    duplicateTitle: 'You are already registered',
    duplicate:
      'This email address is already registered for this session. The email we sent you has the details, and the link to cancel.',
    closedTitle: 'Registration is closed',
    cancelled: 'This session is cancelled: it takes no more registrations.',
    unknown: 'This session is over or does not exist.',
    closed: 'Registration for this session has closed: the training team has settled the list.',
    training: 'See the upcoming sessions',
    confirmTitle: 'Cancel your registration',
    confirm:
      'You are about to cancel your registration. Your seat will be offered to the first person on the waiting list.',
    button: 'Cancel my registration',
    doneTitle: 'Your registration is cancelled',
    done: 'Thank you for letting us know: your seat is free again.',
    goneTitle: 'Nothing to cancel',
    gone: 'This registration is already cancelled.',
    eraseIntro:
      'You can also erase your registration: we will keep neither your name nor your email for this session.',
    eraseButton: 'Cancel and erase my data',
    erasedTitle: 'Your data is erased',
    erased: 'Your registration and the data that came with it are erased, for good.',
    noneTitle: 'Nothing to cancel',
    none: 'We no longer hold anything of the registration behind this link: it was erased, or deleted at the end of its retention period.',
    linkTitle: 'This link does not work',
    expired: 'This link has expired.',
    malformed: 'This link is incomplete or has been changed.',
    contact: (email: string) => `To cancel, write to the coordination: ${email}.`,
    verifyTitle: 'Confirm your address',
    verify:
      'Confirm that this address is yours: your registration then gets a seat, or a place on the waiting list if the session is full.',
    verifyButton: 'Confirm and ask for my seat',
    verifyGoneTitle: 'This request is no longer valid',
    verifyGone:
      'It was cancelled, or not confirmed in time. You can register again from the session’s page.',
    verifyContact: (email: string) =>
      `Register again from the session’s page, or write to the coordination: ${email}.`,
  },
};

/** The localized sentence of a refusal, for JSON answers too. */
export const registrationMessage = (locale: Locale, key: 'duplicate' | ClosedReason): string =>
  text[locale][key];

export function registrationInvalidPage(
  locale: Locale,
  errors: Record<string, string>,
  back: string,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.invalidTitle,
    body: html`<ul class="alert">
        ${Object.entries(errors).map(
          ([field, message]) => html`<li>${t.fields[field] ?? field} : ${message}</li>`,
        )}
      </ul>
      <p><a href="${back}">${t.back}</a></p>`,
  });
}

export function registrationDuplicatePage(locale: Locale, back: string): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.duplicateTitle,
    body: html`<p role="status">${t.duplicate}</p>
      <p><a href="${back}">${t.back}</a></p>`,
  });
}

export function registrationClosedPage(
  locale: Locale,
  reason: ClosedReason,
  trainingPath: string,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.closedTitle,
    body: html`<p>${t[reason]}</p>
      <p><a href="${trainingPath}">${t.training}</a></p>`,
  });
}

/**
 * `active`: the registration still holds a seat or a place; a cancelled one can
 * only be erased. `access`: what we hold and where (pages/access.ts).
 */
export function cancelConfirmPage(
  locale: Locale,
  token: string,
  action: string,
  session: string,
  active = true,
  access?: SafeHtml,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.confirmTitle,
    body: html`<p><strong>${session}</strong></p>
      ${access ?? ''}
      <p>${active ? t.confirm : t.gone}</p>
      <p>${t.eraseIntro}</p>
      <form method="post" action="${action}">
        <input type="hidden" name="token" value="${token}" />
        ${active ? html`<button type="submit">${t.button}</button>` : ''}
        <button type="submit" name="erase" value="1">${t.eraseButton}</button>
      </form>`,
  });
}

/** A page that says where things stand, with the way back to the training list. */
function statusPage(locale: Locale, title: string, message: string, trainingPath: string): string {
  return renderPage({
    locale,
    title,
    body: html`<p role="status">${message}</p>
      <p><a href="${trainingPath}">${text[locale].training}</a></p>`,
  });
}

export const erasedPage = (locale: Locale, trainingPath: string): string =>
  statusPage(locale, text[locale].erasedTitle, text[locale].erased, trainingPath);

export function cancelDonePage(locale: Locale, cancelled: boolean, trainingPath: string): string {
  const t = text[locale];
  return statusPage(
    locale,
    cancelled ? t.doneTitle : t.goneTitle,
    cancelled ? t.done : t.gone,
    trainingPath,
  );
}

/** A cancellation or confirmation link that is not one of ours, or too old. */
export function linkInvalidPage(
  locale: Locale,
  reason: 'expired' | 'malformed' | 'bad-signature',
  coordinatorEmail: string,
  purpose: 'cancel' | 'verify',
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.linkTitle,
    body: html`<p>${reason === 'expired' ? t.expired : t.malformed}</p>
      <p>
        ${purpose === 'cancel' ? t.contact(coordinatorEmail) : t.verifyContact(coordinatorEmail)}
      </p>`,
  });
}

/** The page of the link that confirms an address: a button, since opening a link must change nothing. */
export function verifyConfirmPage(
  locale: Locale,
  token: string,
  action: string,
  session: string,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.verifyTitle,
    body: html`<p><strong>${session}</strong></p>
      <p>${t.verify}</p>
      <form method="post" action="${action}">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${t.verifyButton}</button>
      </form>`,
  });
}

export const verifyGonePage = (locale: Locale, trainingPath: string): string =>
  statusPage(locale, text[locale].verifyGoneTitle, text[locale].verifyGone, trainingPath);

/** The link's registration is no longer held: erased long ago, or past its retention period. */
export const registrationGonePage = (locale: Locale, trainingPath: string): string =>
  statusPage(locale, text[locale].noneTitle, text[locale].none, trainingPath);
