// The site's feeds from its content: the podcast in each language (with its
// transcripts), the stories in each language, and the sessions' calendars. The endpoints under src/pages/
// call these; the XML and JSON are written by the pure modules they use.
import type { Locale } from '../schemas/common.ts';
import { feedResponse } from '../calendar/feed-response.ts';
import {
  delegations,
  episodeAudio,
  episodes,
  pairsOf,
  podcastShow,
  sessions,
  stories,
  type Entry,
} from './content.ts';
import { keyOf } from './entries.ts';
import { episodeGuid, podcastGuid, storyGuid } from './feed-ids.ts';
import { t } from '../i18n/index.ts';
import { podcastFeedXml, rssContentType } from './podcast-feed.ts';
import { imageType, storiesJsonFeed, storiesRssXml, jsonFeedContentType } from './story-feeds.ts';
import { transcriptText, transcriptType } from './transcript.ts';
import { absoluteUrl, fileTo, pathTo } from './urls.ts';

/** Astro's `site`, which every feed needs for its absolute URLs. */
function siteOf(site: URL | undefined): URL {
  if (site === undefined)
    throw new Error('The feeds need `site` in astro.config.mjs for their absolute URLs.');
  return site;
}

const response = (body: string, type: string): Response =>
  new Response(body, { headers: { 'Content-Type': type } });

/** The podcast's RSS feed in one language. */
export async function podcastFeedResponse(locale: Locale, site: URL | undefined) {
  const base = siteOf(site);
  const url = (path: string) => absoluteUrl(path, base);
  const show = await podcastShow();
  const feedUrl = url(fileTo(locale, { name: 'podcastFeed' }));
  const items = await Promise.all(
    (await episodes(locale)).map(async (entry) => {
      const audio = await episodeAudio(entry);
      const key = keyOf(entry.id);
      return {
        guid: episodeGuid(key, locale),
        title: entry.data.title,
        description: entry.data.description,
        link: url(pathTo(locale, { name: 'episode', slug: entry.data.slug })),
        date: entry.data.date,
        number: entry.data.number,
        episodeType: entry.data.type,
        audio: { ...audio, url: url(audio.src) },
        transcript: {
          url: url(fileTo(locale, { name: 'transcript', key })),
          type: transcriptType,
          language: locale,
        },
        persons: entry.data.persons,
      };
    }),
  );
  const body = podcastFeedXml(
    {
      language: locale,
      title: show.title[locale],
      description: show.description[locale],
      link: url(pathTo(locale, { name: 'podcast' })),
      feedUrl,
      guid: podcastGuid(feedUrl),
      author: show.author,
      owner: show.owner,
      image: url(show.artwork.image.src),
      category: show.category,
      explicit: show.explicit,
      type: show.type,
      locked: show.locked,
      persons: show.persons,
    },
    items,
  );
  return response(body, rssContentType);
}

/** getStaticPaths of the transcripts: one per episode, named by its key. */
export async function transcriptPaths(locale: Locale) {
  return (await pairsOf('episodes')).map((pair) => ({
    params: { key: pair.key },
    props: { entry: pair[locale] },
  }));
}

/** An episode's transcript as plain UTF-8 text. */
export function transcriptResponse(locale: Locale, entry: Entry<'episodes'>): Response {
  const body = transcriptText({
    title: entry.data.title,
    heading: t(locale, 'podcast.transcript'),
    lines: entry.data.transcript,
    speakerLabel: (speaker) => t(locale, 'podcast.speaker', { speaker }),
  });
  return response(body, `${transcriptType}; charset=utf-8`);
}

async function storyFeedParts(locale: Locale, site: URL | undefined) {
  const base = siteOf(site);
  const url = (path: string) => absoluteUrl(path, base);
  const channel = {
    language: locale,
    title: t(locale, 'feeds.stories.title'),
    description: t(locale, 'feeds.stories.description'),
    link: url(pathTo(locale, { name: 'stories' })),
    rssUrl: url(fileTo(locale, { name: 'storiesFeed', format: 'rss' })),
    jsonUrl: url(fileTo(locale, { name: 'storiesFeed', format: 'json' })),
  };
  // stories() leaves drafts out of every build but `astro dev`.
  const items = (await stories(locale)).map(({ id, data }) => ({
    id: storyGuid(keyOf(id), locale),
    title: data.title,
    summary: data.description,
    link: url(pathTo(locale, { name: 'story', slug: data.slug })),
    date: data.date,
    author: data.author,
    tags: data.tags,
    image: {
      url: url(data.hero.image.src),
      type: imageType(data.hero.image.format),
      width: data.hero.image.width,
      height: data.hero.image.height,
      alt: data.hero.alt,
    },
  }));
  return { channel, items };
}

/** The stories of one language as RSS 2.0. */
export async function storiesRssResponse(locale: Locale, site: URL | undefined) {
  const { channel, items } = await storyFeedParts(locale, site);
  return response(storiesRssXml(channel, items), rssContentType);
}

/** The stories of one language as JSON Feed 1.1. */
export async function storiesJsonResponse(locale: Locale, site: URL | undefined) {
  const { channel, items } = await storyFeedParts(locale, site);
  return response(storiesJsonFeed(channel, items), jsonFeedContentType);
}

/** getStaticPaths of a delegation's calendar: one feed per delegation page, named by its title. */
export async function delegationCalendarPaths(locale: Locale) {
  return (await delegations(locale)).map((entry) => ({
    params: { delegation: keyOf(entry.id) },
    props: { name: entry.data.title },
  }));
}

/** The calendar of the upcoming sessions in one language: every one, or one delegation's. */
export async function sessionCalendarResponse(
  locale: Locale,
  site: URL | undefined,
  delegation?: { key: string; name: string },
): Promise<Response> {
  return feedResponse({
    sessions: (await sessions()).map((entry) => entry.data),
    locale,
    site: siteOf(site),
    trainingPath: pathTo(locale, { name: 'training' }),
    ...(delegation === undefined ? {} : { delegation }),
  });
}
