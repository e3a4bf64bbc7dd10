import { describe, expect, it } from 'vitest';
import {
  registrationClosesAt,
  registrationOpen,
  sessionInstants,
  upcomingSessions,
} from '../../../src/calendar/session-instants.ts';
import { sessionSchema } from '../../../src/schemas/session.ts';
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

describe('registrationClosesAt', () => {
  it('is the trainer’s Paris time, in summer time too', () => {
    const session = sessionData({
      start: '2027-07-10T09:00',
      registrationCloses: '2027-07-09T20:00',
    });

    expect(registrationClosesAt(session).toISOString()).toBe('2027-07-09T18:00:00.000Z');
  });

  it('is the start when the trainer sets no time', () => {
    expect(registrationClosesAt(sessionData()).toISOString()).toBe('2027-01-16T08:30:00.000Z');
  });
});

describe('registrationOpen', () => {
  it('is open before the closing instant, closed from it on, and never for a cancelled session', () => {
    const session = sessionData({ registrationCloses: '2027-01-15T18:00' });

    expect(registrationOpen(session, new Date('2027-01-15T16:59:59.999Z'))).toBe(true);
    expect(registrationOpen(session, new Date('2027-01-15T17:00:00.000Z'))).toBe(false);
    expect(
      registrationOpen({ ...session, status: 'cancelled' }, new Date('2027-01-01T00:00:00Z')),
    ).toBe(false);
  });
});

describe('the session schema', () => {
  it('refuses a registration closing after the session ends, and takes one during it', () => {
    const during = sessionSchema.safeParse(sessionData({ registrationCloses: '2027-01-16T12:30' }));
    const afterEnd = sessionSchema.safeParse(
      sessionData({ registrationCloses: '2027-01-16T12:31' }),
    );

    expect(during.success).toBe(true);
    expect(afterEnd.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['registrationCloses'], 'registration cannot close after the session ends'],
    ]);
  });
});
