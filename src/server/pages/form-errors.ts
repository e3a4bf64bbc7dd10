// The answer to a plain HTML form post with faulty fields: what to fix, field
// by field, and the way back to the form (the browser keeps what was typed).
import type { Locale } from '../../schemas/common.ts';
import { observerLabels, volunteerLabels, type FieldText } from '../../schemas/forms/labels.ts';
import { fieldOrder, type FieldErrors, type FormKind } from '../../schemas/forms/validate.ts';
import { html } from '../markup.ts';
import { renderPage } from './layout.ts';

const text = {
  fr: {
    title: 'Votre candidature n’est pas encore envoyée',
    intro: 'Corrigez ces points, puis envoyez de nouveau le formulaire :',
    colon: ' : ',
    back: 'Revenir au formulaire',
    backHint:
      'Le bouton « Retour » de votre navigateur vous ramène au formulaire avec ce que vous aviez saisi.',
  },
  en: {
    title: 'Your application is not sent yet',
    intro: 'Please fix the following, then send the form again:',
    colon: ': ',
    back: 'Back to the form',
    backHint: 'Your browser’s Back button takes you to the form with what you typed.',
  },
};

export function formErrorsPage(
  kind: FormKind,
  locale: Locale,
  errors: FieldErrors,
  backTo: string,
): string {
  const labels: Record<string, FieldText | undefined> = (
    kind === 'volunteer' ? volunteerLabels : observerLabels
  )[locale];
  const t = text[locale];
  const fields = fieldOrder[kind].filter((f) => errors[f] !== undefined);
  return renderPage({
    locale,
    title: t.title,
    body: html`<div class="alert" role="alert">
        <p>${t.intro}</p>
        <ul>
          ${fields.map((f) => html`<li><strong>${labels[f]?.label ?? f}</strong>${t.colon}${errors[f]}</li>`)}
        </ul>
      </div>
      <p>${t.backHint}</p>
      <p><a href="${backTo}">${t.back}</a></p>`,
  });
}

const failedText = {
  fr: {
    title: 'Votre candidature n’a pas pu être enregistrée',
    body: 'Un problème de notre côté a empêché l’enregistrement. Réessayez dans quelques minutes avec le bouton « Retour » de votre navigateur, qui garde ce que vous avez saisi.',
    contact: (email: string) => `Si le problème continue, écrivez à la coordination : ${email}.`,
    back: 'Revenir au formulaire',
  },
  en: {
    title: 'Your application could not be recorded',
    body: 'A problem on our side prevented it. Try again in a few minutes with your browser’s Back button, which keeps what you typed.',
    contact: (email: string) => `If the problem goes on, write to the coordination: ${email}.`,
    back: 'Back to the form',
  },
};

/** The answer to a plain form post that failed on our side (or was refused as a whole). */
export function formFailedPage(
  locale: Locale,
  coordinatorEmail: string | undefined,
  backTo: string,
): string {
  const t = failedText[locale];
  return renderPage({
    locale,
    title: t.title,
    body: html`<p role="alert">${t.body}</p>
      ${coordinatorEmail === undefined ? '' : html`<p>${t.contact(coordinatorEmail)}</p>`}
      <p><a href="${backTo}">${t.back}</a></p>`,
  });
}
