// The stories as feeds for feed readers, one pair per language: RSS 2.0 and
// JSON Feed 1.1. Pure: every URL comes in absolute.
import { el, textEl, xmlDocument } from './xml.ts';

export interface StoriesChannel {
  language: string;
  title: string;
  description: string;
  /** The stories page. */
  link: string;
  rssUrl: string;
  jsonUrl: string;
}

export interface StoryItem {
  /** Stable id: see feed-ids.ts. */
  id: string;
  title: string;
  summary: string;
  link: string;
  date: Date;
  author: string;
  tags: readonly string[];
  image: { url: string; type: string; width: number; height: number; alt: string };
}

/** MIME type of a picture from the format Astro reads from it. */
export const imageType = (format: string): string =>
  format === 'jpg' ? 'image/jpeg' : format === 'svg' ? 'image/svg+xml' : `image/${format}`;

const newestFirst = (items: readonly StoryItem[]): StoryItem[] =>
  [...items].sort((a, b) => b.date.getTime() - a.date.getTime());

/** RSS 2.0, with the hero picture as a Media RSS element and the author in Dublin Core. */
export function storiesRssXml(channel: StoriesChannel, items: readonly StoryItem[]): string {
  const sorted = newestFirst(items);
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
      },
      el(
        'channel',
        {},
        textEl('title', channel.title),
        textEl('description', channel.description),
        textEl('link', channel.link),
        el('atom:link', { href: channel.rssUrl, rel: 'self', type: 'application/rss+xml' }),
        textEl('language', channel.language),
        textEl('pubDate', sorted[0]?.date.toUTCString()),
        ...sorted.map((story) =>
          el(
            'item',
            {},
            textEl('title', story.title),
            textEl('description', story.summary),
            textEl('link', story.link),
            textEl('guid', story.id, { isPermaLink: 'false' }),
            textEl('pubDate', story.date.toUTCString()),
            textEl('dc:creator', story.author),
            ...story.tags.map((tag) => textEl('category', tag)),
            el(
              'media:content',
              {
                url: story.image.url,
                medium: 'image',
                type: story.image.type,
                width: story.image.width,
                height: story.image.height,
              },
              textEl('media:description', story.image.alt),
            ),
          ),
        ),
      ),
    ),
  );
}

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). */
export function storiesJsonFeed(channel: StoriesChannel, items: readonly StoryItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.jsonUrl,
    description: channel.description,
    language: channel.language,
    items: newestFirst(items).map((story) => ({
      id: story.id,
      url: story.link,
      title: story.title,
      // JSON Feed requires a content: the summary, with the story on its page.
      content_text: story.summary,
      summary: story.summary,
      image: story.image.url,
      date_published: story.date.toISOString(),
      authors: [{ name: story.author }],
      tags: [...story.tags],
      language: channel.language,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** The MIME type of a JSON Feed. */
export const jsonFeedContentType = 'application/feed+json; charset=utf-8';
