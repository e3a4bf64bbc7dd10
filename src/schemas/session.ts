// A training, exchange or support session. One entry holds both languages, as a
// row of the trainers' Airtable "Sessions" table does: every text a visitor
// reads has a French and an English value, so that each language's pages, feeds
// and emails show only their own words.
import { z } from 'zod';
import { zonedWallTimeToInstant } from '../calendar/zoned-time.ts';
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
        /** Name of the place in both languages, e.g. "Délégation de Calais" / "Calais delegation". */
        name: localizedText,
        /** Address, one line (a postal address reads the same in both languages). */
        address: z.string().min(5),
      })
      .optional(),
    /** Video link, if online. */
    videoLink: z.url({ protocol: /^https$/ }).optional(),
    /** Key of the delegation that holds it ("calais" or "grande-synthe"). */
    delegation: z.string(),
    /** Who may attend; each language's pages name it in their own words. */
    audience: z.enum(sessionAudiences),
    /** Number of seats. */
    capacity: z.number().int().min(1).max(500),
    /** Who leads it, as participants see it, in both languages: "Coordinatrice bénévoles" / "Volunteer coordinator". */
    trainerRole: localizedText,
    /** Anything else participants should know (what to bring, access), in both languages. */
    notes: localizedText.optional(),
    /**
     * Last moment to register, as local time in `timeZone`: 2026-12-04T18:00.
     * Default: when the session starts. Not after the session ends.
     */
    registrationCloses: localDateTimeSchema.optional(),
    /** A cancelled session stays listed, marked cancelled, and takes no registration. */
    status: z.enum(sessionStatuses).default('scheduled'),
  })
  .refine((s) => s.place !== undefined || s.videoLink !== undefined, {
    message: 'give a place or a video link',
    path: ['place'],
  })
  .refine(
    (s) =>
      s.registrationCloses === undefined ||
      zonedWallTimeToInstant(s.registrationCloses, s.timeZone).getTime() <=
        zonedWallTimeToInstant(s.start, s.timeZone).getTime() + s.durationMinutes * 60_000,
    { message: 'registration cannot close after the session ends', path: ['registrationCloses'] },
  );
export type SessionData = z.infer<typeof sessionSchema>;
