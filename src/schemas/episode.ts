// A podcast episode ("Speak Out: a day in Calais"). The transcript is required:
// it is shown on the page under the player. Each field's description is the
// help the editor at /admin/ shows beside it.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';
import { podcastPersonSchema } from './podcast-show.ts';

export const episodeSchema = z.object({
  title: z.string().min(3).describe('Episode title.'),
  slug: slugSchema.describe(
    "The end of the episode page's address in this language: lower-case letters, digits and hyphens.",
  ),
  description: descriptionSchema.describe(
    'One or two sentences (50 to 180 characters) for lists, search engines and podcast apps.',
  ),
  number: z.number().int().positive().describe('Episode number in the series, from 1.'),
  date: z.coerce.date().describe('Publication date.'),
  // Size, duration and type are measured from the file by the build (src/lib/audio.ts).
  audio: z
    .string()
    .regex(
      /^\/audio\/[\w.-]+\.(mp3|m4a|ogg|opus)$/,
      'write the path of a file in public/audio/, e.g. /audio/speak-out-01-fr.mp3 (mp3, m4a, ogg or opus)',
    )
    .describe(
      'The recording in this language (MP3 preferred; M4A, Ogg and Opus are accepted). Its length and size are measured by the site: nothing to type.',
    ),
  type: z
    .enum(['full', 'trailer', 'bonus'])
    .default('full')
    .describe(
      '"full" for an ordinary episode, "trailer" for a short preview, "bonus" for extra material.',
    ),
  persons: z
    .array(podcastPersonSchema)
    .default([])
    .describe("People heard in this episode, besides the show's own (optional)."),
  transcript: z
    .array(
      z.object({
        speaker: z.string().min(1).describe('Who speaks.'),
        text: z.string().min(1).describe('What they say.'),
      }),
    )
    .min(1, 'every episode needs its transcript')
    .describe(
      'The words spoken, in order, one turn per item. Required: it is shown under the player and given to podcast apps.',
    ),
});
export type EpisodeData = z.infer<typeof episodeSchema>;
