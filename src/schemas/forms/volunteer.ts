// The volunteer application: every field in one definition (field.ts), from
// which the form, the function's schema, the emails and Airtable are derived.
import { z } from 'zod';
import { defineFields, rulesOf } from './field.ts';
import {
  applicantFields,
  maybeOneOf,
  oneOf,
  optionalText,
  pageCheckAcross,
  requiredText,
  someOf,
} from './fields.ts';
import {
  availabilitySlots,
  frequencies,
  languageLevels,
  languages,
  professions,
  referralSources,
  sites,
} from './options.ts';

/** One language the applicant speaks, and how well. */
export const spokenLanguageSchema = z.object({
  /** Code from the form's list of languages. */
  code: z.enum(languages.values),
  /** Level of the applicant in that language. */
  level: z.enum(languageLevels.values),
});
export type SpokenLanguage = z.infer<typeof spokenLanguageSchema>;

export const volunteerFields = {
  ...applicantFields,
  ...defineFields('volunteer', {
    /** Phone number, optional: only to call back faster. */
    phone: {
      rule: z.preprocess(
        (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
        z
          .string()
          .trim()
          .max(25)
          .regex(/^\+?[0-9][0-9 ().-]{5,}$/)
          .optional(),
      ),
      control: { kind: 'input', type: 'tel', autocomplete: 'tel' },
      column: {
        name: 'Phone',
        type: 'phoneNumber',
        value: 'phone',
        description: 'Optional phone number.',
        shared: true,
      },
    },
    /** Profession, to match the applicant with the programme that needs it. */
    profession: oneOf(professions, 'select', {
      name: 'Profession',
      description: "Profession, from the form's list.",
    }),
    /** Languages spoken from the form's list, each once. */
    languages: {
      rule: z
        .array(spokenLanguageSchema)
        .max(languages.values.length)
        // Server only: the form has one row per language, so it cannot repeat one.
        .refine((list) => new Set(list.map((l) => l.code)).size === list.length)
        .default([]),
      options: languages,
      control: { kind: 'languages', levels: languageLevels },
      column: {
        name: 'Languages',
        type: 'multilineText',
        value: 'longText',
        description:
          'Languages and level, e.g. "Arabic — Fluent; English — Basic; Other: Kurmanji".',
        cell: 'languages',
      },
    },
    /** Other languages, in the applicant's words (e.g. "Kurmanji, fluent"); in the Languages column. */
    otherLanguages: { rule: optionalText(200), control: { kind: 'input' } },
    /** Where the applicant can help. */
    site: oneOf(sites, 'radio', {
      name: 'Site',
      description: 'Where they can help.',
      choices: true,
    }),
    /** When in the week the applicant is free. */
    availability: someOf(availabilitySlots, {
      name: 'Availability',
      description: 'When in the week they are free.',
    }),
    /** How often the applicant can come. */
    frequency: oneOf(frequencies, 'select', {
      name: 'Frequency',
      description: 'How often they can come.',
    }),
    /** How the applicant heard of the delegation (optional). */
    heardFrom: maybeOneOf(referralSources, {
      name: 'Heard about us',
      description: 'How they heard of the delegation (optional).',
    }),
    /** A few words on why the applicant wants to help. */
    motivation: {
      rule: requiredText(10, 1000),
      control: { kind: 'textarea' },
      column: {
        name: 'Motivation',
        type: 'multilineText',
        value: 'longText',
        description: 'Why they want to join, in their words.',
      },
    },
  }),
};

export const volunteerFormSchema = z
  .object(rulesOf(volunteerFields))
  .check(pageCheckAcross('someLanguage', 'languages'));

export type VolunteerFormInput = z.input<typeof volunteerFormSchema>;
export type VolunteerApplication = z.output<typeof volunteerFormSchema>;
