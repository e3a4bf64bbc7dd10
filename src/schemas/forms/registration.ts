// The training registration form: who registers (the applicant's name and
// email), their consent to the registration's own terms, and the usual hidden
// fields. Same field rules as the sign-up forms; its words are in src/i18n/.
import { z } from 'zod';
import type { Locale } from '../common.ts';
import { defineFields, fieldWords, rulesOf, type Field } from './field.ts';
import { applicantFields, tickedBox } from './fields.ts';
import type { FieldErrors } from './page-checks.ts';

/** The applicant's fields, with a consent that speaks of a registration, not an application. */
export const registrationFields = {
  ...applicantFields,
  ...defineFields('registration', {
    /** Agreement to the privacy notice, for this registration. */
    consent: { rule: tickedBox, control: { kind: 'tick', privacyLink: true } },
  }),
};

export const registrationSchema = z.object(rulesOf(registrationFields));
export type RegistrationForm = z.infer<typeof registrationSchema>;

export function validateRegistration(
  input: unknown,
  locale: Locale,
): { ok: true; data: RegistrationForm } | { ok: false; errors: FieldErrors } {
  const result = registrationSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const fields: Record<string, Field | undefined> = registrationFields;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    const field = fields[name];
    if (field !== undefined && !(name in errors)) errors[name] = fieldWords(field, locale).error;
  }
  return { ok: false, errors };
}
