// UI strings of the site: one flat dictionary per locale, same dotted keys in both.
import { locales, type Locale } from '../schemas/common.ts';
import fr from '../i18n/fr.json';
import en from '../i18n/en.json';

export type UiKey = keyof typeof fr;

// Typing English as French's shape makes a key missing from en.json a type error too.
const dictionaries: Record<Locale, Record<UiKey, string>> = { fr, en };

/** The string `key` in `locale`, with each {name} replaced by `values.name`. */
export function translate(
  locale: Locale,
  key: UiKey,
  values: Record<string, string | number> = {},
): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** A translator bound to one locale, for use in components: `const t = useTranslations(locale)`. */
export const useTranslations =
  (locale: Locale) =>
  (key: UiKey, values?: Record<string, string | number>): string =>
    translate(locale, key, values);

/** The other language of the site. */
export const otherLocale = (locale: Locale): Locale => (locale === 'fr' ? 'en' : 'fr');

/** BCP 47 tag for Intl and hreflang-style attributes. */
export const htmlLang: Record<Locale, string> = { fr: 'fr', en: 'en' };

export { locales };
