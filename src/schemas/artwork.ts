// An artwork by the artist. Until the delegation supplies the real files, the
// image is a placeholder we drew, and `placeholder` must say so.
import { z } from 'zod';
import type { SchemaContext } from 'astro:content';
import { descriptionSchema, slugSchema } from './common.ts';

export const artworkSchema = ({ image }: SchemaContext) =>
  z.object({
    /** Title of the work in this language. */
    title: z.string().min(2),
    /** URL segment of the artwork's page in this language. */
    slug: slugSchema,
    /** One or two sentences for listings and search engines. */
    description: descriptionSchema,
    /** The picture (a file beside the entry or in content/artworks/images/). */
    image: image(),
    /** Text alternative describing what the picture shows: required for every artwork. */
    alt: z.string().min(10, 'describe the picture in at least 10 characters'),
    /** Year the work was made. */
    year: z.number().int().min(2000).max(2100),
    /** Technique and support, e.g. "Ink and watercolour on paper". */
    medium: z.string().min(3),
    /** Series the work belongs to, if any. */
    series: z.string().optional(),
    /** Credit line shown under the picture. */
    credits: z.string().min(3),
    /** True while the picture is our placeholder and not the artist's work. */
    placeholder: z.boolean(),
    /** Order in the gallery (smaller first). */
    order: z.number().int().default(0),
  });
export type ArtworkData = z.infer<ReturnType<typeof artworkSchema>>;
