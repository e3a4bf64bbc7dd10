import { describe, expect, test } from 'vitest';
import { episodeGuid, podcastGuid, storyGuid } from '../../../src/lib/feed-ids.ts';
import { uuidv5 } from '../../../src/lib/uuid.ts';

// Expected values computed independently with Python's uuid.uuid5.
describe('uuidv5', () => {
  test('matches the RFC examples computed by another implementation', () => {
    expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  test('hashes names as UTF-8', () => {
    expect(uuidv5('exemple.org/épisode', 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6')).toBe(
      '2b2a7a33-69af-579b-8177-27a32bc3a8bf',
    );
  });

  test('refuses a namespace that is not a UUID', () => {
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});

describe('podcastGuid', () => {
  test("gives the Podcasting 2.0 specification's own example", () => {
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe(
      '917393e3-1b1e-5cef-ace4-edaa54e1f810',
    );
  });

  test('ignores the scheme and trailing slashes of the feed URL', () => {
    const expected = 'a1039fde-848e-5aad-a899-b2efb8f69731';

    expect(podcastGuid('https://calais.example.org/en/podcast/feed.xml')).toBe(expected);
    expect(podcastGuid('http://calais.example.org/en/podcast/feed.xml/')).toBe(expected);
    expect(podcastGuid('calais.example.org/en/podcast/feed.xml')).toBe(expected);
  });
});

describe('item ids', () => {
  // Published ids must never change: podcast apps would offer every episode again.
  test('pins the ids of the episodes and stories already published', () => {
    expect(episodeGuid('speak-out-01', 'fr')).toBe('mdm-calais:podcast:speak-out-01:fr');
    expect(episodeGuid('speak-out-02', 'en')).toBe('mdm-calais:podcast:speak-out-02:en');
    expect(storyGuid('a-space-to-draw', 'fr')).toBe('mdm-calais:story:a-space-to-draw:fr');
  });

  test('tells the two languages of one episode apart', () => {
    expect(episodeGuid('speak-out-01', 'fr')).not.toBe(episodeGuid('speak-out-01', 'en'));
  });
});
