// What the communications staff edit at /admin/: one entry per content type,
// pointing at its folder in content/ and its schema in src/schemas/. Fields,
// rules and help come from the schema (fields.ts); this table adds only what
// a schema cannot say: where files go, which values both languages share,
// which text boxes are long.
import { z } from 'zod';
import type { Collection, CollectionFile, EntryCollection, Field } from '@sveltia/cms';
import { artworkSchema } from '../schemas/artwork.ts';
import { episodeSchema } from '../schemas/episode.ts';
import { figureSchema } from '../schemas/figure.ts';
import { pageSchema } from '../schemas/page.ts';
import { podcastShowSchema } from '../schemas/podcast-show.ts';
import { partnerSchema } from '../schemas/partner.ts';
import { programmeSchema } from '../schemas/programme.ts';
import { storySchema } from '../schemas/story.ts';
import { fieldsOf, mediaMeta, relationMeta, type FieldOptions } from './fields.ts';

/** Astro's image() and reference(), as the editor sees them: a picture to upload, an entry to pick. */
const editorContext = {
  image: () => z.string().meta(mediaMeta('image')),
  reference: (collection: string) => z.string().meta(relationMeta(collection)),
};

/** The MDX text under the frontmatter. */
const body = (hint: string): Field => ({
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  i18n: 'translate',
  hint,
});

const descriptionBox = ['description'];

/** One file per language: content/FOLDER/fr/KEY.mdx and content/FOLDER/en/KEY.mdx. */
function prose(
  settings: Omit<EntryCollection, 'fields'>,
  schema: z.ZodType,
  options: Omit<FieldOptions, 'translated'>,
  extra: Field[] = [],
): Collection {
  return {
    extension: 'mdx',
    format: 'frontmatter',
    i18n: true,
    ...settings,
    folder: `content/${settings.folder}`,
    fields: [...fieldsOf(schema, { ...options, translated: true }), ...extra],
  };
}

/** Both languages in one YAML file: content/FOLDER/KEY.yaml. */
function data(
  settings: Omit<EntryCollection, 'fields'>,
  schema: z.ZodType,
  options: Omit<FieldOptions, 'translated'> = {},
): Collection {
  return {
    extension: 'yaml',
    format: 'yaml',
    i18n: false,
    ...settings,
    folder: `content/${settings.folder}`,
    fields: fieldsOf(schema, { ...options, translated: false }),
  };
}

/** One file holding both languages, e.g. content/podcast/show.yaml. */
function single(
  settings: { name: string; label: string; description: string },
  file: Omit<CollectionFile, 'fields'>,
  schema: z.ZodType,
  options: Omit<FieldOptions, 'translated'> = {},
): Collection {
  return {
    ...settings,
    i18n: false,
    files: [{ ...file, fields: fieldsOf(schema, { ...options, translated: false }) }],
  };
}

export const collections: Collection[] = [
  prose(
    {
      name: 'stories',
      label: 'Stories',
      label_singular: 'Story',
      folder: 'stories',
      description: 'Stories from the field, in French and English.',
      // Pictures go beside the stories, in content/stories/images/.
      media_folder: '/content/stories/images',
      public_folder: '../images',
      summary: '{{title}} ({{date}})',
      sortable_fields: ['date', 'title'],
    },
    storySchema(editorContext),
    {
      shared: ['date', 'programme', 'hero.image', 'draft'],
      multiline: descriptionBox,
      labels: { 'hero.alt': 'Picture description (alt text)' },
    },
    [
      body(
        'The story itself. Headings start at level 2 (##); the title is already the level 1 heading.',
      ),
    ],
  ),
  prose(
    {
      name: 'episodes',
      label: 'Podcast episodes',
      label_singular: 'Episode',
      folder: 'podcast',
      description:
        'Episodes of "Speak Out: a day in Calais". Upload the MP3 of each language; its length and size are measured by the build.',
      media_folder: '/public/audio',
      public_folder: '/audio',
      summary: '{{number}}. {{title}}',
      sortable_fields: ['number', 'date'],
    },
    episodeSchema,
    {
      shared: ['number', 'date', 'type'],
      multiline: [...descriptionBox, 'transcript.text'],
      media: { audio: { widget: 'file', accept: 'audio/mpeg,audio/mp4,audio/ogg,audio/opus' } },
      labels: { audio: 'Recording', persons: 'People heard' },
    },
    [body('Show notes under the player. The transcript goes in its own field above.')],
  ),
  single(
    {
      name: 'podcast-show',
      label: 'Podcast (the show)',
      description: 'How podcast apps present the show, in both languages.',
    },
    {
      name: 'show',
      label: 'Speak Out: a day in Calais',
      file: 'content/podcast/show.yaml',
      media_folder: '/content/podcast/images',
      public_folder: './images',
    },
    podcastShowSchema(editorContext),
    {
      multiline: ['description.fr', 'description.en'],
      labels: { 'artwork.image': 'Cover picture', persons: 'People of the show' },
    },
  ),
  prose(
    {
      name: 'artworks',
      label: 'Artworks',
      label_singular: 'Artwork',
      folder: 'artworks',
      description: "Loup Blaster's works in the gallery.",
      media_folder: '/content/artworks/images',
      public_folder: '../images',
      summary: '{{title}} ({{year}})',
      sortable_fields: ['order', 'year', 'title'],
    },
    artworkSchema(editorContext),
    {
      shared: ['image', 'year', 'placeholder', 'order'],
      multiline: [...descriptionBox, 'alt'],
      labels: { alt: 'Picture description (alt text)' },
    },
    [body('What to know about the work, shown under the picture.')],
  ),
  data(
    {
      name: 'figures',
      label: 'Key figures',
      label_singular: 'Key figure',
      folder: 'figures',
      description: 'Figures shown on the site, each with its source and year.',
      identifier_field: 'source',
      summary: '{{value.fr}} – {{label.fr}} ({{source}}, {{year}})',
      slug: '{{source}}-{{year}}',
      sortable_fields: ['order'],
    },
    figureSchema,
  ),
  data(
    {
      name: 'partners',
      label: 'Partners',
      label_singular: 'Partner',
      folder: 'partners',
      identifier_field: 'name',
      summary: '{{name}}',
      sortable_fields: ['order', 'name'],
    },
    partnerSchema,
    { multiline: ['description.fr', 'description.en'] },
  ),
  prose(
    {
      name: 'pages',
      label: 'Pages',
      label_singular: 'Page',
      folder: 'pages',
      description: 'Legal notice, privacy policy, accessibility statement and the join-us texts.',
      // These pages are linked from every page's footer: edit them, never remove them.
      create: false,
      delete: false,
    },
    pageSchema,
    { shared: ['updated'], multiline: descriptionBox },
    [body('The text of the page.')],
  ),
  // The six programmes of the brief: their texts can be edited, the list cannot.
  // (A story's programme is picked from here, so the collection must be visible.)
  prose(
    {
      name: 'programmes',
      label: 'Programmes',
      label_singular: 'Programme',
      folder: 'programmes',
      create: false,
      delete: false,
      summary: '{{order}}. {{title}}',
      sortable_fields: ['order'],
    },
    programmeSchema,
    {
      shared: ['order', 'delegations'],
      multiline: [...descriptionBox, 'schedule', 'audience', 'howToHelp'],
      labels: { howToHelp: 'How to help' },
    },
    [body('The presentation of the programme.')],
  ),
];
