// Derives, when the site is built, the rules a form page checks in the browser
// from the zod schemas the server checks with, so that the page needs no zod.
// It reads zod's schema definitions and throws on anything it cannot carry over,
// so that a new kind of rule fails the build instead of going unchecked.
import type { z } from 'zod';
import type { Locale } from '../common.ts';
import { fieldWords } from './field.ts';
import type { FieldCheckName, FieldRule, FormCheckName, FormRules } from './page-checks.ts';
import { fieldChecks, formChecks } from './page-checks.ts';
import { signupForms, type FormKind } from './validate.ts';

/** The rules of a form and its messages in one language, for the page's JSON block. */
export function pageRules(kind: FormKind, locale: Locale): FormRules {
  const { schema, fields: definitions } = signupForms[kind];
  const fields: Record<string, FieldRule> = {};
  // Every field the schema checks, in its order.
  for (const [name, definition] of Object.entries(definitions)) {
    const rule: FieldRule = { message: fieldWords(definition, locale).error };
    describe(definition.rule, rule, `${kind}.${name}`);
    fields[name] = rule;
  }
  const across: FormRules['across'] = [];
  for (const check of schema._zod.def.checks ?? []) {
    const def = checkDef(check, kind);
    const name = pageCheckName(def);
    // A check across fields without a page name stays the server's: its 422 shows it.
    if (name === undefined || def.check !== 'custom') continue;
    const field = def.path?.[0];
    if (!isFormCheck(name) || typeof field !== 'string' || fields[field] === undefined) {
      throw new Error(`page-rules: ${kind} has a check "${name}" the page cannot run`);
    }
    across.push({ field, check: name });
  }
  return { fields, across };
}

/** What a field's rule requires, without its message: for the form's required and maxlength. */
export function ruleOf(schema: z.core.$ZodType, where: string): Omit<FieldRule, 'message'> {
  const rule: FieldRule = { message: '' };
  describe(schema, rule, where);
  const { message: _message, ...rest } = rule;
  return rest;
}

/** Adds to `rule` what `schema` requires of a field's value. */
function describe(schema: z.core.$ZodType, rule: FieldRule, where: string): void {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'pipe':
      // z.preprocess() puts a function in front, that the page cannot read: the page
      // treats a blank value of an optional field as not given, a list as a list,
      // and a ticked box as given, which is what this form's preprocessors do.
      if (def.in._zod.def.type !== 'transform') describe(def.in, rule, where);
      describe(def.out, rule, where);
      break;
    case 'optional':
    case 'default':
      rule.optional = true;
      describe(def.innerType, rule, where);
      break;
    case 'string':
      if ('pattern' in def && def.pattern instanceof RegExp) addPattern(rule, def.pattern);
      break;
    case 'enum':
      rule.values = Object.values(def.entries).map(String);
      break;
    case 'literal':
      // A ticked box: given or not, whatever the browser sends for it.
      if (!def.values.every((v) => v === true))
        throw new Error(`page-rules: ${where} is a literal`);
      break;
    case 'array': {
      rule.list = true;
      const item = (def.element as z.core.$ZodTypes)._zod.def;
      if (item.type === 'enum') rule.values = Object.values(item.entries).map(String);
      // Items of other kinds (a language and its level) come from the page's own
      // selects; the server checks them.
      else if (item.type !== 'object') throw new Error(`page-rules: ${where} lists ${item.type}`);
      break;
    }
    default:
      throw new Error(`page-rules: ${where} is a ${def.type}, which the page cannot check`);
  }
  for (const check of def.checks ?? []) addCheck(checkDef(check, where), rule, where);
}

function addCheck(def: CheckDef, rule: FieldRule, where: string): void {
  switch (def.check) {
    case 'overwrite':
      if (def.tx(' a ') !== 'a') throw new Error(`page-rules: ${where} changes its value`);
      rule.trim = true;
      break;
    case 'min_length':
      rule.min = def.minimum;
      break;
    case 'max_length':
      rule.max = def.maximum;
      break;
    case 'string_format':
      if (def.pattern === undefined) throw new Error(`page-rules: ${where} has no pattern`);
      addPattern(rule, def.pattern);
      break;
    case 'custom': {
      // A refinement without a page name stays the server's: its 422 shows it.
      const name = pageCheckName(def);
      if (name === undefined) break;
      if (!isFieldCheck(name)) throw new Error(`page-rules: ${where} has an unknown check`);
      rule.checks = [...(rule.checks ?? []), name];
      break;
    }
  }
}

type CheckDef =
  | z.core.$ZodCheckOverwriteDef
  | z.core.$ZodCheckMinLengthDef
  | z.core.$ZodCheckMaxLengthDef
  | z.core.$ZodCheckStringFormatDef
  | z.core.$ZodCustomDef;

const known = new Set(['overwrite', 'min_length', 'max_length', 'string_format', 'custom']);

function checkDef(check: z.core.$ZodCheck, where: string): CheckDef {
  const def = check._zod.def;
  if (!known.has(def.check)) {
    throw new Error(`page-rules: ${where} has a ${def.check} check the page cannot run`);
  }
  return def as CheckDef;
}

/** The name a refinement made with pageCheck() or pageCheckAcross() carries. */
function pageCheckName(def: CheckDef): string | undefined {
  if (def.check !== 'custom') return undefined;
  const name: unknown = def.params?.['pageCheck'];
  return typeof name === 'string' ? name : undefined;
}

const isFieldCheck = (name: string): name is FieldCheckName => Object.hasOwn(fieldChecks, name);
const isFormCheck = (name: string): name is FormCheckName => Object.hasOwn(formChecks, name);

function addPattern(rule: FieldRule, pattern: RegExp): void {
  rule.patterns = [...(rule.patterns ?? []), [pattern.source, pattern.flags]];
}
