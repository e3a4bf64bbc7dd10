// What the forms refuse because no person types it (control characters, bidi
// overrides, texts made only of invisible characters, addresses mail systems
// refuse), and the real names, in every script, they keep accepting. The page
// runs the same rules (page-rules.ts): both must agree.
import { describe, expect, it } from 'vitest';
import { fromFormEntries } from '../../../src/schemas/forms/form-data.ts';
import { checkForm } from '../../../src/schemas/forms/page-checks.ts';
import { pageRules } from '../../../src/schemas/forms/page-rules.ts';
import { validateRegistration } from '../../../src/schemas/forms/registration.ts';
import { validateForm, type FormKind } from '../../../src/schemas/forms/validate.ts';
import { formBody, observerJson, volunteerForm } from '../../support-server/forms.ts';

const zwnj = '\u200C';

/** Real names as people write them, each in its own script. */
const realNames = {
  Arabic: 'محمد عبد الله',
  'Persian, with a zero-width non-joiner inside a word': `زهرا مهدی${zwnj}زاده`,
  Pashto: 'ملالۍ یوسفزۍ',
  Tigrinya: 'ሃብቶም ገብረመድህን',
  Amharic: 'አበበ በቀለ',
  'Kurdish (Sorani)': 'شێرکۆ بێکەس',
  Chinese: '王小明',
  'Vietnamese with diacritics': 'Nguyễn Thị Ánh Tuyết',
  'Vietnamese, decomposed (combining marks)': 'Nguyễn Thị Ánh'.normalize('NFD'),
  'an apostrophe and a hyphen': 'Séverine O’Brien-Dupont',
  'a straight apostrophe': "D'Angelo Jean-Pierre",
  'two letters': 'Li',
};

/** Names no person types. */
const junkNames = {
  'zero-width spaces only': '\u200B\u200B\u200B',
  'zero-width joiners and non-joiners only': `${zwnj}\u200D${zwnj}\u2060`,
  'soft hyphens only': '\u00AD\u00AD\u00AD',
  'a NUL': 'Camille\u0000 Martin',
  'a bell (C0 control)': 'Cam\u0007ille',
  'a next-line (C1 control)': '\u0085Camille',
  'a line break': 'Camille\nMartin',
  'a right-to-left override': 'Camille \u202Efdp.exe',
  'a left-to-right embedding': '\u202ACamille\u202C',
  'an isolate': '\u2066Camille\u2069',
  'a lone surrogate': 'Cam\uD800ille',
  'digits and punctuation only': '12 -- 34',
};

const registration = (name: string, email = 'camille@example.org') => ({
  locale: 'en',
  name,
  email,
  consent: 'on',
  privacyVersion: observerJson()['privacyVersion'],
});

/** The server's errors and the page's for the same data, which must be the same. */
function bothSides(kind: FormKind, data: Record<string, unknown>) {
  const server = validateForm(kind, data, 'en');
  const page = checkForm(pageRules(kind, 'en'), data);
  return { server: server.ok ? {} : server.errors, page };
}

/** A valid application as a form sends it, with some fields then set as given (JSON can carry what a form cannot). */
const volunteer = (overrides: Record<string, string>) => ({
  ...fromFormEntries(formBody(volunteerForm({ locale: 'en' }))),
  ...overrides,
});
const observer = (overrides: Record<string, string>) => ({
  ...fromFormEntries(
    formBody({
      ...(observerJson() as Record<string, string | string[]>),
      charter: 'yes',
      consent: 'yes',
    }),
  ),
  ...overrides,
});

describe('names in every script', () => {
  it.each(Object.entries(realNames))(
    'accepts a name in %s, on the server and on the page',
    (_, name) => {
      const volunteerSides = bothSides('volunteer', volunteer({ name }));
      const observerSides = bothSides('observer', observer({ name }));

      expect(volunteerSides).toEqual({ server: {}, page: {} });
      expect(observerSides).toEqual({ server: {}, page: {} });
      expect(validateRegistration(registration(name), 'en').ok).toBe(true);
    },
  );

  it('keeps the zero-width non-joiner of a Persian name as typed', () => {
    const name = realNames['Persian, with a zero-width non-joiner inside a word'];

    const result = validateForm('observer', observerJson({ name }), 'en');

    expect(result.ok && result.data.name).toBe(name);
  });

  it.each(Object.entries(junkNames))(
    'refuses a name with %s, on the server and on the page, with the name’s message',
    (_, name) => {
      const sides = bothSides('volunteer', volunteer({ name }));
      const registered = validateRegistration(registration(name), 'fr');

      expect(Object.keys(sides.server)).toEqual(['name']);
      expect(sides.page).toEqual(sides.server);
      expect(sides.server['name']).toContain('no invisible or control character');
      expect(registered).toEqual({
        ok: false,
        errors: {
          name: 'Indiquez votre nom en lettres, en 2 à 100 caractères, sans caractère invisible ou de contrôle.',
        },
      });
    },
  );
});

describe('other free texts', () => {
  it('accepts a motivation over several lines, with tabs and a right-to-left language', () => {
    const motivation =
      'Interprète arabe/français.\r\n\tأريد المساعدة في الترجمة.\r\nDisponible le samedi.';

    expect(bothSides('volunteer', volunteer({ motivation }))).toEqual({ server: {}, page: {} });
  });

  it.each([
    ['motivation', 'volunteer', 'Je veux aider\u0000 les personnes exilées.'],
    ['motivation', 'volunteer', '\u200B'.repeat(20)],
    ['otherLanguages', 'volunteer', 'Kurmanji\u202E, fluent'],
    ['otherLanguages', 'volunteer', '\u2060\u2060\u2060'],
    ['organisation', 'observer', 'Coastal\u0007 Weekly'],
    ['organisation', 'observer', 'Coastal\nWeekly'],
    ['project', 'observer', 'A long-form article\u2067 on access to care.'],
    ['project', 'observer', zwnj.repeat(12)],
  ] as const)(
    'refuses a %s (%s) with a control or only invisible characters',
    (field, kind, value) => {
      const data =
        kind === 'volunteer' ? volunteer({ [field]: value }) : observer({ [field]: value });

      const sides = bothSides(kind, data);

      expect(Object.keys(sides.server)).toEqual([field]);
      expect(sides.page).toEqual(sides.server);
    },
  );
});

describe('email addresses', () => {
  const local64 = 'a'.repeat(64);

  it('accepts a local part of 64 characters and refuses one of 65, on the server and the page', () => {
    const ok = bothSides('volunteer', volunteer({ email: `${local64}@example.org` }));
    const tooLong = bothSides('volunteer', volunteer({ email: `${local64}b@example.org` }));

    expect(ok).toEqual({ server: {}, page: {} });
    expect(Object.keys(tooLong.server)).toEqual(['email']);
    expect(tooLong.page).toEqual(tooLong.server);
    expect(tooLong.server['email']).toContain('64 before the “@”');
  });

  it('refuses an address over 254 characters, in registrations too', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.org`;
    const address = `camille@${domain}`;

    expect(address.length).toBeGreaterThan(254);
    expect(validateRegistration(registration('Camille', address), 'en')).toMatchObject({
      ok: false,
      errors: { email: expect.stringContaining('at most 254 characters') as unknown },
    });
  });
});
