// Field rules shared by both sign-up forms. The same values arrive as strings
// from a plain HTML form and as JSON from the script, so each rule accepts both.
import { z } from 'zod';
import { localeSchema } from '../common.ts';
import { privacyNoticeVersions } from './consent.ts';
import {
  fieldChecks,
  formChecks,
  type FieldCheckName,
  type FormCheckName,
  type FormValues,
} from './page-checks.ts';

// Declared beside the form data, which the page script reads without zod.
export { honeypotField, startedAtField } from './form-data.ts';

/** A required one-line text, trimmed. */
export const requiredText = (min: number, max: number) => z.string().trim().min(min).max(max);

/** An optional text: an empty field counts as not given. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  );

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

/** A refinement of one field that the page runs too (page-rules.ts finds it by its name). */
export const pageCheck = (name: FieldCheckName) =>
  z.refine<string>(fieldChecks[name], { params: { pageCheck: name } });

/** A refinement across fields that the page runs too, its message shown on `field`. */
export const pageCheckAcross = (name: FormCheckName, field: string) =>
  z.refine<FormValues>(formChecks[name], { path: [field], params: { pageCheck: name } });

export const emailField = z.string().trim().max(254).pipe(z.email());

/** What every application carries besides its own fields. */
export const commonFields = {
  /** Language of the form, and of the email the applicant will get. */
  locale: localeSchema,
  /** Name as the applicant wants to be called. */
  name: requiredText(2, 100),
  /** Address for the onboarding email and the coordinator's reply. */
  email: emailField,
  /** Agreement to the privacy notice. */
  consent: tickedBox,
  /** Version of the privacy notice shown on the form. */
  privacyVersion: z.enum(privacyNoticeVersions),
};

/** Maximum lengths, for the forms' maxlength attributes. */
export const commonLimits = { name: 100, email: 254 } as const;
