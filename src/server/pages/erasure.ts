// Pages of the erasure link: what we hold and the confirmation (a GET never
// erases, because mail scanners open links), done, and link not valid.
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';
import { renderPage } from './layout.ts';

const text = {
  fr: {
    confirmTitle: 'Effacer votre candidature',
    confirm:
      'Vous êtes sur le point d’effacer votre candidature et les données qui l’accompagnent. Cette action est définitive.',
    button: 'Effacer ma candidature',
    doneTitle: 'Votre candidature est effacée',
    done: 'Vos données ont été effacées de nos outils, définitivement. Si vous changez d’avis, vous pouvez candidater de nouveau à tout moment.',
    goneTitle: 'Rien à effacer',
    gone: 'Nous ne gardons plus rien de la candidature liée à ce lien : elle a été effacée, ou supprimée à la fin de sa durée de conservation.',
    invalidTitle: 'Ce lien ne fonctionne pas',
    expired: 'Ce lien a expiré.',
    malformed: 'Ce lien est incomplet ou a été modifié.',
    contact: (email: string) => `Pour effacer vos données, écrivez à la coordination : ${email}.`,
    home: 'Retour au site',
  },
  en: {
    confirmTitle: 'Erase your application',
    confirm:
      'You are about to erase your application and the data that goes with it. This cannot be undone.',
    button: 'Erase my application',
    doneTitle: 'Your application is erased',
    done: 'Your data has been erased from our tools, for good. If you change your mind, you are welcome to apply again at any time.',
    goneTitle: 'Nothing to erase',
    gone: 'We no longer hold anything of the application behind this link: it was erased, or deleted at the end of its retention period.',
    invalidTitle: 'This link does not work',
    expired: 'This link has expired.',
    malformed: 'This link is incomplete or has been changed.',
    contact: (email: string) => `To erase your data, write to the coordination: ${email}.`,
    home: 'Back to the website',
  },
};

const homePath = (locale: Locale) => (locale === 'fr' ? '/' : '/en/');

/** `access`: what we hold and where (pages/access.ts), shown above the button. */
export function erasureConfirmPage(
  locale: Locale,
  token: string,
  action: string,
  access?: SafeHtml,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.confirmTitle,
    body: html`${access ?? ''}
      <p>${t.confirm}</p>
      <form method="post" action="${action}">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${t.button}</button>
      </form>`,
  });
}

export function erasureDonePage(locale: Locale, existed: boolean): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: existed ? t.doneTitle : t.goneTitle,
    body: html`<p role="status">${existed ? t.done : t.gone}</p>
      <p><a href="${homePath(locale)}">${t.home}</a></p>`,
  });
}

export function erasureInvalidPage(
  locale: Locale,
  reason: 'expired' | 'malformed' | 'bad-signature',
  coordinatorEmail: string,
): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.invalidTitle,
    body: html`<p>${reason === 'expired' ? t.expired : t.malformed}</p>
      <p>${t.contact(coordinatorEmail)}</p>
      <p><a href="${homePath(locale)}">${t.home}</a></p>`,
  });
}
