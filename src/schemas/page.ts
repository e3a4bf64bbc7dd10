// A page of prose (legal notice, privacy policy, accessibility statement, join-us texts).
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const pageSchema = z.object({
  /** Page title. */
  title: z.string().min(2),
  /** URL path of the page in this language, without the /en/ prefix, e.g. "mentions-legales". */
  slug: z.union([slugSchema, z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/)]),
  /** One or two sentences for search engines. */
  description: descriptionSchema,
  /** Date of the last change of substance (YYYY-MM-DD), shown on legal pages. */
  updated: z.coerce.date(),
});
export type PageData = z.infer<typeof pageSchema>;
