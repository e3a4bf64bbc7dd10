import { describe, expect, it } from 'vitest';
import { sessionInstants, upcomingSessions } from '../../../src/calendar/session-instants.ts';
import { sessionData } from './session-builder.ts';

describe('sessionInstants', () => {
  it('starts at the Paris wall time and lasts the announced minutes', () => {
    const session = sessionData({ start: '2027-01-16T09:30', durationMinutes: 180 });

    const { start, end } = sessionInstants(session);

    expect(start.toISOString()).toBe('2027-01-16T08:30:00.000Z');
    expect(end.toISOString()).toBe('2027-01-16T11:30:00.000Z');
  });

  it('lasts its real duration across the March change, though the clock jumps', () => {
    const session = sessionData({ start: '2027-03-28T01:00', durationMinutes: 180 });

    const { start, end } = sessionInstants(session);

    expect(start.toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-28T03:00:00.000Z');
  });

  it('lasts its real duration across the October change, though the clock goes back', () => {
    const session = sessionData({ start: '2027-10-31T01:00', durationMinutes: 180 });

    const { start, end } = sessionInstants(session);

    expect(start.toISOString()).toBe('2027-10-30T23:00:00.000Z');
    expect(end.toISOString()).toBe('2027-10-31T02:00:00.000Z');
  });
});

describe('upcomingSessions', () => {
  it('keeps the sessions not yet over, in the order they start', () => {
    const past = sessionData({ slug: 'past', start: '2027-01-10T09:00' });
    const running = sessionData({
      slug: 'running',
      start: '2027-01-16T09:00',
      durationMinutes: 120,
    });
    const later = sessionData({ slug: 'later', start: '2027-02-01T09:00' });
    const soon = sessionData({ slug: 'soon', start: '2027-01-20T09:00' });

    const upcoming = upcomingSessions(
      [later, past, running, soon],
      new Date('2027-01-16T09:00:00Z'),
    );

    expect(upcoming.map((s) => s.slug)).toEqual(['running', 'soon', 'later']);
  });
});
