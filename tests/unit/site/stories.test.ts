import { describe, expect, test } from 'vitest';
import { byOrder, newestFirst } from '../../../src/lib/sort.ts';
import { groupByTag, isPublished, tagLabel } from '../../../src/lib/stories.ts';

const story = (id: string, tags: string[], draft = false, date = '2026-01-01') => ({
  id,
  data: { tags, draft, date: new Date(date) },
});

describe('isPublished', () => {
  test('hides drafts from production builds', () => {
    expect(isPublished(story('fr/a', ['x'], true), false)).toBe(false);
    expect(isPublished(story('fr/a', ['x'], false), false)).toBe(true);
  });

  test('shows drafts when drafts are included (development)', () => {
    expect(isPublished(story('fr/a', ['x'], true), true)).toBe(true);
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
