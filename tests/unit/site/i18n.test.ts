import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { otherLocale, t as translate, textList } from '../../../src/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  test('French and English have exactly the same keys', () => {
    const frKeys = Object.keys(fr).sort();

    const enKeys = Object.keys(en).sort();

    expect(enKeys).toEqual(frKeys);
  });

  test('no string is empty in either language', () => {
    const empty = [...Object.entries(fr), ...Object.entries(en)].filter(
      ([, text]) => text.trim() === '',
    );

    expect(empty).toEqual([]);
  });

  test('each string has the same {placeholders} in both languages', () => {
    const mismatched = Object.entries(fr)
      .filter(([key, text]) => {
        const english = (en as Record<string, string>)[key] ?? '';
        return placeholders(text).join() !== placeholders(english).join();
      })
      .map(([key]) => key);

    expect(mismatched).toEqual([]);
  });

  test('translate fills placeholders with the given values', () => {
    const text = translate('en', 'pagination.status', { page: 2, count: 5 });

    expect(text).toBe('Page 2 of 5');
  });

  test('translate leaves a placeholder without value visible rather than dropping it', () => {
    const text = translate('fr', 'stories.by');

    expect(text).toBe('Par {author}');
  });

  test('textList reads numbered texts in order and stops at the first gap', () => {
    const rules = textList('en', 'form.charter.rule');

    expect(rules).toEqual([
      en['form.charter.rule.1'],
      en['form.charter.rule.2'],
      en['form.charter.rule.3'],
    ]);
  });

  test('the other locale of French is English and back', () => {
    expect(otherLocale('fr')).toBe('en');
    expect(otherLocale('en')).toBe('fr');
  });
});
