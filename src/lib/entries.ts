// Translation lookup for prose entries. A prose entry's id is "LOCALE/KEY"
// (content/TYPE/fr/KEY.mdx): the same KEY in both locale folders makes two
// entries translations of each other.
import { locales, type Locale } from '../schemas/common.ts';

/** What these helpers need of a content entry. */
export interface Identified {
  id: string;
  /** Source file, relative to the project root (set by the glob loader). */
  filePath?: string | undefined;
}

/** A pair of translations of one entry. */
export interface Pair<T> {
  key: string;
  fr: T;
  en: T;
}

const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/** Splits "fr/clinique-mobile" into its locale and key; throws on an id without a locale folder. */
export function splitId(id: string): { locale: Locale; key: string } {
  const slash = id.indexOf('/');
  const locale = id.slice(0, slash);
  const key = id.slice(slash + 1);
  if (slash < 1 || key === '' || !isLocale(locale)) {
    throw new Error(`"${id}" is not in a locale folder: put the file in fr/ or en/.`);
  }
  return { locale, key };
}

export const keyOf = (id: string): string => splitId(id).key;
export const localeOf = (id: string): Locale => splitId(id).locale;

/** The entries written in one locale. */
export const inLocale = <T extends Identified>(entries: readonly T[], locale: Locale): T[] =>
  entries.filter((entry) => localeOf(entry.id) === locale);

/** The translation of `entry` in `locale`, or undefined when there is none. */
export function translationOf<T extends Identified>(
  entries: readonly T[],
  entry: Identified,
  locale: Locale,
): T | undefined {
  const key = keyOf(entry.id);
  return entries.find((candidate) => candidate.id === `${locale}/${key}`);
}

// Without the loader's file path, name the file as most collections lay it out.
const nameOf = (entry: Identified, collection: string): string =>
  entry.filePath ?? `content/${collection}/${entry.id}.mdx`;

/**
 * Groups entries into translation pairs, sorted by key. Throws one error that
 * names every file without its counterpart, so a missing or misnamed
 * translation fails the build.
 */
export function pairByKey<T extends Identified>(
  entries: readonly T[],
  collection: string,
): Pair<T>[] {
  const byKey = new Map<string, Partial<Record<Locale, T>>>();
  for (const entry of entries) {
    const { locale, key } = splitId(entry.id);
    byKey.set(key, { ...byKey.get(key), [locale]: entry });
  }
  const problems: string[] = [];
  const pairs: Pair<T>[] = [];
  for (const [key, found] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    if (found.fr !== undefined && found.en !== undefined) {
      pairs.push({ key, fr: found.fr, en: found.en });
      continue;
    }
    const present = found.fr ?? found.en;
    if (present === undefined) continue;
    const missing: Locale = found.fr === undefined ? 'fr' : 'en';
    const file = nameOf(present, collection);
    const expected = file.replace(/\/(fr|en)\/([^/]+)$/, `/${missing}/$2`);
    problems.push(
      `${file} has no translation: add ${expected} (same file name in the ${missing}/ folder).`,
    );
  }
  if (problems.length > 0) {
    throw new Error(`Missing translations in "${collection}":\n- ${problems.join('\n- ')}`);
  }
  return pairs;
}

/**
 * Throws when two entries of one locale would be published at the same path,
 * naming both files.
 */
export function assertUniqueSlugs<T extends Identified>(
  entries: readonly T[],
  slugOf: (entry: T) => string,
  collection: string,
): void {
  const seen = new Map<string, T>();
  const problems: string[] = [];
  for (const entry of entries) {
    const at = `${localeOf(entry.id)}:${slugOf(entry)}`;
    const other = seen.get(at);
    if (other === undefined) seen.set(at, entry);
    else {
      problems.push(
        `${nameOf(other, collection)} and ${nameOf(entry, collection)} share the slug "${slugOf(entry)}".`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(`Duplicate slugs in "${collection}":\n- ${problems.join('\n- ')}`);
  }
}
