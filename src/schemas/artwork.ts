// An artwork by the artist. Until the delegation supplies the real files, the
// image is a placeholder we drew, and `placeholder` must say so. Each field's
// description is the help the editor at /admin/ shows beside it.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const artworkSchema = <Image extends z.ZodType>({ image }: { image: () => Image }) =>
  z.object({
    title: z.string().min(2).describe('Title of the work in this language.'),
    slug: slugSchema.describe(
      "The end of the artwork page's address in this language: lower-case letters, digits and hyphens.",
    ),
    description: descriptionSchema.describe(
      'One or two sentences (50 to 180 characters) for the gallery and search engines.',
    ),
    image: image().describe('The picture of the work (JPEG, PNG or WebP).'),
    alt: z
      .string()
      .min(10, 'describe the picture in at least 10 characters')
      .describe(
        'What the picture shows, for people who cannot see it (at least 10 characters). Required for every artwork.',
      ),
    year: z.number().int().min(2000).max(2100).describe('Year the work was made.'),
    medium: z
      .string()
      .min(3)
      .describe('Technique and support, e.g. "Ink and watercolour on paper".'),
    series: z.string().optional().describe('Series the work belongs to, if any.'),
    credits: z.string().min(3).describe('Credit line shown under the picture.'),
    placeholder: z
      .boolean()
      .describe("Ticked while the picture is our placeholder and not the artist's work."),
    order: z
      .number()
      .int()
      .default(0)
      .describe('Position in the gallery: smaller numbers come first.'),
  });
