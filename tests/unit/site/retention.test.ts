// The retention periods: one module that the privacy page, the forms and the
// purge all read, so the page never states a number the code does not keep.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  cutoff,
  keptUntil,
  retentionPeriods,
  retentionText,
} from '../../../src/lib/retention.ts';
import { fieldWords } from '../../../src/schemas/forms/field.ts';
import { applicantFields } from '../../../src/schemas/forms/fields.ts';

const privacyPage = (locale: 'fr' | 'en') =>
  readFileSync(new URL(`../../../content/pages/${locale}/privacy.mdx`, import.meta.url), 'utf8');

describe('retention periods', () => {
  it('keeps applications 24 months and registrations 12 months, as the privacy page promises', () => {
    expect(retentionPeriods.applications).toEqual({ months: 24 });
    expect(retentionPeriods.registrations).toEqual({ months: 12 });
    expect(retentionPeriods.pending).toEqual({ days: 7 });
  });

  it('counts months on the calendar, so 24 months after a day is that day two years on', () => {
    const from = new Date('2025-03-15T10:00:00Z');

    expect(keptUntil('applications', from).toISOString()).toBe('2027-03-15T10:00:00.000Z');
    expect(addPeriod(from, { days: 30 }).toISOString()).toBe('2025-04-14T10:00:00.000Z');
  });

  it('puts the cutoff exactly one period before now', () => {
    const now = new Date('2027-06-01T00:00:00Z');

    expect(cutoff('registrations', now).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(cutoff('suspectedSpam', now).toISOString()).toBe('2027-05-02T00:00:00.000Z');
  });

  it('writes each rule out in both languages', () => {
    expect(retentionText('applications', 'fr')).toBe('24 mois après notre dernier échange');
    expect(retentionText('registrations', 'en')).toBe('12 months after the date of the session');
    expect(fieldWords(applicantFields.consent, 'en').hint).toContain(
      `We keep it for ${retentionText('applications', 'en')}.`,
    );
  });
});

describe('the privacy page', () => {
  it.each(['fr', 'en'] as const)(
    'shows every period from the module and writes none by hand (%s)',
    (locale) => {
      const source = privacyPage(locale);

      for (const kind of [
        'applications',
        'registrations',
        'suspectedSpam',
        'pending',
        'erasureRecords',
      ]) {
        expect(source).toContain(`{props.retention.${kind}}`);
      }
      expect(source).not.toMatch(/\b\d+\s+(mois|jours|months|days)\b/);
    },
  );
});
