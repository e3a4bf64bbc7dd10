// The volunteer application: what the form shows and what the function accepts.
import { z } from 'zod';
import {
  commonFields,
  checkedValues,
  optionalText,
  pageCheckAcross,
  requiredText,
} from './fields.ts';
import {
  availabilitySlots,
  frequencies,
  languageLevels,
  languages,
  professions,
  referralSources,
  sites,
  valuesOf,
} from './options.ts';

export const volunteerLimits = {
  name: 100,
  email: 254,
  phone: 25,
  otherLanguages: 200,
  motivation: 1000,
} as const;

/** One language the applicant speaks, and how well. */
export const spokenLanguageSchema = z.object({
  /** Code from the form's list of languages. */
  code: z.enum(valuesOf(languages)),
  /** Level of the applicant in that language. */
  level: z.enum(valuesOf(languageLevels)),
});
export type SpokenLanguage = z.infer<typeof spokenLanguageSchema>;

export const volunteerFormSchema = z
  .object({
    ...commonFields,
    /** Phone number, optional: only to call back faster. */
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .trim()
        .max(volunteerLimits.phone)
        .regex(/^\+?[0-9][0-9 ().-]{5,}$/)
        .optional(),
    ),
    /** Profession, to match the applicant with the programme that needs it. */
    profession: z.enum(valuesOf(professions)),
    /** Languages spoken from the form's list, each once. */
    languages: z
      .array(spokenLanguageSchema)
      .max(languages.length)
      // Server only: the form has one row per language, so it cannot repeat one.
      .refine((list) => new Set(list.map((l) => l.code)).size === list.length)
      .default([]),
    /** Other languages, in the applicant's words (e.g. "Kurmanji, fluent"). */
    otherLanguages: optionalText(volunteerLimits.otherLanguages),
    /** Where the applicant can help. */
    site: z.enum(valuesOf(sites)),
    /** When in the week the applicant is free. */
    availability: checkedValues(z.enum(valuesOf(availabilitySlots)), availabilitySlots.length),
    /** How often the applicant can come. */
    frequency: z.enum(valuesOf(frequencies)),
    /** How the applicant heard of the delegation (optional). */
    heardFrom: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(valuesOf(referralSources)).optional(),
    ),
    /** A few words on why the applicant wants to help. */
    motivation: requiredText(10, volunteerLimits.motivation),
  })
  .check(pageCheckAcross('someLanguage', 'languages'));

export type VolunteerFormInput = z.input<typeof volunteerFormSchema>;
export type VolunteerApplication = z.output<typeof volunteerFormSchema>;
