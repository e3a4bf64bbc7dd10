// Orderings shared by the lists of the site.

/** By the editors' `order` field, smaller first; ties by key for a stable build. */
export const byOrder = <T extends { id: string; data: { order: number } }>(a: T, b: T): number =>
  a.data.order - b.data.order || a.id.localeCompare(b.id);

/** Newest first by `date`; ties by id for a stable build. */
export const newestFirst = <T extends { id: string; data: { date: Date } }>(a: T, b: T): number =>
  b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

const collators = { fr: new Intl.Collator('fr'), en: new Intl.Collator('en') };
/** Alphabetical order in a language (themes, names): "é" sorts with "e" in French. */
export const collatorOf = (locale: keyof typeof collators): Intl.Collator => collators[locale];
