// Formula escaping, checked with the fake's formula evaluator, which treats
// strings and escapes as Airtable does.

import { describe, expect, it } from 'vitest';
import { fieldEqualsAny, formulaString } from '../../../src/server/adapters/airtable-formula.ts';
import { evaluateFormula, parseFormula } from '../../fakes/fake-airtable-formula.ts';

const known = new Set(['Email', 'Application ID']);
const matches = (formula: string, fields: Record<string, unknown>) =>
  evaluateFormula(parseFormula(formula, known), fields);

describe('formula strings', () => {
  it('escape backslashes before double quotes', () => {
    const value = 'a\\"b';

    const literal = formulaString(value);

    expect(literal).toBe('"a\\\\\\"b"');
  });

  it('read back as the very value they were made from', () => {
    const values = [
      'plain',
      'with "quotes"',
      'back\\slash',
      'both \\" mixed',
      "single ' quote",
      'x@y.z", TRUE(), "',
    ];

    for (const value of values) {
      expect(matches(`{Email}=${formulaString(value)}`, { Email: value })).toBe(true);
      expect(matches(`{Email}=${formulaString(value)}`, { Email: `${value}!` })).toBe(false);
    }
  });
});

describe('fieldEqualsAny', () => {
  it('matches records holding any of the values and no other', () => {
    const formula = fieldEqualsAny('Application ID', ['app_1', 'app_2']);

    expect(matches(formula, { 'Application ID': 'app_2' })).toBe(true);
    expect(matches(formula, { 'Application ID': 'app_3' })).toBe(false);
  });

  it('matches nothing for no values', () => {
    const formula = fieldEqualsAny('Application ID', []);

    expect(matches(formula, { 'Application ID': '' })).toBe(false);
  });

  it('keeps an injection attempt inside its string', () => {
    const injected = 'x@y.z", TRUE(), "';

    const formula = fieldEqualsAny('Email', [injected, 'other']);

    expect(matches(formula, { Email: 'someone@example.org' })).toBe(false);
  });

  it('would match every record if the value were not escaped, as on Airtable', () => {
    const injected = 'x@y.z", TRUE(), "';

    const unescaped = `OR({Email}="${injected}",{Email}="other")`;

    expect(matches(unescaped, { Email: 'someone@example.org' })).toBe(true);
  });
});
