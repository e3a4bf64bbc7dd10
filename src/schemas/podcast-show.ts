// The podcast as a whole ("show"), as podcast apps list it: one file,
// content/podcast/show.yaml, for both languages. Each language has its own feed
// (src/lib/podcast-feed.ts); episodes are in content/podcast/{fr,en}/.
import { z } from 'zod';
import type { SchemaContext } from 'astro:content';
import { localizedText } from './common.ts';

/** A person of the show or of one episode (Podcasting 2.0 `podcast:person`). */
export const podcastPersonSchema = z.object({
  /** Full name, as apps should show it. */
  name: z.string().min(2).max(128),
  /** What they do, a role of the Podcast Index taxonomy in lower case: host, guest, narrator, producer… */
  role: z
    .string()
    .regex(/^[a-z][a-z -]*$/, 'a role in lower case, e.g. host')
    .default('host'),
  /** The group of that role in the same taxonomy: cast, writing, creative direction… */
  group: z
    .string()
    .regex(/^[a-z][a-z -]*$/, 'a group in lower case, e.g. cast')
    .default('cast'),
  /** A page about them (optional). */
  href: z.url({ protocol: /^https$/ }).optional(),
  /** A picture of them, as a full https:// address (optional). */
  img: z.url({ protocol: /^https$/ }).optional(),
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

export const podcastShowSchema = ({ image }: SchemaContext) =>
  z.object({
    /** The show's name in podcast apps, in each language. */
    title: localizedText,
    /** What the show is about, in each language: apps show it on the show's page (up to 4,000 characters). */
    description: z.object({
      /** In French. */
      fr: z.string().min(50).max(4000),
      /** In English. */
      en: z.string().min(50).max(4000),
    }),
    /** Who makes the show, as apps show it under the title (`itunes:author`). */
    author: z.string().min(2),
    /**
     * Who owns the feed. Apple and Spotify send their ownership check to this
     * address: it must be a mailbox the delegation reads. It is published in
     * the feeds (apps require it), not on the site's pages.
     */
    owner: z.object({
      /** A name: the delegation, or the person in charge of communication. */
      name: z.string().min(2),
      /** The address the ownership emails go to. */
      email: z.email(),
    }),
    /** The show's square picture in podcast apps. */
    artwork: z.object({
      /** JPEG or PNG in RGB colours, square, 1,400 to 3,000 pixels a side; beside this file or in images/. */
      image: image(),
      /** True while it is our provisional picture, not the delegation's own. */
      placeholder: z.boolean(),
    }),
    /**
     * Apple's category, spelt exactly as in Apple's list (e.g. "Society &
     * Culture"), and optionally one of its subcategories (e.g. "Documentary").
     */
    category: z.object({
      /** The category. */
      name: z.string().min(2),
      /** A subcategory of it (optional). */
      subcategory: z.string().min(2).optional(),
    }),
    /** Whether any episode contains explicit language or content (Apple marks the show). */
    explicit: z.boolean().default(false),
    /** "serial" when episodes are best heard in order (apps start new listeners at episode 1), "episodic" otherwise. */
    type: z.enum(['episodic', 'serial']),
    /** When true, other podcast hosts must refuse to import the feed without the owner's consent. */
    locked: z.boolean().default(true),
    /** Hosts and other people of the whole show (Podcasting 2.0 `podcast:person`). */
    persons: z.array(podcastPersonSchema).default([]),
    /** The show's pages in Apple Podcasts and Spotify, once listed there (shown on the podcast page). */
    listings: z
      .object({
        /** Its page on podcasts.apple.com. */
        apple: z.url({ protocol: /^https$/ }).optional(),
        /** Its page on open.spotify.com. */
        spotify: z.url({ protocol: /^https$/ }).optional(),
      })
      .default({}),
  });
export type PodcastShowData = z.infer<ReturnType<typeof podcastShowSchema>>;
