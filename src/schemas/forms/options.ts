// The choices offered by the sign-up forms. Values are stable codes stored in
// Airtable; what the applicant reads is in the dictionary (src/i18n/) under
// `option.<list>.<value>`, and may change freely.
import { isTextKey, t, type TextKey } from '../../i18n/index.ts';
import type { Locale } from '../common.ts';

/** A list of choices: its name (for its words) and its values, in the order shown. */
export interface Options<V extends string = string> {
  list: string;
  values: readonly [V, ...V[]];
}

/** A choice once in one language. */
export interface Choice {
  value: string;
  label: string;
}

type MissingWords<L extends string, V extends string> = Exclude<`option.${L}.${V}`, TextKey>;

/** A list of choices; a value without its words in the dictionary is a type error naming the key. */
const options = <L extends string, const V extends string>(
  list: L,
  values: readonly [V, ...V[]],
  ..._missing: [MissingWords<L, V>] extends [never] ? [] : [missingWords: MissingWords<L, V>]
): Options<V> => {
  return { list, values };
};

export const professions = options('profession', [
  'doctor',
  'nurse',
  'midwife',
  'psychologist',
  'social-worker',
  'interpreter',
  'other',
]);

/** Languages most useful on the camps; anything else goes in a free field. */
export const languages = options('language', [
  'ar',
  'ps',
  'fa',
  'ti',
  'am',
  'ckb',
  'om',
  'so',
  'en',
  'fr',
]);

/** How well the applicant speaks a language; "none" exists only in the form. */
export const languageLevels = options('languageLevel', ['basic', 'fluent', 'native']);

export const sites = options('site', ['calais', 'grande-synthe', 'either']);

export const availabilitySlots = options('availability', ['weekdays', 'evenings', 'weekends']);

export const frequencies = options('frequency', [
  'weekly',
  'fortnightly',
  'monthly',
  'occasionally',
]);

export const referralSources = options('heardFrom', [
  'friend',
  'social-media',
  'press',
  'mdm',
  'school',
  'other',
]);

export const observerProfiles = options('profile', [
  'researcher',
  'journalist',
  'teacher',
  'artist',
  'culture',
  'other',
]);

export const outputFormats = options('format', [
  'article',
  'academic',
  'audio',
  'video',
  'drawing',
  'stage',
  'teaching',
  'other',
]);

/** The label of a stored value, or the value itself if it is not a known one. */
export function labelOf(options: Options, value: string, locale: Locale): string {
  const key = `option.${options.list}.${value}`;
  return options.values.includes(value) && isTextKey(key) ? t(locale, key) : value;
}

/** The choices of a list in one language, in order. */
export const choices = (options: Options, locale: Locale): Choice[] =>
  options.values.map((value) => ({ value, label: labelOf(options, value, locale) }));
