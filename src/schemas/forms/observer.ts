// The Speak Out observer application: what the form shows and what the function accepts.
import { z } from 'zod';
import { observerCharterVersions } from './consent.ts';
import {
  checkedValues,
  commonFields,
  optionalText,
  pageCheck,
  pageCheckAcross,
  requiredText,
  tickedBox,
} from './fields.ts';
import { observerProfiles, outputFormats, valuesOf } from './options.ts';

export const observerLimits = {
  name: 100,
  email: 254,
  organisation: 150,
  project: 1000,
} as const;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .check(pageCheck('calendarDay'));

export const observerFormSchema = z
  .object({
    ...commonFields,
    /** What the applicant does, to prepare the visit with them. */
    profile: z.enum(valuesOf(observerProfiles)),
    /** Organisation, media or school, if any. */
    organisation: optionalText(observerLimits.organisation),
    /** What the applicant plans to make of the visit. */
    project: requiredText(10, observerLimits.project),
    /** The forms the testimony may take. */
    formats: checkedValues(z.enum(valuesOf(outputFormats)), outputFormats.length),
    /** First day of the period the applicant could come (YYYY-MM-DD). */
    dateFrom: isoDay.check(pageCheck('notPast')),
    /** Last day of that period (YYYY-MM-DD). */
    dateTo: isoDay,
    /** Agreement to the observers' charter. */
    charter: tickedBox,
    /** Version of the charter shown on the form. */
    charterVersion: z.enum(observerCharterVersions),
  })
  .check(pageCheckAcross('datesInOrder', 'dateTo'));

export type ObserverFormInput = z.input<typeof observerFormSchema>;
export type ObserverApplication = z.output<typeof observerFormSchema>;
