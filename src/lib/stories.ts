// Which stories are published, and the themes (tags) they are filed under.

/** Drafts are shown in development only; production builds never publish them. */
export const isPublished = (story: { data: { draft: boolean } }, includeDrafts: boolean): boolean =>
  includeDrafts || !story.data.draft;

/** Every tag used by `stories`, each with its stories in their given order; tags sorted alphabetically. */
export function groupByTag<T extends { data: { tags: readonly string[] } }>(
  stories: readonly T[],
  collator: Intl.Collator,
): { tag: string; stories: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const story of stories) {
    for (const tag of new Set(story.data.tags))
      groups.set(tag, [...(groups.get(tag) ?? []), story]);
  }
  return [...groups]
    .map(([tag, tagged]) => ({ tag, stories: tagged }))
    .sort((a, b) => collator.compare(a.tag, b.tag));
}

/** A tag as words for display: "sante-mentale" → "sante mentale". */
export const tagLabel = (tag: string): string => tag.replaceAll('-', ' ');
