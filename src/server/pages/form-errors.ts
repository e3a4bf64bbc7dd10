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
