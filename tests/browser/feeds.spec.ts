// The built feeds, read as podcast apps and feed readers read them: the podcast
// feed of each language through the Podcast Index's parser (podcast-partytime)
// and feedsmith, checked against the files in dist/ and the episodes' sources;
// the stories feeds (RSS 2.0, JSON Feed 1.1); the pages that announce them; and
// the audio files answering HEAD and byte-range requests as podcast apps need.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseFile } from 'music-metadata';
import { parseFeed } from 'podcast-partytime';
import { parse as parseYaml } from 'yaml';
import { podcastGuid } from '../../src/lib/feed-ids.ts';
import { builtPages } from '../support/dist-site.ts';
import { startTags } from '../support/html.ts';
import { localeOfPath } from '../support/paths.ts';

const root = join(import.meta.dirname, '..', '..');
const distDir = join(root, 'dist');
const locales = ['fr', 'en'] as const;
type Locale = (typeof locales)[number];

// The published addresses: apps keep them, so they are pinned here.
const podcastFeedPath = { fr: '/podcast/flux.xml', en: '/en/podcast/feed.xml' };
const storiesFeedPath = {
  fr: { rss: '/recits/flux.xml', json: '/recits/flux.json' },
  en: { rss: '/en/stories/feed.xml', json: '/en/stories/feed.json' },
};

const distFile = (url: string): string =>
  join(distDir, decodeURIComponent(new URL(url, 'http://x').pathname));
const builtFileOf = (url: string): string => {
  const file = distFile(url);
  return url.endsWith('/') ? join(file, 'index.html') : file;
};
const read = (path: string): string => readFileSync(join(distDir, path), 'utf8');
const isAbsolute = (url: string | undefined): boolean => /^https?:\/\/[^/]+\//.test(url ?? '');

type Frontmatter = Record<string, unknown>;
/** The sources of a prose collection in one language, by key. */
function sources(collection: string, locale: Locale): Map<string, Frontmatter> {
  const folder = join(root, 'content', collection, locale);
  return new Map(
    readdirSync(folder)
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => {
        const text = readFileSync(join(folder, name), 'utf8');
        const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
        return [name.replace(/\.mdx?$/, ''), parseYaml(yaml) as Frontmatter];
      }),
  );
}

/** Width, height and colour model of a PNG or baseline/progressive JPEG, from its header. */
function pictureHeader(bytes: Buffer): { width: number; height: number; rgb: boolean } {
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') {
    // IHDR: width, height, bit depth, colour type (2 = RGB, 6 = RGB with alpha).
    return {
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
      rgb: bytes[25] === 2 || bytes[25] === 6,
    };
  }
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc2) {
      return {
        height: bytes.readUInt16BE(offset + 5),
        width: bytes.readUInt16BE(offset + 7),
        rgb: bytes[offset + 9] === 3,
      };
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  throw new Error('neither PNG nor JPEG');
}

