// Which stories are published, and the themes (tags) they are filed under.
import { keyOf } from './entries.ts';

/**
 * The stories to build. A story and its translation are one publication: when
 * drafts are left out, a draft on either side keeps both out. A draft whose
 * translation is not written yet is always left out (and returned in `skipped`),
 * so work in progress never fails the missing-translation check.
 */
export function publishable<T extends { id: string; data: { draft: boolean } }>(
  stories: readonly T[],
  includeDrafts: boolean,
): { kept: T[]; skipped: T[] } {
  const countByKey = new Map<string, number>();
  const draftKeys = new Set<string>();
  for (const story of stories) {
    const key = keyOf(story.id);
    countByKey.set(key, (countByKey.get(key) ?? 0) + 1);
    if (story.data.draft) draftKeys.add(key);
  }
  const kept: T[] = [];
  const skipped: T[] = [];
  for (const story of stories) {
    const key = keyOf(story.id);
    if (story.data.draft && countByKey.get(key) === 1) skipped.push(story);
    else if (includeDrafts || !draftKeys.has(key)) kept.push(story);
  }
  return { kept, skipped };
}

/** Every tag used by `stories`, each with its stories in their given order; tags sorted alphabetically. */
export function groupByTag<T extends { data: { tags: readonly string[] } }>(
  stories: readonly T[],
  collator: Intl.Collator,
): { tag: string; stories: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const story of stories) {
    for (const tag of new Set(story.data.tags)) {
      const group = groups.get(tag);
      if (group === undefined) groups.set(tag, [story]);
      else group.push(story);
    }
  }
  return [...groups]
    .map(([tag, tagged]) => ({ tag, stories: tagged }))
    .sort((a, b) => collator.compare(a.tag, b.tag));
}

/** A tag as words for display: "sante-mentale" → "sante mentale". */
export const tagLabel = (tag: string): string => tag.replaceAll('-', ' ');
