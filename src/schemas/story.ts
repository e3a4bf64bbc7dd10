// A story published by the communications staff.
import { z } from 'zod';
import { reference, type SchemaContext } from 'astro:content';
import { descriptionSchema, slugSchema } from './common.ts';

export const storySchema = ({ image }: SchemaContext) =>
  z.object({
    /** Headline. */
    title: z.string().min(5).max(120),
    /** URL segment of the story in this language. */
    slug: slugSchema,
    /** One or two sentences for listings and search engines. */
    description: descriptionSchema,
    /** Who wrote it, as it should be signed. */
    author: z.string().min(2),
    /** Publication date (YYYY-MM-DD). */
    date: z.coerce.date(),
    /** Themes, lower-case words or short phrases with hyphens: each gets a tag page. */
    tags: z.array(z.string().regex(/^[\p{Ll}\d]+(?:-[\p{Ll}\d]+)*$/u)).min(1),
    /** The programme the story is about (an id such as "fr/mobile-clinic"). */
    programme: reference('programmes'),
    /** Picture at the top of the story, with its text alternative. */
    hero: z.object({
      /** The picture file, beside the story or in content/stories/images/. */
      image: image(),
      /** What the picture shows, for people who cannot see it. */
      alt: z.string().min(10),
    }),
    /** Drafts are built in development only and never published. */
    draft: z.boolean().default(false),
  });
export type StoryData = z.infer<ReturnType<typeof storySchema>>;
