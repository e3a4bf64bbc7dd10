// The id scheme of the forms' fields, shared by the components and their script.
// `formText` only serves RegistrationForm.astro until it calls t() itself
// (the words are `form.*` in src/i18n/); then it goes.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';

const words = (locale: Locale) => ({
  honeypot: t(locale, 'form.honeypot'),
  privacyLink: t(locale, 'form.privacyLink'),
});

export const formText = { fr: words('fr'), en: words('en') } satisfies Record<Locale, unknown>;

/** The id of a field's input (or first input of a group), for labels and summary links. */
export const fieldId = (kind: string, field: string) => `${kind}-${field}`;
