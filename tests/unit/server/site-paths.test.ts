import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sitePath } from '../../../src/server/site-paths.ts';

// src/lib/urls.ts needs astro:i18n, so its sections are read as text here.
const urls = await readFile(new URL('../../../src/lib/urls.ts', import.meta.url), 'utf8');
const section = (name: string) => {
  const match = new RegExp(`\\b${name}: \\{ fr: '([^']+)', en: '([^']+)' \\}`).exec(urls);
  return { fr: match?.[1], en: match?.[2] };
};

describe('paths the functions link to', () => {
  it('match the site’s own sections', () => {
    const join = section('join');
    const training = section('training');

    expect(sitePath('join', 'fr')).toBe(`/${join.fr ?? ''}/`);
    expect(sitePath('join', 'en')).toBe(`/en/${join.en ?? ''}/`);
    expect(sitePath('thankYou', 'fr').startsWith(sitePath('join', 'fr'))).toBe(true);
    expect(sitePath('thankYou', 'en').startsWith(sitePath('join', 'en'))).toBe(true);
    expect(sitePath('training', 'fr')).toBe(`/${training.fr ?? ''}/`);
    expect(sitePath('training', 'en')).toBe(`/en/${training.en ?? ''}/`);
  });
});
