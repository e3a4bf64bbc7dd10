// The last-resort page of a request that failed on our side: fixed text in the
// visitor's language, never the error itself (which may hold a stack, a path or
// a provider's message).
import type { Locale } from '../../schemas/common.ts';
import { html } from '../markup.ts';
import { renderPage } from './layout.ts';

const text = {
  fr: {
    title: 'Un problème de notre côté',
    body: 'Votre demande n’a pas pu aboutir à cause d’un problème de notre côté. Réessayez dans quelques minutes.',
    home: 'Retour au site',
  },
  en: {
    title: 'A problem on our side',
    body: 'Your request could not be completed because of a problem on our side. Please try again in a few minutes.',
    home: 'Back to the website',
  },
};

export function failurePage(locale: Locale): string {
  const t = text[locale];
  return renderPage({
    locale,
    title: t.title,
    body: html`<p role="alert">${t.body}</p>
      <p><a href="${locale === 'fr' ? '/' : '/en/'}">${t.home}</a></p>`,
  });
}

/** The problem title of a failure on our side, in the visitor's language. */
export const failureTitle = (locale: Locale) => text[locale].title;
