// What the site search indexes and how: the kinds of pages it covers, the name of
// each kind in each language (the "type" filter), and the Pagefind attributes
// the views put on their main content.
import type { Locale } from '../schemas/common.ts';
import { t, type TextKey } from '../i18n/index.ts';

/** The kinds of pages the search covers, in the order the search page offers them. */
export const searchTypes = ['story', 'episode', 'programme', 'artwork'] as const;
export type SearchType = (typeof searchTypes)[number];

const typeKeys = {
  story: 'search.type.story',
  episode: 'search.type.episode',
  programme: 'search.type.programme',
  artwork: 'search.type.artwork',
} as const satisfies Record<SearchType, TextKey>;

/** The name of a kind of page in a language: the value of the "type" filter ("Récit", "Story"). */
export const searchTypeName = (locale: Locale, type: SearchType): string =>
  t(locale, typeKeys[type]);

/**
 * Attributes of the element holding a page's indexed content. Once one page has
 * data-pagefind-body, Pagefind skips every page without it, so only these views
 * are searchable; the header, navigation and footer stay out.
 */
export const searchBody = (locale: Locale, type: SearchType) => ({
  'data-pagefind-body': '',
  'data-pagefind-filter': `type:${searchTypeName(locale, type)}`,
});

/** Width of the picture a result shows beside its title (a variant the pages already have). */
export const searchThumbnailWidth = 360;

/** The folder of the index in the built site (written by src/integrations/pagefind.ts). */
export const searchIndexFolder = 'pagefind';

/** Pagefind's browser API, which loads the index files beside it. */
export const searchScriptPath = `/${searchIndexFolder}/pagefind.js`;
