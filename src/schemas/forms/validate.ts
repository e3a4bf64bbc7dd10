// One entry point to check a sign-up, used by the functions; the page runs the
// same rules through page-rules.ts, so both show the same localised message.
import type { z } from 'zod';
import { locales, type Locale } from '../common.ts';
import { observerMessages, volunteerMessages } from './messages.ts';
import { observerFormSchema, type ObserverApplication } from './observer.ts';
import type { FieldErrors } from './page-checks.ts';
import { volunteerFormSchema, type VolunteerApplication } from './volunteer.ts';

export type FormKind = 'volunteer' | 'observer';

interface Applications {
  volunteer: VolunteerApplication;
  observer: ObserverApplication;
}

export type { FieldErrors };

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const forms = {
  volunteer: { schema: volunteerFormSchema, messages: volunteerMessages },
  observer: { schema: observerFormSchema, messages: observerMessages },
} as const;

/** The form's language from an untrusted value; French, the site's first language, otherwise. */
export const pickLocale = (value: unknown): Locale => locales.find((l) => l === value) ?? 'fr';

/** Checks an application, returning its clean data or one message per faulty field. */
export function validateForm<K extends FormKind>(
  kind: K,
  input: unknown,
  locale: Locale,
): Validation<Applications[K]> {
  const { schema, messages } = forms[kind];
  const result = (schema as z.ZodType).safeParse(input);
  if (result.success) return { ok: true, data: result.data as Applications[K] };
  return { ok: false, errors: localizeIssues(result.error.issues, messages[locale]) };
}

function localizeIssues(
  issues: readonly z.core.$ZodIssue[],
  messages: Record<string, string>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    // The first issue of a field is enough: every message covers all its rules.
    if (field in messages && !(field in errors)) errors[field] = messages[field] ?? '';
  }
  return errors;
}

/** The fields of each form, in the order they appear, for error summaries. */
export const fieldOrder: Record<FormKind, readonly string[]> = {
  volunteer: Object.keys(volunteerMessages.fr),
  observer: Object.keys(observerMessages.fr),
};
