import { describe, expect, test } from 'vitest';
import {
  assertUniqueSlugs,
  inLocale,
  keyOf,
  localeOf,
  pairByKey,
  splitId,
  translationOf,
} from '../../../src/lib/entries.ts';

const entry = (id: string, slug = id.split('/')[1] ?? '') => ({
  id,
  filePath: `content/stories/${id}.mdx`,
  slug,
});

describe('keys and locales of entry ids', () => {
  test('splits an id into its locale folder and its key', () => {
    expect(splitId('fr/mobile-clinic')).toEqual({ locale: 'fr', key: 'mobile-clinic' });
    expect(keyOf('en/mobile-clinic')).toBe('mobile-clinic');
    expect(localeOf('en/mobile-clinic')).toBe('en');
  });

  test('rejects an id outside a locale folder', () => {
    expect(() => splitId('mobile-clinic')).toThrow(/fr\/ or en\//);
    expect(() => splitId('de/mobile-clinic')).toThrow(/locale folder/);
  });
});

describe('translation lookup', () => {
  const entries = [entry('fr/a'), entry('en/a'), entry('fr/b')];

  test('finds the entry with the same key in the other locale', () => {
    const found = translationOf(entries, entry('fr/a'), 'en');

    expect(found?.id).toBe('en/a');
  });

  test('finds nothing when the translation is missing', () => {
    expect(translationOf(entries, entry('fr/b'), 'en')).toBeUndefined();
  });

  test('keeps the entries of one locale', () => {
    expect(inLocale(entries, 'fr').map((e) => e.id)).toEqual(['fr/a', 'fr/b']);
  });
});

describe('pairByKey', () => {
  test('pairs translations by key, sorted by key', () => {
    const pairs = pairByKey(
      [entry('en/b'), entry('fr/a'), entry('fr/b'), entry('en/a')],
      'stories',
    );

    expect(pairs.map((p) => [p.key, p.fr.id, p.en.id])).toEqual([
      ['a', 'fr/a', 'en/a'],
      ['b', 'fr/b', 'en/b'],
    ]);
  });

  test('fails naming the file whose English translation is missing', () => {
    const pairing = () => pairByKey([entry('fr/a'), entry('en/a'), entry('fr/b')], 'stories');

    expect(pairing).toThrow(
      /content\/stories\/fr\/b\.mdx has no translation: add content\/stories\/en\/b\.mdx/,
    );
  });

  test('fails naming every unpaired file at once, in either language', () => {
    const pairing = () => pairByKey([entry('fr/a'), entry('en/b')], 'stories');

    expect(pairing).toThrow(/fr\/a\.mdx[\s\S]*en\/b\.mdx/);
  });

  test('accepts an empty collection', () => {
    expect(pairByKey([], 'stories')).toEqual([]);
  });
});

describe('assertUniqueSlugs', () => {
  test('accepts the same slug in two locales', () => {
    const checking = () => {
      assertUniqueSlugs([entry('fr/a', 'x'), entry('en/a', 'x')], (e) => e.slug, 'stories');
    };

    expect(checking).not.toThrow();
  });

  test('fails naming both files when two entries of one locale share a slug', () => {
    const checking = () => {
      assertUniqueSlugs([entry('fr/a', 'x'), entry('fr/b', 'x')], (e) => e.slug, 'stories');
    };

    expect(checking).toThrow(/fr\/a\.mdx and content\/stories\/fr\/b\.mdx share the slug "x"/);
  });
});
