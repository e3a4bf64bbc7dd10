import { parseRssFeed } from 'feedsmith';
import { parseFeed } from 'podcast-partytime';
import { describe, expect, test } from 'vitest';
import {
  podcastFeedXml,
  type PodcastChannel,
  type PodcastItem,
} from '../../../src/lib/podcast-feed.ts';

const channel = (overrides: Partial<PodcastChannel> = {}): PodcastChannel => ({
  language: 'fr',
  title: 'Speak Out : « une » journée & <Calais>',
  description: 'Une émission faite pour être écoutée dans une application de podcasts.',
  link: 'https://calais.example.org/podcast/',
  feedUrl: 'https://calais.example.org/podcast/flux.xml',
  guid: '69b39450-ce05-5770-a559-ae4b40090c0e',
  author: 'Médecins du Monde',
  owner: { name: 'Délégation de Calais', email: 'podcast@example.org' },
  image: 'https://calais.example.org/_astro/cover.png',
  category: { name: 'Society & Culture', subcategory: 'Documentary' },
  explicit: false,
  type: 'serial',
  locked: true,
  persons: [{ name: 'Camille Martin', role: 'host', group: 'cast' }],
  ...overrides,
});

const episode = (number: number, date: string): PodcastItem => ({
  guid: `mdm-calais:podcast:ep-${number}:fr`,
  title: `Épisode ${number} : l'après-midi`,
  description: 'Une description & des "guillemets".',
  link: `https://calais.example.org/podcast/episode-${number}/`,
  date: new Date(date),
  number,
  episodeType: 'full',
  audio: {
    url: `https://calais.example.org/audio/ep-${number}.mp3`,
    size: 1000 + number,
    type: 'audio/mpeg',
    duration: 60 * number,
  },
  transcript: {
    url: `https://calais.example.org/podcast/transcriptions/ep-${number}.txt`,
    type: 'text/plain',
    language: 'fr',
  },
  persons: number === 2 ? [{ name: 'Sam Taylor', role: 'guest', group: 'cast' }] : [],
});

const items = [episode(1, '2026-04-02'), episode(2, '2026-05-14')];

describe('podcastFeedXml', () => {
  test('gives the channel what Apple Podcasts and Spotify require, read back by the Podcast Index parser', () => {
    const xml = podcastFeedXml(channel(), items);

    const feed = parseFeed(xml);

    expect(feed?.title).toBe('Speak Out : « une » journée & <Calais>');
    expect(feed?.language).toBe('fr');
    expect(feed?.author).toBe('Médecins du Monde');
    expect(feed?.owner).toEqual({ name: 'Délégation de Calais', email: 'podcast@example.org' });
    expect(feed?.itunesImage).toBe('https://calais.example.org/_astro/cover.png');
    expect(feed?.itunesCategory).toEqual(['Society & Culture > Documentary']);
    expect(feed?.itunesType).toBe('serial');
    expect(feed?.explicit).toBe(false);
    expect(feed?.guid).toBe('69b39450-ce05-5770-a559-ae4b40090c0e');
    expect(feed?.locked).toBe(true);
    expect(feed?.podcastOwner).toBe('podcast@example.org');
    expect(feed?.podcastPeople?.map((p) => p.name)).toEqual(['Camille Martin']);
    expect(feed?.pubsub?.self).toBe('https://calais.example.org/podcast/flux.xml');
  });

  test("writes itunes:explicit as Apple's true or false", () => {
    const clean = podcastFeedXml(channel({ explicit: false }), items);
    const explicit = podcastFeedXml(channel({ explicit: true }), items);

    expect(clean).toContain('<itunes:explicit>false</itunes:explicit>');
    expect(explicit).toContain('<itunes:explicit>true</itunes:explicit>');
    expect(parseFeed(explicit)?.explicit).toBe(true);
  });

  test('gives each episode its enclosure, duration, number, transcript and people, newest first', () => {
    const xml = podcastFeedXml(channel(), items);

    const feed = parseFeed(xml);

    expect(feed?.items.map((item) => item.guid)).toEqual([
      'mdm-calais:podcast:ep-2:fr',
      'mdm-calais:podcast:ep-1:fr',
    ]);
    const [second] = feed?.items ?? [];
    expect(second?.title).toBe("Épisode 2 : l'après-midi");
    expect(second?.description).toBe('Une description & des "guillemets".');
    expect(second?.enclosure).toEqual({
      url: 'https://calais.example.org/audio/ep-2.mp3',
      length: 1002,
      type: 'audio/mpeg',
    });
    expect(second?.duration).toBe(120);
    expect(second?.itunesEpisode).toBe(2);
    expect(second?.itunesEpisodeType).toBe('full');
    expect(second?.pubDate?.toISOString()).toBe('2026-05-14T00:00:00.000Z');
    expect(second?.podcastTranscripts).toEqual([
      {
        url: 'https://calais.example.org/podcast/transcriptions/ep-2.txt',
        type: 'text/plain',
        language: 'fr',
      },
    ]);
    expect(second?.podcastPeople?.map((p) => p.name)).toEqual(['Sam Taylor']);
  });

  test('marks guids as not permalinks and is read the same by a second parser', () => {
    const xml = podcastFeedXml(channel(), items);

    const feed = parseRssFeed(xml);

    expect(feed.items?.map((item) => item.guid)).toEqual([
      { value: 'mdm-calais:podcast:ep-2:fr', isPermaLink: false },
      { value: 'mdm-calais:podcast:ep-1:fr', isPermaLink: false },
    ]);
    expect(feed.itunes?.categories).toEqual([
      { text: 'Society & Culture', categories: [{ text: 'Documentary' }] },
    ]);
    expect(xml.match(/<language>/g)).toHaveLength(1);
  });

  test('names a category without subcategory as a single element', () => {
    const xml = podcastFeedXml(channel({ category: { name: 'Government' } }), items);

    expect(xml).toContain('<itunes:category text="Government"/>');
  });
});
