// The scheduled session notices: a reminder 48 h before, a notice when a
// trainer cancels, each sent once whatever the runs and the provider do.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sessionUid } from '../../src/calendar/uid.ts';
import { TemporaryError } from '../../src/server/errors.ts';
import type { SessionData } from '../../src/schemas/session.ts';
import { drainRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { sendSessionNotices } from '../../src/server/registrations/notify.ts';
import { registerForSession } from '../../src/server/registrations/register.ts';
import { registrationDeps, sessionData, enrolCamilleSamAndLou } from './builders.ts';

// 2027-01-16T09:30 in Paris is 08:30 UTC.
const start = Date.parse('2027-01-16T08:30:00Z');
const hours = (n: number) => n * 60 * 60_000;

/** Two seats, three people: Camille and Sam confirmed, Lou waiting. */
async function setup(session: Partial<SessionData> = {}) {
  const sessions = [sessionData(session)];
  const { base, deps } = registrationDeps(sessions);
  await enrolCamilleSamAndLou(deps);
  await drainRegistrationEmails(deps);
  base.mailer.delivered.clear();
  const at = (instant: number) => {
    base.clock.advance(instant - base.clock.now());
  };
  return { deps, mailer: base.mailer, sessions, at };
}

const kinds = (messages: { tags?: Record<string, string> }[]) =>
  messages.map((m) => m.tags?.['kind']);

describe('session reminders', () => {
  it('sends nothing 49 hours before the session', async () => {
    const { deps, mailer, at } = await setup();
    at(start - hours(49));

    const report = await sendSessionNotices(deps);

    expect(report.owed).toBe(0);
    expect(mailer.delivered.size).toBe(0);
  });

  it('reminds each confirmed registrant once, 47 hours before, in their language, and nobody waiting', async () => {
    const { deps, mailer, at } = await setup();
    at(start - hours(47));

    await sendSessionNotices(deps);
    at(start - hours(46));
    await sendSessionNotices(deps);

    expect(kinds(mailer.to('camille@example.org'))).toEqual(['registration-reminder']);
    expect(mailer.to('camille@example.org')[0]?.subject).toMatch(/^Rappel/);
    expect(mailer.to('sam@example.org')[0]?.subject).toMatch(/^Reminder/);
    expect(mailer.to('lou@example.org')).toEqual([]);
    expect(mailer.delivered.size).toBe(2);
    expect([...mailer.delivered.keys()].every((key) => key.endsWith(':reminder'))).toBe(true);
  });

  it('sends nothing once the session has started', async () => {
    const { deps, mailer, at } = await setup();
    at(start + hours(1));

    await sendSessionNotices(deps);

    expect(mailer.delivered.size).toBe(0);
  });
});

describe('sessions cancelled by a trainer', () => {
  it('tells everyone registered once, with a METHOD:CANCEL invitation of the same UID for those who had a seat', async () => {
    const { deps, mailer, at, sessions } = await setup();
    at(start - hours(100));
    sessions[0] = sessionData({ status: 'cancelled' });

    await sendSessionNotices(deps);
    await sendSessionNotices(deps);

    expect(mailer.delivered.size).toBe(3);
    expect(kinds(mailer.to('lou@example.org'))).toEqual(['registration-session-cancelled']);
    expect(mailer.to('lou@example.org')[0]?.attachments).toBeUndefined();
    const attachment = mailer.to('camille@example.org')[0]?.attachments?.[0];
    expect(attachment?.contentType).toContain('method=CANCEL');
    const calendar = new ICAL.Component(
      ICAL.parse(new TextDecoder().decode(attachment?.content)) as unknown[],
    );
    const event = calendar.getFirstSubcomponent('vevent');
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event?.getFirstPropertyValue('uid')).toBe(
      sessionUid('induction-calais', 'calais.example.org'),
    );
    expect(Number(event?.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);
  });

  it('ends with exactly one email each when the provider fails and then recovers', async () => {
    const { deps, mailer, at, sessions } = await setup();
    sessions[0] = sessionData({ status: 'cancelled' });
    at(start - hours(30));
    let failures = 2;
    mailer.fault = () => (failures-- > 0 ? new TemporaryError('resend_429', 1000) : undefined);

    await sendSessionNotices(deps);
    await sendSessionNotices(deps);
    await drainRegistrationEmails(deps);
    await sendSessionNotices(deps);

    expect(mailer.delivered.size).toBe(3);
    for (const email of ['camille@example.org', 'sam@example.org', 'lou@example.org']) {
      expect(kinds(mailer.to(email))).toEqual(['registration-session-cancelled']);
    }
    expect(await deps.ledger.unsent()).toEqual([]);
  });
});

describe('requests nobody confirmed', () => {
  it('are dropped by the scheduled run once their 48 hours have passed, and only then', async () => {
    const { base, deps } = registrationDeps();
    const registered = await registerForSession(deps, 'induction-calais', {
      name: 'Someone',
      email: 'unconfirmed@example.org',
      locale: 'fr',
      privacyVersion: '2026-11',
    });
    const id = registered.ok ? registered.registration.id : '';

    base.clock.advance(47 * 3_600_000);
    const early = await sendSessionNotices(deps);
    base.clock.advance(2 * 3_600_000);
    const late = await sendSessionNotices(deps);

    expect([early.unverified, late.unverified]).toEqual([0, 1]);
    expect(await deps.ledger.find('induction-calais', id)).toBeNull();
  });
});
