import { describe, expect, it } from 'vitest';
import { fromFormEntries } from '../../../src/schemas/forms/form-data.ts';
import { validateForm } from '../../../src/schemas/forms/validate.ts';
import { formBody, volunteerForm } from '../../support-server/forms.ts';

const check = (overrides: Record<string, string | string[]>) =>
  validateForm('volunteer', fromFormEntries(formBody(volunteerForm(overrides))), 'en');

describe('volunteer form rules', () => {
  it('turns language rows into a list, leaving out the ones not spoken', () => {
    const result = check({ 'lang-ti': 'native', 'lang-ar': 'none', 'lang-en': '' });

    expect(result.ok && result.data.languages).toEqual([{ code: 'ti', level: 'native' }]);
  });

  it('accepts another language alone, and refuses no language at all', () => {
    expect(
      check({ 'lang-ar': 'none', 'lang-en': 'none', otherLanguages: 'Kurmanji, fluent' }).ok,
    ).toBe(true);
    expect(check({ 'lang-ar': 'none', 'lang-en': 'none' })).toEqual({
      ok: false,
      errors: { languages: 'Give at least one language you speak, with your level.' },
    });
  });

  it('treats an empty optional field as not given', () => {
    const result = check({ phone: '', heardFrom: '' });

    expect(result.ok && 'phone' in result.data && result.data.phone).toBeFalsy();
  });

  it('refuses an unknown profession, level or language', () => {
    expect(check({ profession: 'astronaut' }).ok).toBe(false);
    expect(check({ 'lang-ar': 'expert' }).ok).toBe(false);
    expect(check({ 'lang-xx': 'fluent' }).ok).toBe(false);
  });

  it('needs the consent box ticked and a known privacy notice version', () => {
    const unticked = check({ consent: '' });
    const outdated = check({ privacyVersion: '1999-01-01' });

    expect(!unticked.ok && Object.keys(unticked.errors)).toEqual(['consent']);
    expect(!outdated.ok && Object.keys(outdated.errors)).toEqual(['privacyVersion']);
  });

  it('keeps a field named __proto__ as a plain, ignored field', () => {
    const result = validateForm(
      'volunteer',
      fromFormEntries([...formBody(volunteerForm()), ['__proto__', 'x']]),
      'fr',
    );

    expect(result.ok).toBe(true);
  });
});
