// Building blocks shared by every content schema.
import { z } from 'zod';

/** The site's languages: French first, English second. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

/** A URL segment: lower-case letters, digits and hyphens (no accents). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens only');

/** A text given in both languages, for data entries that hold both in one file. */
export const localizedText = z.object({
  fr: z.string().min(1).meta({ title: 'French', description: 'The French text.' }),
  en: z.string().min(1).meta({ title: 'English', description: 'The English text.' }),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A page description for search engines and link previews (50–180 characters). */
export const descriptionSchema = z.string().min(50).max(180);

/** A local wall-clock date and time, without offset: 2026-12-05T09:30. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'write a local date and time as YYYY-MM-DDTHH:MM');

/**
 * What an entry schema may ask of the build: Astro's `image()` (a picture
 * beside the entry, checked and optimised) and `reference()` (an entry of
 * another collection, by id). Passed in rather than imported from
 * astro:content, so that the editor's configuration (src/cms/) and the tests
 * read the same schemas outside Astro; the types follow what is passed.
 */
export interface EntrySchemaContext<Image extends z.ZodType, Reference extends z.ZodType> {
  image: () => Image;
  reference: (collection: 'programmes') => Reference;
}
