// A podcast episode ("Speak Out: a day in Calais"). The transcript is required:
// it is shown on the page under the player.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';
import { podcastPersonSchema } from './podcast-show.ts';

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
  /**
   * The audio file, uploaded to public/audio/ (MP3 preferred; M4A, Ogg and Opus
   * are accepted): its path from the site's root, e.g. /audio/speak-out-01-fr.mp3.
   * Its size, duration and type are measured from the file by the build
   * (src/lib/audio.ts): do not type them.
   */
  audio: z
    .string()
    .regex(
      /^\/audio\/[\w.-]+\.(mp3|m4a|ogg|opus)$/,
      'write the path of a file in public/audio/, e.g. /audio/speak-out-01-fr.mp3 (mp3, m4a, ogg or opus)',
    ),
  /** "full" for an ordinary episode, "trailer" for a short preview, "bonus" for extra material. */
  type: z.enum(['full', 'trailer', 'bonus']).default('full'),
  /** People heard in this episode, beside the show's own (Podcasting 2.0 `podcast:person`). */
  persons: z.array(podcastPersonSchema).default([]),
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
