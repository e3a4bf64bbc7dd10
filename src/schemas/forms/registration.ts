// The training registration form: who registers, their consent, and the usual
// hidden fields. Same field rules as the sign-up forms.
import { z } from 'zod';
import type { Locale } from '../common.ts';
import { commonFields } from './fields.ts';
import type { FieldErrors } from './page-checks.ts';

export const registrationSchema = z.object(commonFields);
export type RegistrationForm = z.infer<typeof registrationSchema>;

const reload = {
  fr: 'Le formulaire a changé depuis l’ouverture de la page : rechargez-la, puis envoyez-le de nouveau.',
  en: 'The form has changed since you opened this page: reload it, then send the form again.',
};

export const registrationMessages: Record<Locale, Record<keyof RegistrationForm, string>> = {
  fr: {
    locale: reload.fr,
    name: 'Indiquez votre nom en lettres, en 2 à 100 caractères, sans caractère invisible ou de contrôle.',
    email:
      'Indiquez une adresse e-mail valide, de 254 caractères au plus dont 64 avant le « @ », par exemple prenom.nom@exemple.fr.',
    consent:
      'Cochez la case pour accepter la politique de confidentialité : sans votre accord, nous ne pouvons pas enregistrer votre inscription.',
    privacyVersion: reload.fr,
  },
  en: {
    locale: reload.en,
    name: 'Enter your name in letters, in 2 to 100 characters, with no invisible or control character.',
    email:
      'Enter a valid email address, at most 254 characters with 64 before the “@”, such as firstname.lastname@example.org.',
    consent:
      'Tick the box to accept the privacy notice: without your agreement we cannot record your registration.',
    privacyVersion: reload.en,
  },
};

export function validateRegistration(
  input: unknown,
  locale: Locale,
): { ok: true; data: RegistrationForm } | { ok: false; errors: FieldErrors } {
  const result = registrationSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const messages: Record<string, string> = registrationMessages[locale];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field in messages && !(field in errors)) errors[field] = messages[field] ?? '';
  }
  return { ok: false, errors };
}