for (const locale of locales) {
  test.describe(`the ${locale} podcast feed`, () => {
    const path = podcastFeedPath[locale];
    const xml = existsSync(join(distDir, path)) ? read(path) : '';
    const feed = parseFeed(xml);
    const items = feed?.items ?? [];
    const episodes = sources('podcast', locale);

    test('is built and read by the Podcast Index parser', () => {
      expect(xml, `dist${path}`).not.toBe('');
      expect(feed).not.toBeNull();
    });

    test('has one language, a title, a link, a description and its own address', () => {
      expect(xml.match(/<language>/g)).toHaveLength(1);
      expect(feed?.language).toBe(locale);
      expect(feed?.title).toBeTruthy();
      expect(feed?.description.length).toBeGreaterThan(50);
      expect(existsSync(builtFileOf(feed?.link ?? ''))).toBe(true);
      expect(new URL(feed?.pubsub?.self ?? '', 'http://x').pathname).toBe(path);
    });

    test('gives Apple and Spotify their itunes tags', () => {
      expect(feed?.author).toBeTruthy();
      expect(feed?.owner?.name).toBeTruthy();
      expect(feed?.owner?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(feed?.itunesCategory?.length).toBeGreaterThan(0);
      expect(xml).toMatch(/<itunes:explicit>(true|false)<\/itunes:explicit>/);
      expect(feed?.itunesType).toMatch(/^(episodic|serial)$/);
    });

    test('points to square RGB artwork of 1400 to 3000 pixels, built with the site', () => {
      const image = feed?.itunesImage ?? '';

      const header = pictureHeader(readFileSync(distFile(image)));

      expect(isAbsolute(image)).toBe(true);
      expect(image).toMatch(/\.(png|jpe?g)$/i);
      expect(header.width).toBe(header.height);
      expect(header.width).toBeGreaterThanOrEqual(1400);
      expect(header.width).toBeLessThanOrEqual(3000);
      expect(header.rgb).toBe(true);
    });

    test('has the Podcasting 2.0 guid of its address, a lock with its owner and people', () => {
      expect(feed?.guid).toBe(podcastGuid(feed?.pubsub?.self ?? ''));
      expect(feed?.locked).toBe(true);
      expect(feed?.podcastOwner).toBe(feed?.owner?.email);
      expect(feed?.podcastPeople?.length).toBeGreaterThan(0);
    });

    test('lists every episode once, each with a guid made from its file name and language', () => {
      const guids = items.map((item) => item.guid);

      expect(guids.sort()).toEqual(
        [...episodes.keys()].map((key) => `mdm-calais:podcast:${key}:${locale}`).sort(),
      );
      expect(new Set(guids).size).toBe(guids.length);
      // Published ids never change: apps would offer these episodes again.
      expect(guids).toEqual(
        expect.arrayContaining([
          `mdm-calais:podcast:speak-out-01:${locale}`,
          `mdm-calais:podcast:speak-out-02:${locale}`,
        ]),
      );
      expect(xml.match(/<guid isPermaLink="false">/g)).toHaveLength(items.length);
    });

    test('announces each audio file at its exact size, type and measured duration', async () => {
      for (const item of items) {
        const key = item.guid.split(':')[2] ?? '';
        const file = distFile(item.enclosure.url);
        const source = join(root, 'public', String(episodes.get(key)?.['audio']));
        const seconds = (await parseFile(file, { duration: true })).format.duration ?? NaN;

        expect(isAbsolute(item.enclosure.url), item.guid).toBe(true);
        expect(item.enclosure.length, item.guid).toBe(statSync(file).size);
        expect(item.enclosure.length, item.guid).toBe(statSync(source).size);
        expect(item.enclosure.type, item.guid).toBe('audio/mpeg');
        expect(item.duration, item.guid).toBe(Math.round(seconds));
        expect(item.itunesEpisode, item.guid).toBe(episodes.get(key)?.['number']);
        expect(item.itunesEpisodeType, item.guid).toBe('full');
        expect(existsSync(builtFileOf(item.link ?? '')), item.guid).toBe(true);
      }
    });

    test('links each episode to its transcript, a text file in the feed’s language', () => {
      for (const item of items) {
        const key = item.guid.split(':')[2] ?? '';
        const [transcript] = item.podcastTranscripts ?? [];
        const lines = episodes.get(key)?.['transcript'] as { text: string }[];

        const text = readFileSync(distFile(transcript?.url ?? ''), 'utf8');

        expect(transcript?.type, item.guid).toBe('text/plain');
        expect(transcript?.language, item.guid).toBe(locale);
        expect(transcript?.url, item.guid).toMatch(/\.txt$/);
        expect(text.startsWith(`${item.title ?? ''}\n`), item.guid).toBe(true);
        for (const line of lines) expect(text).toContain(line.text.replace(/\s+/g, ' ').trim());
      }
    });

    test('is read the same by feedsmith', () => {
      const other = parseRssFeed(xml);

      expect(other.items?.map((item) => item.guid?.value).sort()).toEqual(
        items.map((item) => item.guid).sort(),
      );
      expect(other.itunes?.explicit).toBe(feed?.explicit);
    });

    test('is announced by the podcast pages of its language, with a way to subscribe', () => {
      const pages = builtPages(distDir).filter(
        (page) => localeOfPath(page.path) === locale && /^(\/en)?\/podcast\//.test(page.path),
      );
      const announcing = pages.filter((page) =>
        startTags(page.html, 'link').some(
          (link) =>
            link['rel'] === 'alternate' &&
            link['type'] === 'application/rss+xml' &&
            new URL(link['href'] ?? '', 'http://x').pathname === path,
        ),
      );
      const index = pages.find((page) => /^(\/en)?\/podcast\/$/.test(page.path));
      const feedUrl = feed?.pubsub?.self ?? '';

      expect(pages.length).toBe(episodes.size + 1);
      expect(announcing.map((page) => page.path)).toEqual(pages.map((page) => page.path));
      expect(index?.html).toContain(`<code>${feedUrl}</code>`);
      expect(
        startTags(index?.html ?? '', 'a').map((a) => a['href']),
        'AntennaPod link',
      ).toContain(`https://antennapod.org/deeplink/subscribe?url=${encodeURIComponent(feedUrl)}`);
    });
  });

  test.describe(`the ${locale} stories feeds`, () => {
    const paths = storiesFeedPath[locale];
    const rss = existsSync(join(distDir, paths.rss)) ? parseRssFeed(read(paths.rss)) : undefined;
    const json = existsSync(join(distDir, paths.json))
      ? (JSON.parse(read(paths.json)) as Record<string, unknown>)
      : undefined;
    const all = sources('stories', locale);
    const other = sources('stories', locale === 'fr' ? 'en' : 'fr');
    // A draft in either language keeps the story out of both.
    const published = [...all.keys()].filter(
      (key) => all.get(key)?.['draft'] !== true && other.get(key)?.['draft'] !== true,
    );

    test('lists every published story once, and no draft', () => {
      const ids = rss?.items?.map((item) => item.guid?.value) ?? [];

      expect(rss, `dist${paths.rss}`).toBeDefined();
      expect(read(paths.rss).match(/<language>/g)).toHaveLength(1);
      expect(rss?.language).toBe(locale);
      expect(ids.sort()).toEqual(
        published.map((key) => `mdm-calais:story:${key}:${locale}`).sort(),
      );
    });

    test('gives each story an absolute link to its page, its summary, date, tags and picture', () => {
      for (const item of rss?.items ?? []) {
        const key = item.guid?.value?.split(':')[2] ?? '';
        const source = all.get(key) ?? {};
        const picture = item.media?.contents?.[0]?.url ?? '';

        expect(isAbsolute(item.link), key).toBe(true);
        expect(existsSync(builtFileOf(item.link ?? '')), key).toBe(true);
        expect(item.description, key).toBe(source['description']);
        expect(
          item.categories?.map((category) => category.name),
          key,
        ).toEqual(source['tags']);
        expect(new Date(item.pubDate ?? '').getTime(), key).toBe(
          new Date(String(source['date'])).getTime(),
        );
        expect(isAbsolute(picture), key).toBe(true);
        expect(existsSync(distFile(picture)), key).toBe(true);
      }
    });

    test('has a JSON Feed 1.1 with its required fields and the same stories', () => {
      const feed = parseJsonFeed(json);
      const items = (json?.['items'] ?? []) as Record<string, unknown>[];

      expect(json?.['version']).toBe('https://jsonfeed.org/version/1.1');
      expect(typeof json?.['title']).toBe('string');
      expect(new URL(String(json?.['feed_url']), 'http://x').pathname).toBe(paths.json);
      expect(items.map((item) => item['id']).sort()).toEqual(
        (rss?.items ?? []).map((item) => item.guid?.value).sort(),
      );
      for (const item of items) {
        const key = String(item['id']).split(':')[2] ?? '';
        expect(typeof item['id'], key).toBe('string');
        expect(
          typeof item['content_text'] === 'string' || typeof item['content_html'] === 'string',
          key,
        ).toBe(true);
        expect(isAbsolute(String(item['url'])), key).toBe(true);
        expect(existsSync(distFile(String(item['image']))), key).toBe(true);
        expect(item['tags'], key).toEqual(all.get(key)?.['tags']);
      }
      expect(feed.items?.length).toBe(published.length);
    });

    test('is announced by every page of its language', () => {
      // The editor at /admin/ is not a page of the site: it has its own head.
      const pages = builtPages(distDir).filter(
        (page) => localeOfPath(page.path) === locale && !page.path.startsWith('/admin/'),
      );
      const missing = pages
        .filter((page) => {
          const links = startTags(page.html, 'link').filter((l) => l['rel'] === 'alternate');
          const announces = (type: string, feedPath: string) =>
            links.some(
              (l) =>
                l['type'] === type && new URL(l['href'] ?? '', 'http://x').pathname === feedPath,
            );
          return !(
            announces('application/rss+xml', paths.rss) &&
            announces('application/feed+json', paths.json)
          );
        })
        .map((page) => page.path);

      expect(pages.length).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    });
  });
}

test('the sitemap lists pages only, no feed or transcript', () => {
  const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');

  expect(locs.length).toBeGreaterThan(0);
  expect(locs.filter((loc) => !loc.endsWith('/'))).toEqual([]);
});

test.describe('audio files', () => {
  const file = '/audio/speak-out-01-fr.mp3';
  const size = statSync(join(distDir, file)).size;

  test('answer HEAD with their exact length', async ({ request }) => {
    const response = await request.head(file);

    expect(response.status()).toBe(200);
    expect(Number(response.headers()['content-length'])).toBe(size);
  });

  // Podcast apps and browsers' players fetch audio by byte ranges. Netlify's CDN
  // answers them with 206; the Netlify CLI that serves these tests does not (it
  // sends the whole file with 200, which HTTP allows a server to do). So the
  // local test checks that the answer is one of the two valid ones, and the
  // strict test runs against a deployed site: DEPLOYED_SITE_URL=https://…
  const checkRange = async (response: APIResponse, strict: boolean) => {
    const body = await response.body();
    const bytes = readFileSync(join(distDir, file));
    if (strict || response.status() === 206) {
      expect(response.status()).toBe(206);
      expect(body.length).toBe(100);
      expect(response.headers()['content-range']).toBe(`bytes 0-99/${size}`);
      expect(body.equals(bytes.subarray(0, 100))).toBe(true);
    } else {
      expect(response.status()).toBe(200);
      expect(body.equals(bytes)).toBe(true);
    }
  };

  test('answer a byte range with those bytes, or the whole file where the server ignores ranges', async ({
    request,
  }) => {
    const response = await request.get(file, { headers: { Range: 'bytes=0-99' } });

    await checkRange(response, false);
  });

  test('answer a byte range with 206 and just those bytes once deployed', async ({ request }) => {
    const deployed = process.env['DEPLOYED_SITE_URL'];
    test.skip(!deployed, 'set DEPLOYED_SITE_URL to check a deployed site');

    const response = await request.get(new URL(file, deployed).href, {
      headers: { Range: 'bytes=0-99' },
    });

    await checkRange(response, true);
  });
});

test('transcripts are served as UTF-8 text and feeds as XML or JSON', async ({ request }) => {
  const transcript = await request.head('/podcast/transcriptions/speak-out-01.txt');
  const feed = await request.head(podcastFeedPath.en);
  const json = await request.head(storiesFeedPath.fr.json);

  expect(transcript.headers()['content-type']).toMatch(/^text\/plain;\s*charset=utf-8$/i);
  expect(feed.headers()['content-type']).toMatch(/^application\/(rss\+)?xml/);
  expect(json.headers()['content-type']).toMatch(/^application\/(feed\+)?json/);
});
