import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import {
  imageType,
  storiesJsonFeed,
  storiesRssXml,
  type StoriesChannel,
  type StoryItem,
} from '../../../src/lib/story-feeds.ts';

const channel: StoriesChannel = {
  language: 'en',
  title: 'Stories & more',
  description: 'Stories from the delegation.',
  link: 'https://calais.example.org/en/stories/',
  rssUrl: 'https://calais.example.org/en/stories/feed.xml',
  jsonUrl: 'https://calais.example.org/en/stories/feed.json',
};

const story = (key: string, date: string, tags: string[]): StoryItem => ({
  id: `mdm-calais:story:${key}:en`,
  title: `Story <${key}>`,
  summary: `What ${key} is about.`,
  link: `https://calais.example.org/en/stories/${key}/`,
  date: new Date(date),
  author: 'Calais team',
  tags,
  image: {
    url: `https://calais.example.org/_astro/${key}.png`,
    type: 'image/png',
    width: 1200,
    height: 675,
    alt: 'A drawn van',
  },
});

const items = [story('older', '2026-01-10', ['care']), story('newer', '2026-03-01', ['a', 'b'])];

describe('storiesRssXml', () => {
  test('lists stories newest first with their link, date, tags as categories and hero picture', () => {
    const feed = parseRssFeed(storiesRssXml(channel, items));

    expect(feed.language).toBe('en');
    expect(feed.items?.map((item) => item.title)).toEqual(['Story <newer>', 'Story <older>']);
    const [newer] = feed.items ?? [];
    expect(newer?.link).toBe('https://calais.example.org/en/stories/newer/');
    expect(newer?.description).toBe('What newer is about.');
    expect(newer?.guid).toEqual({ value: 'mdm-calais:story:newer:en', isPermaLink: false });
    expect(newer?.categories?.map((c) => c.name)).toEqual(['a', 'b']);
    expect(newer?.pubDate).toBe('Sun, 01 Mar 2026 00:00:00 GMT');
    expect(newer?.media?.contents?.[0]).toMatchObject({
      url: 'https://calais.example.org/_astro/newer.png',
      medium: 'image',
      type: 'image/png',
    });
  });
});

describe('storiesJsonFeed', () => {
  test('writes a JSON Feed 1.1 with every required field', () => {
    const json = JSON.parse(storiesJsonFeed(channel, items)) as Record<string, unknown>;
    const feed = parseJsonFeed(json);

    expect(json['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Stories & more');
    expect(feed.feed_url).toBe('https://calais.example.org/en/stories/feed.json');
    expect(feed.items?.map((item) => item.id)).toEqual([
      'mdm-calais:story:newer:en',
      'mdm-calais:story:older:en',
    ]);
    expect(feed.items?.[0]).toMatchObject({
      url: 'https://calais.example.org/en/stories/newer/',
      content_text: 'What newer is about.',
      image: 'https://calais.example.org/_astro/newer.png',
      date_published: '2026-03-01T00:00:00.000Z',
      tags: ['a', 'b'],
    });
  });
});

describe('imageType', () => {
  test('maps the formats Astro reports to MIME types', () => {
    expect(imageType('png')).toBe('image/png');
    expect(imageType('jpg')).toBe('image/jpeg');
    expect(imageType('webp')).toBe('image/webp');
  });
});
