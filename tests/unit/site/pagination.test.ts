import { describe, expect, test } from 'vitest';
import { clampPage, paginate } from '../../../src/lib/pagination.ts';

describe('paginate', () => {
  test('cuts a list into full pages and a last partial one', () => {
    const items = Array.from({ length: 13 }, (_, i) => i);

    const pages = paginate(items, 6);

    expect(pages.map((p) => p.items.length)).toEqual([6, 6, 1]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.count === 3)).toBe(true);
  });

  test('keeps the order of the items across pages', () => {
    const pages = paginate(['a', 'b', 'c'], 2);

    expect(pages.flatMap((p) => p.items)).toEqual(['a', 'b', 'c']);
  });

  test('gives an empty list one empty page, so the list page still exists', () => {
    expect(paginate([], 6)).toEqual([{ number: 1, count: 1, items: [] }]);
  });

  test('rejects a page size that is not a positive whole number', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });
});

describe('clampPage', () => {
  test('keeps a page that exists and brings others within the list', () => {
    expect(clampPage(2, 3)).toBe(2);
    expect(clampPage(7, 3)).toBe(3);
    expect(clampPage(0, 3)).toBe(1);
  });
});
