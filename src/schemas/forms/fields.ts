// Field rules shared by the sign-up forms, the builders of choice fields, and
// the fields every application has (name, email, consent). The same values
// arrive as strings from a plain HTML form and as JSON from the script, so each
// rule accepts both.
import { z } from 'zod';
import { localeSchema } from '../common.ts';
import { privacyNoticeVersions } from './consent.ts';
import { defineFields, type Column } from './field.ts';
import type { Options } from './options.ts';
import {
  fieldChecks,
  formChecks,
  type FieldCheckName,
  type FormCheckName,
  type FormValues,
} from './page-checks.ts';

// Declared beside the form data, which the page script reads without zod.
export { honeypotField, startedAtField } from './form-data.ts';

// What no person types, refused in every free text: control characters (C0
// with NUL, DEL, C1), lone surrogates (not text at all), and the bidi
// embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069,
// which make a text display differently from what it says. Other invisible
// characters stay allowed inside a text: a zero-width non-joiner belongs in
// Persian words, a joiner in Indic scripts and emoji.
/** A one-line text: none of the above. */
export const oneLineChars = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;
/** A long text: the same, but line breaks and tabs are its own. */
export const longTextChars =
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  /^[^\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;
/** Something to read: a letter or a digit, in any script (not only invisible characters). */
export const someLetterOrDigit = /[\p{L}\p{N}]/u;
/** A letter, in any script: a name has one. */
export const someLetter = /\p{L}/u;

/** A required text of several lines, trimmed, with something to read in it. */
export const requiredText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).regex(longTextChars).regex(someLetterOrDigit);

/** An optional one-line text: an empty field counts as not given. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).regex(oneLineChars).regex(someLetterOrDigit).optional(),
  );

/** A person's name, in any script: one line, with at least one letter. */
export const personName = z.string().trim().min(2).max(100).regex(oneLineChars).regex(someLetter);

/** A ticked checkbox: "yes"/"on" from a form, true from JSON. */
export const tickedBox = z.preprocess(
  (v) => v === true || v === 'yes' || v === 'on' || v === 'true',
  z.literal(true),
);

/** A group of checkboxes: one value arrives as a string, several as an array. */
export const checkedValues = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v): unknown[] =>
      v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v],
    z.array(item).min(1).max(max),
  );

/** The column of a choice field: its type follows from the number of choices. */
type ChoiceColumn = Pick<Column, 'name' | 'description' | 'choices'>;

const choiceColumn = (column: ChoiceColumn, several: boolean): Column => ({
  ...column,
  type: several ? 'multipleSelects' : 'singleSelect',
  value: several ? 'multiSelect' : 'select',
});

/** One choice of a list, in a select or as radio buttons. */
export const oneOf = <V extends string>(
  options: Options<V>,
  kind: 'select' | 'radio',
  column: ChoiceColumn,
) => ({
  rule: z.enum(options.values),
  options,
  control: { kind },
  column: choiceColumn(column, false),
});

/** One choice of a list or none, in a select whose first, blank choice means none. */
export const maybeOneOf = <V extends string>(options: Options<V>, column: ChoiceColumn) => ({
  rule: z.preprocess((v) => (v === '' ? undefined : v), z.enum(options.values).optional()),
  options,
  control: { kind: 'select' as const },
  column: choiceColumn(column, false),
});

/** At least one choice of a list, as checkboxes. */
export const someOf = <V extends string>(options: Options<V>, column: ChoiceColumn) => ({
  rule: checkedValues(z.enum(options.values), options.values.length),
  options,
  control: { kind: 'checkbox' as const },
  column: choiceColumn(column, true),
});

/** A refinement of one field that the page runs too (page-rules.ts finds it by its name). */
export const pageCheck = (name: FieldCheckName) =>
  z.refine<string>(fieldChecks[name], { params: { pageCheck: name } });

/** A refinement across fields that the page runs too, its message shown on `field`. */
export const pageCheckAcross = (name: FormCheckName, field: string) =>
  z.refine<FormValues>(formChecks[name], { path: [field], params: { pageCheck: name } });

/**
 * An address as mail systems take it: at most 254 characters, and 64 before
 * the @ (RFC 5321); Resend refuses longer ones, and the email would be retried
 * for days.
 */
export const emailField = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^@]{1,64}@/)
  .pipe(z.email());

/** What every application carries besides its own fields. */
export const applicantFields = defineFields('applicant', {
  /** Language of the form, and of the email the applicant will get. */
  locale: { rule: localeSchema },
  /** Name as the applicant wants to be called. */
  name: { rule: personName, control: { kind: 'input', autocomplete: 'name' } },
  /** Address for the onboarding email and the coordinator's reply. */
  email: { rule: emailField, control: { kind: 'input', type: 'email', autocomplete: 'email' } },
  /** Agreement to the privacy notice. */
  consent: { rule: tickedBox, control: { kind: 'tick', privacyLink: true } },
  /** Version of the privacy notice shown on the form. */
  privacyVersion: { rule: z.enum(privacyNoticeVersions) },
});
