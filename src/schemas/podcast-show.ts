// The podcast as a whole ("show"), as podcast apps list it: one file,
// content/podcast/show.yaml, for both languages. Each language has its own feed
// (src/lib/podcast-feed.ts); episodes are in content/podcast/{fr,en}/. Each
// field's description is the help the editor at /admin/ shows beside it.
import { z } from 'zod';
import { localizedText } from './common.ts';

/** A person of the show or of one episode (Podcasting 2.0 `podcast:person`). */
export const podcastPersonSchema = z.object({
  name: z.string().min(2).max(128).describe('Full name, as podcast apps should show it.'),
  role: z
    .string()
    .regex(/^[a-z][a-z -]*$/, 'a role in lower case, e.g. host')
    .default('host')
    .describe('What they do, in lower case: host, guest, narrator, producer…'),
  group: z
    .string()
    .regex(/^[a-z][a-z -]*$/, 'a group in lower case, e.g. cast')
    .default('cast')
    .describe('The group of that role, in lower case: cast, writing, creative direction…'),
  href: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe('A page about them, starting with https:// (optional).'),
  img: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe('A picture of them, as a full https:// address (optional).'),
});
export type PodcastPerson = z.infer<typeof podcastPersonSchema>;

/** Apple's limits for show artwork: square, 1400 to 3000 pixels a side, JPEG or PNG. */
export const artworkSide = { min: 1400, max: 3000 } as const;

/**
 * What is wrong with an artwork for podcast directories, or undefined. Astro
 * measures the picture after the schema has run, so the build calls this on
 * the measured picture (src/lib/content.ts, podcastShow).
 */
export function artworkProblem(file: { width: number; height: number; format: string }) {
  if (!['png', 'jpg', 'jpeg'].includes(file.format)) return `is ${file.format}, not JPEG or PNG`;
  if (file.width !== file.height) return `is ${file.width}×${file.height} pixels, not square`;
  if (file.width < artworkSide.min || file.width > artworkSide.max)
    return `is ${file.width} pixels a side, not ${artworkSide.min} to ${artworkSide.max}`;
  return undefined;
}

export const podcastShowSchema = <Image extends z.ZodType>({ image }: { image: () => Image }) =>
  z.object({
    title: localizedText.describe("The show's name in podcast apps, in each language."),
    description: z
      .object({
        fr: z.string().min(50).max(4000).describe('In French.'),
        en: z.string().min(50).max(4000).describe('In English.'),
      })
      .describe(
        "What the show is about, in each language: apps show it on the show's page (50 to 4,000 characters).",
      ),
    author: z.string().min(2).describe('Who makes the show, as apps show it under the title.'),
    owner: z
      .object({
        name: z
          .string()
          .min(2)
          .describe('A name: the delegation, or the person in charge of communication.'),
        email: z.email().describe('The address the ownership emails go to.'),
      })
      .describe(
        'Who owns the feed. Apple and Spotify send their ownership check to this address: it must be a mailbox the delegation reads. It is published in the feeds (apps require it), not on the pages.',
      ),
    artwork: z
      .object({
        image: image().describe(
          'JPEG or PNG in RGB colours, square, 1,400 to 3,000 pixels a side.',
        ),
        placeholder: z
          .boolean()
          .describe("Ticked while it is our provisional picture, not the delegation's own."),
      })
      .describe("The show's square picture in podcast apps."),
    category: z
      .object({
        name: z.string().min(2).describe('The category, e.g. "Society & Culture".'),
        subcategory: z
          .string()
          .min(2)
          .optional()
          .describe('A subcategory of it, e.g. "Documentary" (optional).'),
      })
      .describe("Apple's category, spelt exactly as in Apple's list."),
    explicit: z
      .boolean()
      .default(false)
      .describe('Ticked when any episode contains explicit language or content.'),
    type: z
      .enum(['episodic', 'serial'])
      .describe(
        '"serial" when episodes are best heard in order (apps start new listeners at episode 1), "episodic" otherwise.',
      ),
    locked: z
      .boolean()
      .default(true)
      .describe(
        "When ticked, other podcast hosts must refuse to import the feed without the owner's consent.",
      ),
    persons: z
      .array(podcastPersonSchema)
      .default([])
      .describe('Hosts and other people of the whole show.'),
    listings: z
      .object({
        apple: z
          .url({ protocol: /^https$/ })
          .optional()
          .describe("The show's page on podcasts.apple.com."),
        spotify: z
          .url({ protocol: /^https$/ })
          .optional()
          .describe("The show's page on open.spotify.com."),
      })
      .default({})
      .describe(
        'Once the show is listed in Apple Podcasts and Spotify: its pages there, shown on the podcast page.',
      ),
  });
export type PodcastShowData = z.infer<ReturnType<typeof podcastShowSchema>>;
