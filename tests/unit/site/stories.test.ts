import { describe, expect, test } from 'vitest';
import { byOrder, newestFirst } from '../../../src/lib/sort.ts';
import { groupByTag, publishable, tagLabel } from '../../../src/lib/stories.ts';

const story = (id: string, tags: string[], draft = false, date = '2026-01-01') => ({
  id,
  data: { tags, draft, date: new Date(date) },
});

describe('publishable', () => {
  const ids = (stories: { id: string }[]) => stories.map((s) => s.id);

  test('keeps published stories and their translations', () => {
    const stories = [story('fr/a', ['x']), story('en/a', ['x'])];

    const { kept, skipped } = publishable(stories, false);

    expect(ids(kept)).toEqual(['fr/a', 'en/a']);
    expect(skipped).toEqual([]);
  });

  test('leaves out both languages of a story drafted in one of them, in production', () => {
    const stories = [story('fr/a', ['x'], true), story('en/a', ['x']), story('fr/b', ['x'])];

    const { kept } = publishable(stories, false);

    expect(ids(kept)).toEqual(['fr/b']);
  });

  test('keeps drafts with their translation in development', () => {
    const stories = [story('fr/a', ['x'], true), story('en/a', ['x'], true)];

    const { kept } = publishable(stories, true);

    expect(ids(kept)).toEqual(['fr/a', 'en/a']);
  });

  test('sets aside a draft whose translation is not written yet, even in development', () => {
    const stories = [story('fr/a', ['x'], true)];

    const { kept, skipped } = publishable(stories, true);

    expect(kept).toEqual([]);
    expect(ids(skipped)).toEqual(['fr/a']);
  });

  test('keeps a published story without translation, so the pairing check can fail on it', () => {
    const { kept } = publishable([story('fr/a', ['x'])], false);

    expect(ids(kept)).toEqual(['fr/a']);
  });
});

describe('groupByTag', () => {
  test('lists each tag once, alphabetically in the language, with its stories in order', () => {
    const stories = [story('fr/a', ['soins', 'écoute']), story('fr/b', ['soins', 'soins'])];

    const groups = groupByTag(stories, new Intl.Collator('fr'));

    expect(groups.map((g) => [g.tag, g.stories.map((s) => s.id)])).toEqual([
      ['écoute', ['fr/a']],
      ['soins', ['fr/a', 'fr/b']],
    ]);
  });

  test('gives no tag for no story', () => {
    expect(groupByTag([], new Intl.Collator('en'))).toEqual([]);
  });
});

describe('tagLabel', () => {
  test('turns hyphens into spaces', () => {
    expect(tagLabel('sante-mentale')).toBe('sante mentale');
  });
});

describe('orderings', () => {
  test('sorts newest first, then by id for equal dates', () => {
    const list = [
      story('fr/b', ['x'], false, '2026-01-01'),
      story('fr/c', ['x'], false, '2026-05-01'),
      story('fr/a', ['x'], false, '2026-01-01'),
    ];

    expect(list.sort(newestFirst).map((s) => s.id)).toEqual(['fr/c', 'fr/a', 'fr/b']);
  });

  test('sorts by the editors’ order, then by id', () => {
    const list = [
      { id: 'b', data: { order: 2 } },
      { id: 'c', data: { order: 1 } },
      { id: 'a', data: { order: 2 } },
    ];

    expect(list.sort(byOrder).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
