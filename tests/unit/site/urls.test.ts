import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

// astro:i18n exists only inside Astro; this stand-in follows our configuration
// (French unprefixed, English under /en/, trailing slash always).
vi.mock('astro:i18n', () => ({
  getRelativeLocaleUrl: (locale: string, path: string) =>
    `/${[locale === 'fr' ? '' : locale, path].filter((part) => part !== '').join('/')}/`.replace(
      /\/+/g,
      '/',
    ),
}));

const { absoluteUrl, alternatesFor, fileTo, localPath, pageParam, pathTo, sections } =
  await import('../../../src/lib/urls.ts');

describe('pathTo', () => {
  test('puts the French home at the root and the English one under /en/', () => {
    expect(pathTo('fr', { name: 'home' })).toBe('/');
    expect(pathTo('en', { name: 'home' })).toBe('/en/');
  });

  test('uses French words in French paths and English words in English paths', () => {
    expect(pathTo('fr', { name: 'story', slug: 'une-matinee' })).toBe('/recits/une-matinee/');
    expect(pathTo('en', { name: 'story', slug: 'a-morning' })).toBe('/en/stories/a-morning/');
    expect(pathTo('fr', { name: 'training' })).toBe('/formations/');
    expect(pathTo('en', { name: 'join' })).toBe('/en/join-us/');
  });

  test('puts the sign-up thank-you page inside the join section', () => {
    expect(pathTo('fr', { name: 'thankYou' })).toBe('/nous-rejoindre/merci/');
    expect(pathTo('en', { name: 'thankYou' })).toBe('/en/join-us/thank-you/');
  });

  test('gives the first page of a list no number and the next ones their number', () => {
    expect(pathTo('fr', { name: 'stories', page: 1 })).toBe('/recits/');
    expect(pathTo('fr', { name: 'stories', page: 2 })).toBe('/recits/2/');
    expect(pathTo('en', { name: 'storyTag', tag: 'mobile-clinic', page: 3 })).toBe(
      '/en/stories/tags/mobile-clinic/3/',
    );
  });

  test('files theme pages under recits/themes in French and stories/tags in English', () => {
    expect(pathTo('fr', { name: 'storyTag', tag: 'soins' })).toBe('/recits/themes/soins/');
    expect(pathTo('en', { name: 'storyTag', tag: 'care' })).toBe('/en/stories/tags/care/');
  });

  test('puts the search page at /recherche/ in French and /en/search/ in English', () => {
    expect(pathTo('fr', { name: 'search' })).toBe('/recherche/');
    expect(pathTo('en', { name: 'search' })).toBe('/en/search/');
  });

  test('uses the whole slug of a prose page as its path', () => {
    expect(pathTo('fr', { name: 'page', slug: 'nous-rejoindre/benevole' })).toBe(
      '/nous-rejoindre/benevole/',
    );
    expect(pathTo('en', { name: 'page', slug: 'legal-notice' })).toBe('/en/legal-notice/');
  });
});

describe('pageParam', () => {
  test('is undefined for the first page and the number after', () => {
    expect(pageParam(undefined)).toBeUndefined();
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(4)).toBe('4');
  });
});

describe('alternatesFor', () => {
  test('gives the path of a page in both languages', () => {
    const slugs = { fr: 'clinique-mobile', en: 'mobile-clinic' } as const;

    const alternates = alternatesFor((locale) => ({ name: 'programme', slug: slugs[locale] }));

    expect(alternates).toEqual({
      fr: '/programmes/clinique-mobile/',
      en: '/en/programmes/mobile-clinic/',
    });
  });
});

describe('absoluteUrl', () => {
  test('percent-encodes accented paths on the site address', () => {
    expect(absoluteUrl('/recits/themes/santé/', 'https://example.org')).toBe(
      'https://example.org/recits/themes/sant%C3%A9/',
    );
  });
});

describe('sections', () => {
  test('each section has its route folder in both languages', () => {
    const pages = join(import.meta.dirname, '../../../src/pages');
    const exists = (path: string) => {
      try {
        readdirSync(join(pages, path));
        return true;
      } catch {
        return false;
      }
    };

    const missing = Object.values(sections).flatMap(({ fr, en }) =>
      [fr, `en/${en}`].filter((path) => !exists(path)),
    );

    expect(missing).toEqual([]);
  });

  test('no section path is empty', () => {
    const paths = Object.values(sections).flatMap(({ fr, en }) => [fr, en]);

    expect(paths.every((path) => /^[a-z-]+(\/[a-z-]+)?$/.test(path))).toBe(true);
    expect(localPath('en', { name: 'home' })).toBe('');
  });
});

describe('fileTo', () => {
  test('puts each language’s feeds in its own section, named in its own words', () => {
    expect(fileTo('fr', { name: 'podcastFeed' })).toBe('/podcast/flux.xml');
    expect(fileTo('en', { name: 'podcastFeed' })).toBe('/en/podcast/feed.xml');
    expect(fileTo('fr', { name: 'storiesFeed', format: 'rss' })).toBe('/recits/flux.xml');
    expect(fileTo('en', { name: 'storiesFeed', format: 'json' })).toBe('/en/stories/feed.json');
  });

  test('names a transcript after its episode file', () => {
    expect(fileTo('fr', { name: 'transcript', key: 'speak-out-01' })).toBe(
      '/podcast/transcriptions/speak-out-01.txt',
    );
    expect(fileTo('en', { name: 'transcript', key: 'speak-out-01' })).toBe(
      '/en/podcast/transcripts/speak-out-01.txt',
    );
  });
});
