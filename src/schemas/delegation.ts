// A delegation: one of MdM's local teams on the coast (Calais, Grande-Synthe).
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const delegationSchema = z.object({
  /** Name shown in titles, e.g. "Calais". */
  title: z.string().min(2),
  /** URL segment of the delegation's page in this language. */
  slug: slugSchema,
  /** One or two sentences for listings and search engines. */
  description: descriptionSchema,
  /** Order in listings (smaller first). */
  order: z.number().int().default(0),
  /** Postal address. Leave `street` out where the team has no public office. */
  address: z.object({
    /** Street and number, if public. */
    street: z.string().optional(),
    /** French postcode, five digits. */
    postcode: z.string().regex(/^\d{5}$/),
    /** Town. */
    city: z.string(),
    /** Country. */
    country: z.string().default('France'),
  }),
  /** Ways to reach the team; each needs an email or a phone number. */
  contacts: z
    .array(
      z
        .object({
          /** Who answers, e.g. "Volunteer coordination". */
          label: z.string(),
          /** Email address. */
          email: z.email().optional(),
          /** Phone number in international form, e.g. +33 3 21 00 00 00. */
          phone: z
            .string()
            .regex(/^\+[\d ]{8,20}$/)
            .optional(),
        })
        .refine((c) => c.email !== undefined || c.phone !== undefined, 'give an email or a phone'),
    )
    .min(1),
  /** Social network profiles. */
  social: z
    .array(
      z.object({
        /** Network name as shown, e.g. "Instagram". */
        network: z.string(),
        /** Full https URL of the profile. */
        url: z.url({ protocol: /^https$/ }),
      }),
    )
    .default([]),
  /** Where the team works, for a map link (WGS 84 decimal degrees). */
  coordinates: z.object({
    /** Latitude, -90 to 90. */
    lat: z.number().min(-90).max(90),
    /** Longitude, -180 to 180. */
    lng: z.number().min(-180).max(180),
  }),
});
export type DelegationData = z.infer<typeof delegationSchema>;
