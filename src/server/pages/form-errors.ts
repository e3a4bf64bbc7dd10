// The answer to a plain HTML form post with faulty fields: what to fix, field
// by field, and the way back to the form (the browser keeps what was typed).
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { fieldWords } from '../../schemas/forms/field.ts';
import {
  fieldOrder,
  signupForms,
  type FieldErrors,
  type FormKind,
} from '../../schemas/forms/validate.ts';
import { html } from '../markup.ts';
import { renderPage } from './layout.ts';

export function formErrorsPage(
  kind: FormKind,
  locale: Locale,
  errors: FieldErrors,
  backTo: string,
): string {
  const { fields } = signupForms[kind];
  const label = (name: string) => {
    const field = fields[name];
    return field === undefined ? name : fieldWords(field, locale).label;
  };
  const colon = t(locale, 'punctuation.colon');
  const names = fieldOrder[kind].filter((f) => errors[f] !== undefined);
  return renderPage({
    locale,
    title: t(locale, 'formErrors.title'),
    body: html`<div class="alert" role="alert">
        <p>${t(locale, 'formErrors.intro')}</p>
        <ul>
          ${names.map((f) => html`<li><strong>${label(f)}</strong>${colon}${errors[f]}</li>`)}
        </ul>
      </div>
      <p>${t(locale, 'formErrors.backHint')}</p>
      <p><a href="${backTo}">${t(locale, 'page.backToForm')}</a></p>`,
  });
}

/** The answer to a plain form post that failed on our side (or was refused as a whole). */
export function formFailedPage(
  locale: Locale,
  coordinatorEmail: string | undefined,
  backTo: string,
): string {
  const contact =
    coordinatorEmail === undefined
      ? ''
      : html`<p>${t(locale, 'formFailed.contact', { email: coordinatorEmail })}</p>`;
  return renderPage({
    locale,
    title: t(locale, 'formFailed.title'),
    body: html`<p role="alert">${t(locale, 'formFailed.body')}</p>
      ${contact}
      <p><a href="${backTo}">${t(locale, 'page.backToForm')}</a></p>`,
  });
}
