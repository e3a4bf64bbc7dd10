// The sign-up rules as the browser runs them, without zod: page-rules.ts derives
// them from the schemas when the site is built, and the page carries them as JSON.
// The server still checks with zod; its 422 covers what is only checked there.

/** Checks of one field that zod runs through a refinement the page can run too. */
export const fieldChecks = {
  /** A day that exists, written YYYY-MM-DD. */
  calendarDay: (day: string): boolean =>
    !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
    new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
  /** Today or later, from one day early so that a browser a few time zones west is not refused. */
  notPast: (day: string): boolean =>
    day >= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
} satisfies Record<string, (value: string) => boolean>;

/** Application values once cleaned: trimmed text, blank optional fields left out, lists. */
export type FormValues = Record<string, unknown>;

/** Checks across fields, run only once every field has the right type (as zod does). */
export const formChecks = {
  /** Some language: one from the list or one in the free field. */
  someLanguage: (v: FormValues): boolean =>
    (Array.isArray(v['languages']) && v['languages'].length > 0) ||
    v['otherLanguages'] !== undefined,
  /** An end date on or after the start date. */
  datesInOrder: (v: FormValues): boolean =>
    typeof v['dateTo'] === 'string' &&
    typeof v['dateFrom'] === 'string' &&
    v['dateTo'] >= v['dateFrom'],
} satisfies Record<string, (values: FormValues) => boolean>;

export type FieldCheckName = keyof typeof fieldChecks;
export type FormCheckName = keyof typeof formChecks;

/** What the page checks of one field; every failure shows the field's one message. */
export interface FieldRule {
  message: string;
  /** A blank value counts as not given, and not giving it is fine. */
  optional?: true;
  /** Checked boxes arrive as one value or several: always a list. */
  list?: true;
  /** Spaces around the text do not count. */
  trim?: true;
  /** Length of the text, or number of items of a list. */
  min?: number;
  max?: number;
  /** [source, flags] of regular expressions the text must match. */
  patterns?: [string, string][];
  /** The only values accepted (of a list: for each item). */
  values?: string[];
  checks?: FieldCheckName[];
}

export interface FormRules {
  /** Every field the server checks, in the order of the form. */
  fields: Record<string, FieldRule>;
  /** Checks across fields, each shown on one field. */
  across: { field: string; check: FormCheckName }[];
}

/** Field name → message for the applicant, in the form's language. */
export type FieldErrors = Record<string, string>;

/**
 * How a field fails, as zod tells them apart: a missing value or one out of
 * the list stops the checks across fields; a text too short or too long does not.
 */
type Failure = 'type' | 'rule';

function checkField(
  rule: FieldRule,
  raw: unknown,
): { value: unknown; failure: Failure | undefined } {
  if (rule.list === true) {
    const items: unknown[] =
      raw === undefined || raw === '' ? [] : Array.isArray(raw) ? (raw as unknown[]) : [raw];
    const { values } = rule;
    if (values !== undefined && items.some((item) => !values.includes(String(item)))) {
      return { value: items, failure: 'type' };
    }
    return { value: items, failure: outOfBounds(rule, items.length) ? 'rule' : undefined };
  }
  if (
    rule.optional === true &&
    (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
  ) {
    return { value: undefined, failure: undefined };
  }
  if (typeof raw !== 'string') return { value: raw, failure: 'type' };
  const value = rule.trim === true ? raw.trim() : raw;
  if (rule.values !== undefined && !rule.values.includes(value)) return { value, failure: 'type' };
  const broken =
    outOfBounds(rule, value.length) ||
    (rule.patterns ?? []).some(([source, flags]) => !new RegExp(source, flags).test(value)) ||
    (rule.checks ?? []).some((name) => !fieldChecks[name](value));
  return { value, failure: broken ? 'rule' : undefined };
}

const outOfBounds = (rule: FieldRule, length: number) =>
  length < (rule.min ?? 0) || length > (rule.max ?? Infinity);

/** One message per faulty field, as the server would answer for the same data. */
export function checkForm(rules: FormRules, data: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  const values: FormValues = {};
  let typesRight = true;
  for (const [name, rule] of Object.entries(rules.fields)) {
    const { value, failure } = checkField(rule, data[name]);
    values[name] = value;
    if (failure === undefined) continue;
    errors[name] = rule.message;
    if (failure === 'type') typesRight = false;
  }
  if (!typesRight) return errors;
  for (const { field, check } of rules.across) {
    const message = rules.fields[field]?.message;
    if (message !== undefined && !(field in errors) && !formChecks[check](values)) {
      errors[field] = message;
    }
  }
  return errors;
}
