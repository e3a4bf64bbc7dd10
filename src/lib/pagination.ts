// Splits a sorted list into numbered pages for the story lists.

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages in the list. */
  count: number;
  items: T[];
}

/** Pages of `perPage` items; an empty list still has one (empty) first page. */
export function paginate<T>(items: readonly T[], perPage: number): Page<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  }
  const count = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * perPage, (index + 1) * perPage),
  }));
}

/** The page to send a reader to in a list with `count` pages: the same number, or the last. */
export const clampPage = (page: number, count: number): number =>
  Math.min(Math.max(1, page), Math.max(1, count));
