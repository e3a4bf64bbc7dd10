// The page a visitor sees when another site made their browser post one of our
// forms: nothing was recorded, and the way to our own form.
import type { Locale } from '../../schemas/common.ts';
import { html } from '../markup.ts';
import { renderPage } from './layout.ts';

export const crossSiteText = {
  fr: {
    title: 'Envoi refusé',
    body: 'Cette demande a été envoyée depuis un autre site que le nôtre : nous ne l’avons pas prise en compte, et rien n’a été enregistré.',
    next: 'Pour nous écrire ou vous inscrire, utilisez les formulaires de notre site :',
    home: 'Médecins du Monde Calais',
    homePath: '/',
  },
  en: {
    title: 'Request refused',
    body: 'This request was sent from another website than ours: we did not act on it, and nothing was recorded.',
    next: 'To contact us or sign up, please use the forms on our own site:',
    home: 'Médecins du Monde Calais',
    homePath: '/en/',
  },
} as const;

export function crossSitePage(locale: Locale): string {
  const t = crossSiteText[locale];
  return renderPage({
    locale,
    title: t.title,
    body: html`<p class="alert">${t.body}</p>
      <p>${t.next} <a href="${t.homePath}">${t.home}</a>.</p>`,
  });
}
