// The feeds a page announces in its <head> (<link rel="alternate">), so that
// browsers, feed readers and podcast apps find them from the page's address.
import type { Locale } from '../schemas/common.ts';
import { t } from '../i18n/index.ts';
import { fileTo } from './urls.ts';

export interface FeedLink {
  /** MIME type of the feed: application/rss+xml or application/feed+json. */
  type: string;
  title: string;
  /** Root-relative URL. */
  href: string;
}

/** The stories feeds of a language: every page of that language announces them. */
export const storyFeedLinks = (locale: Locale): FeedLink[] => [
  {
    type: 'application/rss+xml',
    title: t(locale, 'feeds.stories.rss'),
    href: fileTo(locale, { name: 'storiesFeed', format: 'rss' }),
  },
  {
    type: 'application/feed+json',
    title: t(locale, 'feeds.stories.json'),
    href: fileTo(locale, { name: 'storiesFeed', format: 'json' }),
  },
];

/** The podcast feed of a language, announced by the podcast's pages. */
export const podcastFeedLink = (locale: Locale, showTitle: string): FeedLink => ({
  type: 'application/rss+xml',
  title: t(locale, 'feeds.podcast.rss', { title: showTitle }),
  href: fileTo(locale, { name: 'podcastFeed' }),
});
