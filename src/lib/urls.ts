// The one place that turns a route (a page kind and its parameters) into a
// localized path. Every internal link of the site goes through `pathTo`.
import { getRelativeLocaleUrl } from 'astro:i18n';
import type { Locale } from '../schemas/common.ts';

/** URL segment of each section, per locale: French words in French, English in English. */
export const sections = {
  stories: { fr: 'recits', en: 'stories' },
  storyTags: { fr: 'recits/themes', en: 'stories/tags' },
  podcast: { fr: 'podcast', en: 'podcast' },
  training: { fr: 'formations', en: 'training' },
  join: { fr: 'nous-rejoindre', en: 'join-us' },
  partners: { fr: 'partenaires', en: 'partners' },
  artist: { fr: 'artiste', en: 'artist' },
  artworks: { fr: 'oeuvres', en: 'artworks' },
  film: { fr: 'film', en: 'film' },
  delegations: { fr: 'delegations', en: 'delegations' },
  programmes: { fr: 'programmes', en: 'programmes' },
  search: { fr: 'recherche', en: 'search' },
} as const satisfies Record<string, Record<Locale, string>>;

export type Section = keyof typeof sections;

/** Last segment of the page a sign-up lands on, inside the join section. */
const thankYou = { fr: 'merci', en: 'thank-you' } as const satisfies Record<Locale, string>;

/** Every kind of page the site builds, with what its path needs. */
export type Route =
  | { name: 'home' }
  | { name: 'stories'; page?: number }
  | { name: 'story'; slug: string }
  | { name: 'storyTag'; tag: string; page?: number }
  | { name: 'podcast' }
  | { name: 'episode'; slug: string }
  | { name: 'training' }
  /** One training session's page, with its registration form. */
  | { name: 'session'; slug: string }
  | { name: 'join' }
  /** The page a sign-up lands on once accepted (built by the forms, src/components/forms/). */
  | { name: 'thankYou' }
  | { name: 'partners' }
  | { name: 'artist'; slug: string }
  | { name: 'artworks' }
  | { name: 'artwork'; slug: string }
  | { name: 'film'; slug: string }
  | { name: 'delegation'; slug: string }
  | { name: 'programme'; slug: string }
  /** The site search (stories, episodes, programmes, artworks); its query is `?q=`. */
  | { name: 'search' }
  /** An entry of the `pages` collection: its slug is the whole path ("nous-rejoindre/benevole"). */
  | { name: 'page'; slug: string };

/** The path parameter of a list page: none for the first page, "2", "3"… after. */
export const pageParam = (page: number | undefined): string | undefined =>
  page === undefined || page <= 1 ? undefined : String(page);

const join = (...parts: (string | undefined)[]): string =>
  parts.filter((part) => part !== undefined && part !== '').join('/');

/** Path of a route in a locale, below the locale prefix. */
export function localPath(locale: Locale, route: Route): string {
  switch (route.name) {
    case 'home':
      return '';
    case 'stories':
      return join(sections.stories[locale], pageParam(route.page));
    case 'story':
      return join(sections.stories[locale], route.slug);
    case 'storyTag':
      return join(sections.storyTags[locale], route.tag, pageParam(route.page));
    case 'podcast':
      return sections.podcast[locale];
    case 'episode':
      return join(sections.podcast[locale], route.slug);
    case 'training':
      return sections.training[locale];
    case 'session':
      return join(sections.training[locale], route.slug);
    case 'join':
      return sections.join[locale];
    case 'thankYou':
      return join(sections.join[locale], thankYou[locale]);
    case 'partners':
      return sections.partners[locale];
    case 'artist':
      return join(sections.artist[locale], route.slug);
    case 'artworks':
      return sections.artworks[locale];
    case 'artwork':
      return join(sections.artworks[locale], route.slug);
    case 'film':
      return join(sections.film[locale], route.slug);
    case 'delegation':
      return join(sections.delegations[locale], route.slug);
    case 'programme':
      return join(sections.programmes[locale], route.slug);
    case 'search':
      return sections.search[locale];
    case 'page':
      return route.slug;
  }
}

/** Root-relative URL of a route in a locale, with its trailing slash: "/en/stories/2/". */
export const pathTo = (locale: Locale, route: Route): string =>
  getRelativeLocaleUrl(locale, localPath(locale, route));

/** Files the site publishes beside its pages: feeds and transcripts. */
export type FileRoute =
  /** The podcast's RSS feed, for podcast apps. */
  | { name: 'podcastFeed' }
  /** An episode's transcript as plain text, by the episode's file name (key). */
  | { name: 'transcript'; key: string }
  /** The stories as a feed for feed readers: RSS 2.0 or JSON Feed 1.1. */
  | { name: 'storiesFeed'; format: 'rss' | 'json' };

/** File and folder names inside a section, per locale. The endpoint files under src/pages/ have the same names. */
const fileNames = {
  feed: { fr: 'flux', en: 'feed' },
  transcripts: { fr: 'transcriptions', en: 'transcripts' },
} as const satisfies Record<string, Record<Locale, string>>;

/** Root-relative URL of a file: "/podcast/flux.xml", "/en/stories/feed.json". */
export function fileTo(locale: Locale, route: FileRoute): string {
  switch (route.name) {
    case 'podcastFeed':
      return `${pathTo(locale, { name: 'podcast' })}${fileNames.feed[locale]}.xml`;
    case 'transcript':
      return `${pathTo(locale, { name: 'podcast' })}${fileNames.transcripts[locale]}/${route.key}.txt`;
    case 'storiesFeed':
      return `${pathTo(locale, { name: 'stories' })}${fileNames.feed[locale]}.${route.format === 'rss' ? 'xml' : 'json'}`;
  }
}

/** Absolute URL of a root-relative path on the site, percent-encoded (for canonical and sitemap). */
export const absoluteUrl = (path: string, site: URL | string): string => new URL(path, site).href;

/** The paths of one page in both locales, from the route it has in each. */
export const alternatesFor = (routeIn: (locale: Locale) => Route): Record<Locale, string> => ({
  fr: pathTo('fr', routeIn('fr')),
  en: pathTo('en', routeIn('en')),
});
