// Reads the content collections for the pages: entries paired with their
// translations (a missing one fails the build), in the order the site shows them.
// The pure parts live in entries.ts, sort.ts and stories.ts, which are unit-tested.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../schemas/common.ts';
import { assertUniqueSlugs, inLocale, keyOf, pairByKey, type Pair } from './entries.ts';
import { byOrder, collatorOf, newestFirst } from './sort.ts';
import { groupByTag, publishable } from './stories.ts';
import { audioFacts, type AudioFacts } from './audio.ts';
import { artworkProblem } from '../schemas/podcast-show.ts';
import { ledgerForBuild } from '../server/services.ts';
import { readBuildSeats } from './build-seats.ts';
import { oncePerBuild } from './once-per-build.ts';

/** Collections written as one file per language. */
export type ProseCollection =
  'delegations' | 'programmes' | 'artist' | 'artworks' | 'films' | 'stories' | 'episodes' | 'pages';

export type Entry<C extends ProseCollection> = CollectionEntry<C>;

/** Drafts are built by `astro dev` only. */
export const includeDrafts = import.meta.env.DEV;

// Each set-aside draft is reported once per build, not once per page.
const reported = new Set<string>();

async function entriesOf<C extends ProseCollection>(collection: C): Promise<Entry<C>[]> {
  const entries: Entry<C>[] = await getCollection(collection);
  if (collection !== 'stories') return entries;
  const { kept, skipped } = publishable(entries as Entry<'stories'>[], includeDrafts);
  for (const draft of skipped.filter((entry) => !reported.has(entry.id))) {
    reported.add(draft.id);
    console.warn(`Draft left out until its translation exists: ${draft.filePath ?? draft.id}`);
  }
  return kept as Entry<C>[];
}

const pairsByCollection = oncePerBuild(async (collection: ProseCollection) => {
  const entries = await entriesOf(collection);
  assertUniqueSlugs(entries, (entry) => entry.data.slug, collection);
  return pairByKey(entries, collection);
});

/** Every entry of a prose collection with its translation; throws naming any file left alone. */
export const pairsOf = <C extends ProseCollection>(collection: C): Promise<Pair<Entry<C>>[]> =>
  pairsByCollection(collection) as Promise<Pair<Entry<C>>[]>;

/** The entries of one locale, each known to have its translation. */
export async function localized<C extends ProseCollection>(
  collection: C,
  locale: Locale,
): Promise<Entry<C>[]> {
  return (await pairsOf(collection)).map((pair) => pair[locale]);
}

/** The same entries, for a route's getStaticPaths: one path per entry of `locale`. */
export async function pathsOf<C extends ProseCollection>(collection: C, locale: Locale) {
  return (await pairsOf(collection)).map((pair) => ({
    params: { slug: pair[locale].data.slug },
    props: { pair },
  }));
}

export const delegations = async (locale: Locale) =>
  (await localized('delegations', locale)).sort(byOrder);
export const programmes = async (locale: Locale) =>
  (await localized('programmes', locale)).sort(byOrder);
export const artworks = async (locale: Locale) =>
  (await localized('artworks', locale)).sort(byOrder);
const storiesByLocale = oncePerBuild(async (locale: Locale) =>
  (await localized('stories', locale)).sort(newestFirst),
);
/** The published stories of `locale`, newest first (one array per build: do not change it). */
export const stories = (locale: Locale): Promise<readonly Entry<'stories'>[]> =>
  storiesByLocale(locale);

const themesByLocale = oncePerBuild(async (locale: Locale) =>
  groupByTag(await stories(locale), collatorOf(locale)),
);
/** The themes of `locale`'s stories, alphabetically, each with its stories newest first (one per build). */
export const themes = (locale: Locale) => themesByLocale(locale);
export const episodes = async (locale: Locale) =>
  (await localized('episodes', locale)).sort(
    (a, b) => b.data.number - a.data.number || a.id.localeCompare(b.id),
  );

/** An episode's audio file as measured by the build: size, duration, type. */
export const episodeAudio = (entry: Entry<'episodes'>): Promise<AudioFacts> =>
  audioFacts(entry.data.audio, {
    file: entry.filePath ?? `content/podcast/${entry.id}.mdx`,
    field: 'audio',
  });

/** The entry of `collection` with this key in `locale`, if there is one. */
export async function findByKey<C extends ProseCollection>(
  collection: C,
  key: string,
  locale: Locale,
): Promise<Entry<C> | undefined> {
  return (await localized(collection, locale)).find((entry) => keyOf(entry.id) === key);
}

/** The one entry of `collection` with this key in `locale`, or a build error naming what is missing. */
export async function entryByKey<C extends ProseCollection>(
  collection: C,
  key: string,
  locale: Locale,
): Promise<Entry<C>> {
  const found = await findByKey(collection, key, locale);
  if (found === undefined) {
    throw new Error(`content/${collection}/${locale}/${key}.mdx is missing: the site needs it.`);
  }
  return found;
}

/** The first entry of `collection` in `locale` (collections with a single subject, such as the artist). */
export async function firstOf<C extends ProseCollection>(
  collection: C,
  locale: Locale,
): Promise<Entry<C>> {
  const entries = inLocale(await localized(collection, locale), locale);
  const first = entries.sort((a, b) => a.id.localeCompare(b.id))[0];
  if (first === undefined)
    throw new Error(`content/${collection}/${locale}/ holds no entry: the site needs one.`);
  return first;
}

/** The podcast as a whole (content/podcast/show.yaml), for its feeds and its page. */
export async function podcastShow(): Promise<CollectionEntry<'podcastShow'>['data']> {
  const [show, ...others] = await getCollection('podcastShow');
  if (show === undefined || others.length > 0)
    throw new Error('content/podcast/show.yaml is missing: the podcast feeds need it.');
  const problem = artworkProblem(show.data.artwork.image);
  if (problem !== undefined)
    throw new Error(
      `${show.filePath ?? 'content/podcast/show.yaml'}, field "artwork.image": the picture ${problem}.`,
    );
  return show.data;
}

export const figures = async () => (await getCollection('figures')).sort(byOrder);
export const partners = async () => (await getCollection('partners')).sort(byOrder);
export const sessions = async () =>
  (await getCollection('sessions')).sort((a, b) => a.data.start.localeCompare(b.data.start));

// One ledger handle for the process: `astro dev` reads the counts afresh for every page.
let ledger: ReturnType<typeof ledgerForBuild> | undefined;

/** Seats left of every session, read once per build from the seat ledger (see build-seats.ts). */
export const seatsAtBuild = oncePerBuild(async (_build: 'build') => {
  ledger ??= ledgerForBuild();
  return readBuildSeats(
    (await sessions()).map((entry) => entry.data),
    { ledger },
  );
});
