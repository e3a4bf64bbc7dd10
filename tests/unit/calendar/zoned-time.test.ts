// Paris wall times and instants, around the two DST changes of 2027
// (28 March: 02:00 → 03:00; 31 October: 03:00 → 02:00).
import { describe, expect, it } from 'vitest';
import {
  instantToZonedWallTime,
  zonedWallTimeToInstant,
  zoneOffsetMinutes,
} from '../../../src/calendar/zoned-time.ts';

const paris = 'Europe/Paris';
const utc = (local: string) => zonedWallTimeToInstant(local, paris).toISOString();

describe('zonedWallTimeToInstant', () => {
  it('reads winter times as UTC+1 and summer times as UTC+2', () => {
    expect(utc('2027-01-16T09:30')).toBe('2027-01-16T08:30:00.000Z');
    expect(utc('2027-07-01T18:00')).toBe('2027-07-01T16:00:00.000Z');
  });

  it('reads the last Sunday of March on the right side of the change', () => {
    expect(utc('2027-03-28T01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(utc('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
    expect(utc('2027-03-28T10:00')).toBe('2027-03-28T08:00:00.000Z');
  });

  it('moves a time skipped in spring forward by the hour the clocks skip', () => {
    expect(utc('2027-03-28T02:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('reads the last Sunday of October on the right side of the change', () => {
    expect(utc('2027-10-31T01:30')).toBe('2027-10-30T23:30:00.000Z');
    expect(utc('2027-10-31T03:00')).toBe('2027-10-31T02:00:00.000Z');
    expect(utc('2027-10-31T10:00')).toBe('2027-10-31T09:00:00.000Z');
  });

  it('takes the first of the two 02:30s of October, still in summer time', () => {
    expect(utc('2027-10-31T02:30')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('rejects text that is not a real local date and time', () => {
    expect(() => utc('2027-01-16')).toThrow(/YYYY-MM-DDTHH:MM/);
    expect(() => utc('2027-02-30T10:00')).toThrow(/not a real date/);
    expect(() => utc('2027-02-03T24:10')).toThrow(/not a real date/);
  });
});

describe('instantToZonedWallTime', () => {
  it('shows an instant on the Paris wall clock, either side of each change', () => {
    expect(instantToZonedWallTime(new Date('2027-03-28T00:59:00Z'), paris)).toBe(
      '2027-03-28T01:59',
    );
    expect(instantToZonedWallTime(new Date('2027-03-28T01:00:00Z'), paris)).toBe(
      '2027-03-28T03:00',
    );
    expect(instantToZonedWallTime(new Date('2027-10-31T00:30:00Z'), paris)).toBe(
      '2027-10-31T02:30',
    );
    expect(instantToZonedWallTime(new Date('2027-10-31T01:30:00Z'), paris)).toBe(
      '2027-10-31T02:30',
    );
  });

  it('round-trips every quarter hour of both change days', () => {
    const days = ['2027-03-28T00:00:00Z', '2027-10-30T22:00:00Z'];
    for (const day of days) {
      for (let quarter = 0; quarter < 4 * 26; quarter += 1) {
        const instant = new Date(Date.parse(day) + quarter * 15 * 60_000);
        const wall = instantToZonedWallTime(instant, paris);

        const back = zonedWallTimeToInstant(wall, paris);

        // The repeated hour of October comes back as its first occurrence.
        const repeated =
          zoneOffsetMinutes(instant, paris) === 60 && wall.startsWith('2027-10-31T02');
        expect(back.getTime()).toBe(repeated ? instant.getTime() - 3_600_000 : instant.getTime());
      }
    }
  });
});
