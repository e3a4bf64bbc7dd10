import { describe, expect, test } from 'vitest';
import {
  formatDate,
  formatSessionTime,
  isoWithOffset,
  isUpcoming,
  offsetMinutes,
  zonedToInstant,
} from '../../../src/lib/dates.ts';

const paris = 'Europe/Paris';

describe('zonedToInstant', () => {
  test('reads a winter time in Paris as UTC+1', () => {
    expect(zonedToInstant('2026-12-05T09:30', paris).toISOString()).toBe(
      '2026-12-05T08:30:00.000Z',
    );
  });

  test('reads a summer time in Paris as UTC+2', () => {
    expect(zonedToInstant('2026-07-01T18:00', paris).toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    );
  });

  test('handles the day clocks go back (25 October 2026)', () => {
    expect(zonedToInstant('2026-10-25T10:00', paris).toISOString()).toBe(
      '2026-10-25T09:00:00.000Z',
    );
  });

  test('rejects a value that is not a local date and time', () => {
    expect(() => zonedToInstant('2026-12-05', paris)).toThrow(/YYYY-MM-DDTHH:MM/);
  });

  test('moves a time skipped by the spring change forward by the gap, as calendars do', () => {
    expect(zonedToInstant('2027-03-28T02:30', paris).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });
});

describe('offsets', () => {
  test('measures the Paris offset in winter and summer', () => {
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), paris)).toBe(60);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), paris)).toBe(120);
  });

  test('writes an instant with its Paris offset', () => {
    expect(isoWithOffset(new Date('2026-12-05T08:30:00Z'), paris)).toBe('2026-12-05T09:30+01:00');
  });
});

describe('formatSessionTime', () => {
  test('writes day and hours in French, at Paris time', () => {
    const time = formatSessionTime('2027-01-16T09:30', 180, paris, 'fr');

    expect(time.day).toBe('samedi 16 janvier 2027');
    expect(time.hours).toBe('09:30–12:30');
    expect(time.startIso).toBe('2027-01-16T09:30+01:00');
    expect(time.endIso).toBe('2027-01-16T12:30+01:00');
  });

  test('writes day and hours in English, at Paris time', () => {
    const time = formatSessionTime('2027-06-03T18:00', 90, paris, 'en');

    expect(time.day).toMatch(/^Thursday,? 3 June 2027$/);
    expect(time.hours).toBe('18:00–19:30');
  });
});

describe('isUpcoming', () => {
  const now = new Date('2027-01-16T10:00:00Z');

  test('keeps a session that has not ended yet', () => {
    expect(isUpcoming('2027-01-16T09:30', 180, paris, now)).toBe(true);
  });

  test('drops a session that is over', () => {
    expect(isUpcoming('2027-01-16T09:30', 30, paris, now)).toBe(false);
  });
});

describe('formatDate', () => {
  test('writes a calendar date in words without shifting the day', () => {
    const date = new Date('2026-03-12');

    expect(formatDate(date, 'fr')).toBe('12 mars 2026');
    expect(formatDate(date, 'en')).toBe('12 March 2026');
  });
});
