// The Speak Out observer application: every field in one definition (field.ts),
// from which the form, the function's schema, the emails and Airtable are derived.
import { z } from 'zod';
import { currentObserverCharterVersion, observerCharterVersions } from './consent.ts';
import { defineFields, rulesOf } from './field.ts';
import {
  applicantFields,
  oneOf,
  optionalText,
  pageCheck,
  pageCheckAcross,
  requiredText,
  someOf,
  tickedBox,
} from './fields.ts';
import { observerProfiles, outputFormats } from './options.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .check(pageCheck('calendarDay'));

export const observerFields = {
  ...applicantFields,
  ...defineFields('observer', {
    /** What the applicant does, to prepare the visit with them. */
    profile: oneOf(observerProfiles, 'select', {
      name: 'Profile',
      description: 'What describes them best.',
    }),
    /** Organisation, media or school, if any. */
    organisation: {
      rule: optionalText(150),
      control: { kind: 'input', autocomplete: 'organization' },
      column: {
        name: 'Organisation',
        type: 'singleLineText',
        value: 'text',
        description: 'Organisation, media or school (optional).',
      },
    },
    /** What the applicant plans to make of the visit. */
    project: {
      rule: requiredText(10, 1000),
      control: { kind: 'textarea' },
      column: {
        name: 'Planned production',
        type: 'multilineText',
        value: 'longText',
        description: 'What they plan to make of the visit.',
      },
    },
    /** The forms the testimony may take. */
    formats: someOf(outputFormats, {
      name: 'Formats',
      description: 'The forms the testimony may take.',
    }),
    /** First day of the period the applicant could come (YYYY-MM-DD). */
    dateFrom: {
      rule: isoDay.check(pageCheck('notPast')),
      control: { kind: 'input', type: 'date' },
      column: {
        name: 'Preferred dates',
        type: 'singleLineText',
        value: 'text',
        description: 'Period they could come, e.g. "2026-12-01 → 2026-12-05".',
        cell: 'dateRange',
      },
    },
    /** Last day of that period (YYYY-MM-DD); in the Preferred dates column. */
    dateTo: { rule: isoDay, control: { kind: 'input', type: 'date' } },
    /** Agreement to the observers' charter. */
    charter: { rule: tickedBox, control: { kind: 'tick' } },
    /** Version of the charter shown on the form. */
    charterVersion: {
      rule: z.enum(observerCharterVersions),
      control: { kind: 'hidden', value: currentObserverCharterVersion },
    },
  }),
};

export const observerFormSchema = z
  .object(rulesOf(observerFields))
  .check(pageCheckAcross('datesInOrder', 'dateTo'));

export type ObserverFormInput = z.input<typeof observerFormSchema>;
export type ObserverApplication = z.output<typeof observerFormSchema>;
