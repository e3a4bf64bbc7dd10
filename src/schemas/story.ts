// A story published by the communications staff. Each field's description is
// the help the editor at /admin/ shows beside it (src/cms/ reads it from here).
//
// Astro makes a story's schema once per file (its image() resolves pictures
// next to that file), so everything but the picture is made once and shared:
// with thousands of stories, building every field again for each one took
// longer than checking them.
import { z } from 'zod';
import { descriptionSchema, slugSchema, type EntrySchemaContext } from './common.ts';

/** The fields of a story that do not depend on its file, for one `reference` helper. */
const sharedFields = <Reference extends z.ZodType>(
  reference: EntrySchemaContext<z.ZodType, Reference>['reference'],
) => ({
  title: z.string().min(5).max(120).describe('Headline, 5 to 120 characters.'),
  slug: slugSchema.describe(
    'The end of the page address in this language: lower-case letters, digits and hyphens, e.g. "une-matinee-avec-la-clinique".',
  ),
  description: descriptionSchema.describe(
    'One or two sentences (50 to 180 characters) shown in lists, feeds and search engines.',
  ),
  author: z.string().min(2).describe('Who wrote it, as it should be signed.'),
  date: z.coerce.date().describe('Publication date.'),
  tags: z
    .array(z.string().regex(/^[\p{Ll}\d]+(?:-[\p{Ll}\d]+)*$/u))
    .min(1)
    .describe(
      'Themes, in this language: lower-case words joined by hyphens, e.g. "clinique-mobile". Each theme gets its own page.',
    ),
  programme: reference('programmes').describe('The programme the story is about.'),
  heroAlt: z
    .string()
    .min(10)
    .describe(
      'What the picture shows, for people who cannot see it (at least 10 characters). Required.',
    ),
  draft: z.boolean().default(false).describe('A draft is saved but never published on the site.'),
});

const sharedByReference = new WeakMap<object, unknown>();

/** The shared fields for this `reference` helper, made on its first story. */
function sharedFieldsFor<Reference extends z.ZodType>(
  reference: EntrySchemaContext<z.ZodType, Reference>['reference'],
) {
  type Fields = ReturnType<typeof sharedFields<Reference>>;
  let fields = sharedByReference.get(reference) as Fields | undefined;
  if (fields === undefined) {
    fields = sharedFields(reference);
    sharedByReference.set(reference, fields);
  }
  return fields;
}

export const storySchema = <Image extends z.ZodType, Reference extends z.ZodType>({
  image,
  reference,
}: EntrySchemaContext<Image, Reference>) => {
  const shared = sharedFieldsFor(reference);
  return z.object({
    title: shared.title,
    slug: shared.slug,
    description: shared.description,
    author: shared.author,
    date: shared.date,
    tags: shared.tags,
    programme: shared.programme,
    hero: z
      .object({
        image: image().describe('The picture at the top of the story (JPEG, PNG or WebP).'),
        alt: shared.heroAlt,
      })
      .describe('Picture at the top of the story, with its text alternative.'),
    draft: shared.draft,
  });
};
