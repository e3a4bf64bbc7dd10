// A film by the artist, played with the browser's own player and captions.
import { z } from 'zod';
import type { SchemaContext } from 'astro:content';
import { descriptionSchema, slugSchema } from './common.ts';

/** A path to a file in public/, starting with a slash. */
const publicPath = z.string().regex(/^\/[\w./-]+$/, 'give a path under public/, starting with /');

export const filmSchema = ({ image }: SchemaContext) =>
  z.object({
    /** Title of the film. */
    title: z.string().min(2),
    /** URL segment of the film's page in this language. */
    slug: slugSchema,
    /** One or two sentences for listings and search engines. */
    description: descriptionSchema,
    /** Year of release. */
    year: z.number().int().min(2000).max(2100),
    /** Running time in seconds. */
    duration: z.number().int().positive(),
    /** The video file in public/ (MP4 or WebM). */
    video: z.object({ src: publicPath, type: z.enum(['video/mp4', 'video/webm']) }),
    /** Still image shown before playback. */
    poster: image(),
    /** Captions tracks (WebVTT files in public/); at least one. */
    captions: z
      .array(
        z.object({
          /** Path of the .vtt file. */
          src: publicPath.regex(/\.vtt$/, 'captions must be a .vtt file'),
          /** Language of the captions. */
          srclang: z.enum(['fr', 'en']),
          /** Label shown in the player's captions menu. */
          label: z.string(),
        }),
      )
      .min(1),
    /** Credit line. */
    credits: z.string().min(3),
    /** True while the video is our placeholder and not the artist's film. */
    placeholder: z.boolean(),
  });
export type FilmData = z.infer<ReturnType<typeof filmSchema>>;
