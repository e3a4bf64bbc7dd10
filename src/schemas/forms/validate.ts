// One entry point to check a sign-up, used by the functions; the page runs the
// same rules through page-rules.ts, so both show the same localised message.
import type { z } from 'zod';
import { locales, type Locale } from '../common.ts';
import { fieldWords, type Field } from './field.ts';
import { observerFields, observerFormSchema, type ObserverApplication } from './observer.ts';
import type { FieldErrors } from './page-checks.ts';
import { volunteerFields, volunteerFormSchema, type VolunteerApplication } from './volunteer.ts';

export type FormKind = 'volunteer' | 'observer';

interface Applications {
  volunteer: VolunteerApplication;
  observer: ObserverApplication;
}

export type { FieldErrors };

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Each sign-up form: its field definitions, in the order of the schema, and its schema. */
export const signupForms: Record<FormKind, { fields: Record<string, Field>; schema: z.ZodObject }> =
  {
    volunteer: { fields: volunteerFields, schema: volunteerFormSchema },
    observer: { fields: observerFields, schema: observerFormSchema },
  };

/** The form's language from an untrusted value; French, the site's first language, otherwise. */
export const pickLocale = (value: unknown): Locale => locales.find((l) => l === value) ?? 'fr';

/** Checks an application, returning its clean data or one message per faulty field. */
export function validateForm<K extends FormKind>(
  kind: K,
  input: unknown,
  locale: Locale,
): Validation<Applications[K]> {
  const { schema, fields } = signupForms[kind];
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data as Applications[K] };
  return { ok: false, errors: localizeIssues(result.error.issues, fields, locale) };
}

function localizeIssues(
  issues: readonly z.core.$ZodIssue[],
  fields: Record<string, Field>,
  locale: Locale,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    // The first issue of a field is enough: every message covers all its rules.
    if (field !== undefined && !(name in errors)) errors[name] = fieldWords(field, locale).error;
  }
  return errors;
}

/** The fields of each form, in the order of the schema, for error summaries. */
export const fieldOrder: Record<FormKind, readonly string[]> = {
  volunteer: Object.keys(volunteerFields),
  observer: Object.keys(observerFields),
};
