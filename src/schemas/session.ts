// A training, exchange or support session. One entry holds both languages, as a
// row of the trainers' Airtable "Sessions" table does.
import { z } from 'zod';
import { localDateTimeSchema, localizedText, slugSchema } from './common.ts';

export const sessionAudiences = ['volunteers', 'observers', 'all'] as const;
export const sessionStatuses = ['scheduled', 'cancelled'] as const;

export const sessionSchema = z
  .object({
    /** Title in both languages. */
    title: localizedText,
    /** URL segment, the same in both languages (usually date and topic). */
    slug: slugSchema,
    /** What the session covers, in both languages. */
    description: localizedText,
    /** Start, as local time in `timeZone`: 2026-12-05T09:30. */
    start: localDateTimeSchema,
    /** Time zone of `start`; the delegation works in Europe/Paris. */
    timeZone: z.literal('Europe/Paris').default('Europe/Paris'),
    /** Length in minutes. */
    durationMinutes: z.number().int().min(15).max(600),
    /** Where it takes place, if in person. */
    place: z
      .object({
        /** Name of the place, e.g. "Delegation office". */
        name: z.string().min(2),
        /** Address, one line. */
        address: z.string().min(5),
      })
      .optional(),
    /** Video link, if online. */
    videoLink: z.url({ protocol: /^https$/ }).optional(),
    /** Key of the delegation that holds it ("calais" or "grande-synthe"). */
    delegation: z.string(),
    /** Who may attend. */
    audience: z.enum(sessionAudiences),
    /** Number of seats. */
    capacity: z.number().int().min(1).max(500),
    /** Trainer's name as shown to participants. */
    trainer: z.string().min(2),
    /** A cancelled session stays listed, marked cancelled, and takes no registration. */
    status: z.enum(sessionStatuses).default('scheduled'),
  })
  .refine((s) => s.place !== undefined || s.videoLink !== undefined, {
    message: 'give a place or a video link',
    path: ['place'],
  });
export type SessionData = z.infer<typeof sessionSchema>;
