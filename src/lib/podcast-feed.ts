// The podcast's RSS 2.0 feed, as Apple Podcasts, Spotify and Podcasting 2.0 apps
// read it. Pure: every URL comes in absolute and every audio fact measured.
import type { PodcastPerson } from '../schemas/podcast-show.ts';
import { el, textEl, xmlDocument, type XmlElement } from './xml.ts';

export const namespaces = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** The MIME type feed readers expect of an RSS file. */
export const rssContentType = 'application/rss+xml; charset=utf-8';

export interface PodcastChannel {
  /** BCP 47 language of the feed: "fr". */
  language: string;
  title: string;
  description: string;
  /** The podcast's page on the site. */
  link: string;
  /** This feed's own URL. */
  feedUrl: string;
  /** `podcast:guid`: see feed-ids.ts. */
  guid: string;
  author: string;
  owner: { name: string; email: string };
  /** The square artwork's URL. */
  image: string;
  category: { name: string; subcategory?: string | undefined };
  explicit: boolean;
  type: 'episodic' | 'serial';
  locked: boolean;
  persons: readonly PodcastPerson[];
  copyright?: string;
}

export interface PodcastItem {
  /** Stable id: see feed-ids.ts. */
  guid: string;
  title: string;
  description: string;
  /** The episode's page. */
  link: string;
  date: Date;
  number: number;
  episodeType: 'full' | 'trailer' | 'bonus';
  audio: { url: string; size: number; type: string; duration: number };
  transcript: { url: string; type: string; language: string };
  persons: readonly PodcastPerson[];
}

/** Apple reads `itunes:explicit` as "true" or "false" (the older "yes"/"no"/"clean" are deprecated). */
const yesNo = (value: boolean): string => (value ? 'true' : 'false');

const person = (p: PodcastPerson): XmlElement =>
  el('podcast:person', { role: p.role, group: p.group, href: p.href, img: p.img }, p.name);

const item = (episode: PodcastItem): XmlElement =>
  el(
    'item',
    {},
    textEl('title', episode.title),
    textEl('description', episode.description),
    textEl('link', episode.link),
    textEl('guid', episode.guid, { isPermaLink: 'false' }),
    textEl('pubDate', episode.date.toUTCString()),
    el('enclosure', {
      url: episode.audio.url,
      length: episode.audio.size,
      type: episode.audio.type,
    }),
    textEl('itunes:title', episode.title),
    textEl('itunes:duration', episode.audio.duration),
    textEl('itunes:episode', episode.number),
    textEl('itunes:episodeType', episode.episodeType),
    textEl('podcast:episode', episode.number),
    el('podcast:transcript', {
      url: episode.transcript.url,
      type: episode.transcript.type,
      language: episode.transcript.language,
    }),
    ...episode.persons.map(person),
  );

/** The feed, newest episode first (apps order serial shows by `itunes:episode` themselves). */
export function podcastFeedXml(channel: PodcastChannel, items: readonly PodcastItem[]): string {
  const sorted = [...items].sort((a, b) => b.date.getTime() - a.date.getTime());
  const newest = sorted[0];
  const category =
    channel.category.subcategory === undefined
      ? el('itunes:category', { text: channel.category.name })
      : el(
          'itunes:category',
          { text: channel.category.name },
          el('itunes:category', { text: channel.category.subcategory }),
        );
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:itunes': namespaces.itunes,
        'xmlns:podcast': namespaces.podcast,
        'xmlns:atom': namespaces.atom,
      },
      el(
        'channel',
        {},
        textEl('title', channel.title),
        textEl('description', channel.description),
        textEl('link', channel.link),
        el('atom:link', { href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' }),
        textEl('language', channel.language),
        textEl('copyright', channel.copyright),
        textEl('pubDate', newest?.date.toUTCString()),
        el(
          'image',
          {},
          textEl('url', channel.image),
          textEl('title', channel.title),
          textEl('link', channel.link),
        ),
        el('itunes:image', { href: channel.image }),
        textEl('itunes:author', channel.author),
        el(
          'itunes:owner',
          {},
          textEl('itunes:name', channel.owner.name),
          textEl('itunes:email', channel.owner.email),
        ),
        category,
        textEl('itunes:explicit', yesNo(channel.explicit)),
        textEl('itunes:type', channel.type),
        textEl('podcast:guid', channel.guid),
        textEl('podcast:locked', channel.locked ? 'yes' : 'no', { owner: channel.owner.email }),
        textEl('podcast:medium', 'podcast'),
        ...channel.persons.map(person),
        ...sorted.map(item),
      ),
    ),
  );
}
