import { describe, expect, it } from 'vitest';
import { nonBlankString, stringOrEmpty } from '../../../src/lib/values.ts';

describe('reading unknown values as text', () => {
  it('keeps a string and gives the empty string for anything else', () => {
    expect(stringOrEmpty('abc')).toBe('abc');
    expect(stringOrEmpty(['abc'])).toBe('');
    expect(stringOrEmpty(undefined)).toBe('');
    expect(stringOrEmpty(42)).toBe('');
  });

  it('keeps a string with something to read, as it is, and nothing else', () => {
    expect(nonBlankString(' Kurmanji ')).toBe(' Kurmanji ');
    expect(nonBlankString('   ')).toBeUndefined();
    expect(nonBlankString('')).toBeUndefined();
    expect(nonBlankString(null)).toBeUndefined();
    expect(nonBlankString({ name: 'x' })).toBeUndefined();
  });
});
