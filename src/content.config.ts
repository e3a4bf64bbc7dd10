// Every content collection, each a glob over its folder in content/.
// Prose types have one file per language (content/TYPE/fr/KEY.mdx and
// content/TYPE/en/KEY.mdx: the same KEY makes them translations of each other);
// data types hold both languages in one file.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { artistSchema } from './schemas/artist.ts';
import { artworkSchema } from './schemas/artwork.ts';
import { delegationSchema } from './schemas/delegation.ts';
import { episodeSchema } from './schemas/episode.ts';
import { figureSchema } from './schemas/figure.ts';
import { filmSchema } from './schemas/film.ts';
import { pageSchema } from './schemas/page.ts';
import { podcastShowSchema } from './schemas/podcast-show.ts';
import { partnerSchema } from './schemas/partner.ts';
import { programmeSchema } from './schemas/programme.ts';
import { sessionSchema } from './schemas/session.ts';
import { storySchema } from './schemas/story.ts';
import { sessionsLoader } from './loaders/sessions-loader.ts';

// The id is always the file path ("fr/clinique-mobile"), never the frontmatter
// slug, which may be the same in both languages.
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml|json)$/, '');
const prose = (folder: string) =>
  glob({ base: `./content/${folder}`, pattern: '{fr,en}/*.{md,mdx}', generateId: idFromPath });
const data = (folder: string) =>
  glob({ base: `./content/${folder}`, pattern: '*.{yaml,yml,json}', generateId: idFromPath });

export const collections = {
  delegations: defineCollection({ loader: prose('delegations'), schema: delegationSchema }),
  programmes: defineCollection({ loader: prose('programmes'), schema: programmeSchema }),
  artist: defineCollection({ loader: prose('artist'), schema: artistSchema }),
  artworks: defineCollection({
    loader: prose('artworks'),
    schema: ({ image }) => artworkSchema({ image }),
  }),
  films: defineCollection({ loader: prose('films'), schema: filmSchema }),
  stories: defineCollection({
    loader: prose('stories'),
    schema: ({ image }) => storySchema({ image, reference }),
  }),
  episodes: defineCollection({ loader: prose('podcast'), schema: episodeSchema }),
  /** The podcast as a whole, for its feeds: the one file content/podcast/show.yaml. */
  podcastShow: defineCollection({
    loader: glob({ base: './content/podcast', pattern: 'show.yaml', generateId: idFromPath }),
    schema: ({ image }) => podcastShowSchema({ image }),
  }),
  pages: defineCollection({ loader: prose('pages'), schema: pageSchema }),
  sessions: defineCollection({ loader: sessionsLoader(), schema: sessionSchema }),
  figures: defineCollection({ loader: data('figures'), schema: figureSchema }),
  partners: defineCollection({ loader: data('partners'), schema: partnerSchema }),
};
