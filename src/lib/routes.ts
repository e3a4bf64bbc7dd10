// Every page the site builds, with its language versions: the source of the
// sitemap, built from the same content functions as the routes' getStaticPaths.
import type { Alternates } from './alternates.ts';
import { pairsOf, sessions, stories, themes, type ProseCollection } from './content.ts';
import { paginate } from './pagination.ts';
import { alternatesFor, pageParam, pathTo, type Route } from './urls.ts';
import { locales, type Locale } from '../schemas/common.ts';

/** Stories per list page. */
export const storiesPerPage = 6;

/** The route of an entry's own page, per prose collection. */
export const entryRoute = {
  delegations: 'delegation',
  programmes: 'programme',
  artist: 'artist',
  artworks: 'artwork',
  films: 'film',
  stories: 'story',
  episodes: 'episode',
  pages: 'page',
} as const satisfies Record<ProseCollection, Route['name']>;

/** Every indexable page (the thank-you and 404 pages are noindex, so not listed). */
export async function allPages(): Promise<Alternates[]> {
  const pages: Alternates[] = [];
  for (const name of [
    'home',
    'podcast',
    'training',
    'join',
    'partners',
    'artworks',
    'search',
  ] as const) {
    pages.push(alternatesFor(() => ({ name })));
  }
  for (const [collection, name] of Object.entries(entryRoute) as [
    ProseCollection,
    (typeof entryRoute)[ProseCollection],
  ][]) {
    for (const pair of await pairsOf(collection)) {
      pages.push(alternatesFor((locale) => ({ name, slug: pair[locale].data.slug })));
    }
  }
  for (const session of await sessions()) {
    pages.push(alternatesFor(() => ({ name: 'session', slug: session.data.slug })));
  }
  // Stories are paired, so both lists have the same number of pages.
  for (const page of paginate(await stories('fr'), storiesPerPage)) {
    pages.push(alternatesFor(() => ({ name: 'stories', page: page.number })));
  }
  // Tags are words of each language: a tag page has no translation.
  for (const locale of locales) {
    for (const { tag, stories: tagged } of await themes(locale)) {
      for (const page of paginate(tagged, storiesPerPage)) {
        pages.push({ [locale]: pathTo(locale, { name: 'storyTag', tag, page: page.number }) });
      }
    }
  }
  return pages;
}

/** getStaticPaths of a story list: /recits/, /recits/2/… */
export async function storyListPaths(locale: Locale) {
  return paginate(await stories(locale), storiesPerPage).map((page) => ({
    params: { page: pageParam(page.number) },
    props: { page },
  }));
}

/** getStaticPaths of the themes' lists: /recits/themes/TAG/, /recits/themes/TAG/2/… */
export async function storyTagPaths(locale: Locale) {
  return (await themes(locale)).flatMap(({ tag, stories: tagged }) =>
    paginate(tagged, storiesPerPage).map((page) => ({
      params: { tag, page: pageParam(page.number) },
      props: { page, tag },
    })),
  );
}

/** getStaticPaths of the session pages: /formations/SLUG/, /en/training/SLUG/ (same slug). */
export async function sessionPaths() {
  return (await sessions()).map((entry) => ({
    params: { slug: entry.data.slug },
    props: { session: entry.data },
  }));
}
