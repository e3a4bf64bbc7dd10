// A podcast episode ("Speak Out: a day in Calais"). The transcript is required:
// it is shown on the page under the player.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const episodeSchema = z.object({
  /** Episode title. */
  title: z.string().min(3),
  /** URL segment of the episode in this language. */
  slug: slugSchema,
  /** One or two sentences for listings, search engines and podcast apps. */
  description: descriptionSchema,
  /** Episode number in the series, from 1. */
  number: z.number().int().positive(),
  /** Publication date (YYYY-MM-DD). */
  date: z.coerce.date(),
  /** The audio file, in public/. Size and duration are checked against the file by the tests. */
  audio: z.object({
    /** Path of the file, e.g. /audio/speak-out-01-fr.mp3. */
    src: z.string().regex(/^\/audio\/[\w.-]+\.(mp3|m4a|ogg|opus)$/),
    /** MIME type of the file. */
    type: z.enum(['audio/mpeg', 'audio/mp4', 'audio/ogg']),
    /** Length in seconds. */
    duration: z.number().int().positive(),
    /** File size in bytes. */
    size: z.number().int().positive(),
  }),
  /** The words spoken, in order, by speaker. */
  transcript: z
    .array(
      z.object({
        /** Who speaks. */
        speaker: z.string().min(1),
        /** What they say. */
        text: z.string().min(1),
      }),
    )
    .min(1, 'every episode needs its transcript'),
});
export type EpisodeData = z.infer<typeof episodeSchema>;
