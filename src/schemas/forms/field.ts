// What a sign-up field is, in one definition: its rule (zod), how the form
// shows it (control), its choices, and the Airtable column it fills. Its words
// are found by its name in the dictionary (src/i18n/), under
// `form.<group>.<name>.label | .hint | .error` (and `.summary` where the email's
// short label differs). The schema, the page's rules, the form markup, the
// error pages, the email's rows, the access page and the Airtable tables are
// all derived from these definitions.
import type { z } from 'zod';
import { isTextKey, t, type TextKey } from '../../i18n/index.ts';
import { retentionText } from '../../lib/retention.ts';
import type { AirtableFieldType, FieldValueKind } from '../../server/adapters/airtable-schema.ts';
import type { Locale } from '../common.ts';
import type { Options } from './options.ts';

/** How the form shows a field. */
export type Control =
  | { kind: 'input'; type?: 'text' | 'email' | 'tel' | 'date'; autocomplete?: string }
  | { kind: 'textarea' }
  /** A list to choose one from; its options are the field's. */
  | { kind: 'select' }
  /** Radio buttons (one) or checkboxes (several), in a fieldset. */
  | { kind: 'radio' | 'checkbox' }
  /** One box to tick; `privacyLink`: the privacy consent, which closes every form. */
  | { kind: 'tick'; privacyLink?: true }
  /** A hidden value the form sends as it is (a text's version). */
  | { kind: 'hidden'; value: string }
  /** One row per language of the options, each with a level from `levels`. */
  | { kind: 'languages'; levels: Options };

/** The column of the coordinators' Airtable base a field fills (adapters/airtable-schema.ts). */
export interface Column {
  name: string;
  /** The type to give the column when creating the base. */
  type: AirtableFieldType;
  /** What the store writes into it. */
  value: FieldValueKind;
  /** For coordinators (docs/airtable.md). */
  description: string;
  /** Suggest the options' English labels as the column's choices. */
  choices?: true;
  /**
   * How the cell is written, when it is not the value (a text) or its options'
   * English labels: `languages`, each language with its level and the other
   * languages typed by hand; `dateRange`, this date to the field `dateTo`.
   */
  cell?: 'languages' | 'dateRange';
  /** A column of every table of applications, the suspected-spam one included. */
  shared?: true;
}

export interface FieldDefinition<Rule extends z.ZodType = z.ZodType> {
  rule: Rule;
  /** How the form shows it; none: a value the form frame sends (language, privacy version). */
  control?: Control;
  options?: Options;
  column?: Column;
}

/** A definition once named: `words` is the prefix of its texts in the dictionary. */
export type Field<Rule extends z.ZodType = z.ZodType> = FieldDefinition<Rule> & {
  name: string;
  words: string;
};

/** The texts a field with a control must have (hidden ones need none). */
type NeededWords<G extends string, D> = {
  [K in keyof D & string]: D[K] extends { control: { kind: 'hidden' } }
    ? never
    : D[K] extends { control: object }
      ? `form.${G}.${K}.label` | `form.${G}.${K}.error`
      : never;
}[keyof D & string];

type MissingWords<G extends string, D> = Exclude<NeededWords<G, D>, TextKey>;

/**
 * Names the definitions of a group of fields. A field whose label or error is
 * missing from the dictionary is a type error that names the key.
 */
export function defineFields<G extends string, D extends Record<string, FieldDefinition>>(
  group: G,
  definitions: D,
  ..._missing: [MissingWords<G, D>] extends [never] ? [] : [missingWords: MissingWords<G, D>]
): { [K in keyof D]: D[K] & { name: K; words: `form.${G}.${K & string}` } } {
  return Object.fromEntries(
    Object.entries(definitions).map(([name, definition]) => [
      name,
      { ...definition, name, words: `form.${group}.${name}` },
    ]),
  ) as { [K in keyof D]: D[K] & { name: K; words: `form.${G}.${K & string}` } };
}

/** The zod rules of a set of fields, for z.object(). */
export const rulesOf = <F extends Record<string, { rule: z.ZodType }>>(
  fields: F,
): { [K in keyof F]: F[K]['rule'] } =>
  Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.rule])) as {
    [K in keyof F]: F[K]['rule'];
  };

export interface FieldWords {
  label: string;
  /** Why the field is asked, or how to fill it. */
  hint?: string;
  /** What to do when it is refused, whatever rule failed. */
  error: string;
}

/** Values any field text may use. */
const shared = (locale: Locale) => ({
  retention: retentionText('applications', locale),
  noSensitive: t(locale, 'form.noSensitive'),
});

/** The text `key` if the dictionary has it, with the values any field text may use. */
const fieldText = (locale: Locale, key: string): string | undefined =>
  isTextKey(key) ? t(locale, key, shared(locale)) : undefined;

/** A field's words in one language. A field the person does not fill has one fix: reloading. */
export function fieldWords(field: Field, locale: Locale): FieldWords {
  const filled = field.control !== undefined && field.control.kind !== 'hidden';
  const hint = fieldText(locale, `${field.words}.hint`);
  return {
    label: fieldText(locale, `${field.words}.label`) ?? field.name,
    ...(hint === undefined ? {} : { hint }),
    error:
      (filled ? fieldText(locale, `${field.words}.error`) : undefined) ?? t(locale, 'form.reload'),
  };
}

/** The label of a field in a summary (the email): its short form where it has one. */
export const summaryLabel = (field: Field, locale: Locale): string =>
  fieldText(locale, `${field.words}.summary`) ?? fieldWords(field, locale).label;
