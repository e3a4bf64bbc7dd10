// The one translation system of the site, the functions and the emails: a flat
// dictionary of words per language (fr.ts, en.ts: same dotted keys) and t(),
// which Astro components and server code call alike. Plain TypeScript, not
// JSON, so that the functions and the scripts that Node runs as they are
// (type stripping, no import attributes) read the same files as the build.
import { locales, type Locale } from '../schemas/common.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export type TextKey = keyof typeof fr;

/** Values for a text's {placeholders}. */
export type TextValues = Record<string, string | number>;

const dictionaries: Record<Locale, Record<TextKey, string>> = { fr, en };

/** The text `key` in `locale`, with each {name} replaced by `values.name` (left as is without one). */
export function t(locale: Locale, key: TextKey, values: TextValues = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether `key` is a text of the dictionary (for keys built from a field's or an option's name). */
export const isTextKey = (key: string): key is TextKey => Object.hasOwn(fr, key);

/**
 * The numbered texts `prefix.1`, `prefix.2`, … in order: a list of paragraphs or
 * rules that may grow without code changing.
 */
export function textList(locale: Locale, prefix: string, values?: TextValues): string[] {
  const list: string[] = [];
  for (let n = 1; isTextKey(`${prefix}.${n}`); n += 1) {
    list.push(t(locale, `${prefix}.${n}` as TextKey, values));
  }
  return list;
}

/** t() bound to one locale, for components: `const t = useTranslations(locale)`. */
export const useTranslations =
  (locale: Locale) =>
  (key: TextKey, values?: TextValues): string =>
    t(locale, key, values);

/** The other language of the site. */
export const otherLocale = (locale: Locale): Locale => (locale === 'fr' ? 'en' : 'fr');

/** BCP 47 tag for hreflang-style attributes. */
export const htmlLang: Record<Locale, string> = { fr: 'fr', en: 'en' };

/** The tag Intl formats dates and numbers with: French of France, British English. */
export const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export { locales };
