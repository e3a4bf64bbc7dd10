// The artist who works with the delegation (one entry per language).
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const artistSchema = z.object({
  /** The artist's name as she signs. */
  name: z.string().min(2),
  /** URL segment of the artist page in this language. */
  slug: slugSchema,
  /** One or two sentences for listings and search engines. */
  description: descriptionSchema,
  /** Hashtag of the joint campaign, without spaces, e.g. "#opérationcolombes". */
  campaign: z.string().regex(/^#\S+$/),
  /** Town where she lives and works. */
  basedIn: z.string(),
});
export type ArtistData = z.infer<typeof artistSchema>;
