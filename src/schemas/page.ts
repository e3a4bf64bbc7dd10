// A page of prose (legal notice, privacy policy, accessibility statement,
// join-us texts). Each field's description is the help the editor at /admin/ shows.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const pageSchema = z.object({
  title: z.string().min(2).describe('Page title.'),
  slug: z
    .union([slugSchema, z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/)])
    .describe(
      'Address of the page in this language, without /en/: lower-case words joined by hyphens, sections separated by "/", e.g. "mentions-legales". Changing it moves the page.',
    ),
  description: descriptionSchema.describe(
    'One or two sentences (50 to 180 characters) for search engines.',
  ),
  updated: z.coerce.date().describe('Date of the last change of substance, shown on legal pages.'),
});
export type PageData = z.infer<typeof pageSchema>;
