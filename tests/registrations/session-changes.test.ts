// A trainer changes a session (its time, place, capacity, or cancels then
// schedules it again) and the scheduled notices follow, over both seat ledgers:
// each change told once, in order, in the registrant's language only, with an
// invitation that updates the event already in their calendar.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionUid } from '../../src/calendar/uid.ts';
import { BlobsLedger } from '../../src/server/adapters/blobs-ledger.ts';
import { LocalLedger } from '../../src/server/adapters/local-ledger.ts';
import type { EmailMessage, RegistrationLedger } from '../../src/server/ports.ts';
import { drainRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { sendSessionNotices, sessionsOverCapacity } from '../../src/server/registrations/notify.ts';
import type { SessionData } from '../../src/schemas/session.ts';
import { localBlobs, type LocalBlobs } from '../support-server/local-blobs.ts';
import { enrolCamilleSamAndLou, registrationDeps, sessionData } from './builders.ts';

let blobs: LocalBlobs;
let stores = 0;
beforeAll(async () => {
  blobs = await localBlobs('session-changes-');
});
afterAll(async () => {
  await blobs.close();
});

const ledgers: [string, () => RegistrationLedger][] = [
  ['SQLite ledger', () => new LocalLedger({ file: ':memory:' })],
  [
    'Netlify Blobs ledger',
    () => new BlobsLedger({ store: blobs.store(`registrations-${String(++stores)}`) }),
  ],
];

interface Invitation {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  location: string;
  organizer: string;
  attendee: string;
}

/** The attached invitation as a calendar app reads it (ical.js), or undefined. */
function invitationOf(message: EmailMessage | undefined): Invitation | undefined {
  const attachment = message?.attachments?.[0];
  if (attachment === undefined) return undefined;
  const calendar = new ICAL.Component(
    ICAL.parse(new TextDecoder().decode(attachment.content)) as unknown[],
  );
  const event = calendar.getFirstSubcomponent('vevent');
  const method = String(calendar.getFirstPropertyValue('method'));
  expect(attachment.contentType).toContain(`method=${method}`);
  const start = event?.getFirstPropertyValue('dtstart') as ICAL.Time | undefined;
  return {
    method,
    uid: String(event?.getFirstPropertyValue('uid')),
    sequence: Number(event?.getFirstPropertyValue('sequence')),
    start: start?.toJSDate().toISOString() ?? '',
    location: String(event?.getFirstPropertyValue('location')),
    // The "mailto:" scheme is case-insensitive (RFC 3986).
    organizer: String(event?.getFirstPropertyValue('organizer')).toLowerCase(),
    attendee: String(event?.getFirstPropertyValue('attendee')).toLowerCase(),
  };
}

const uid = sessionUid('induction-calais', 'calais.example.org');
const kinds = (messages: EmailMessage[]) => messages.map((m) => m.tags?.['kind']);

describe.each(ledgers)('a session a trainer changes (%s)', (_name, makeLedger) => {
  /** Two seats, three people: Camille (fr) and Sam (en) have a seat, Lou (fr) waits. */
  async function setup() {
    const sessions = [sessionData()];
    const { base, deps } = registrationDeps(sessions, makeLedger());
    await enrolCamilleSamAndLou(deps);
    await drainRegistrationEmails(deps);
    const first = invitationOf(base.mailer.to('camille@example.org').at(-1));
    base.mailer.delivered.clear();
    /** The trainer edits the session and the site is rebuilt: the catalogue says this now. */
    const change = (overrides: Partial<SessionData>) => {
      sessions[0] = { ...(sessions[0] ?? sessionData()), ...overrides };
    };
    /** A scheduled run, some time after the last. */
    const run = async () => {
      base.clock.advance(15 * 60_000);
      return sendSessionNotices(deps);
    };
    return { deps, base, mailer: base.mailer, first, change, run };
  }

  it('tells each seat holder of a new time once, with an invitation that updates their event, and each person waiting with a note', async () => {
    const { mailer, first, change, run } = await setup();

    change({ start: '2027-01-17T14:00' });
    const report = await run();
    await run();
    await run();

    expect(report.owed).toBe(3);
    expect(mailer.delivered.size).toBe(3);
    expect([...mailer.delivered.keys()].every((k) => k.endsWith(':session-changed-1'))).toBe(true);
    const camille = mailer.to('camille@example.org');
    expect(kinds(camille)).toEqual(['registration-session-changed']);
    expect(first).toMatchObject({ method: 'REQUEST', uid, sequence: 0 });
    expect(invitationOf(camille[0])).toMatchObject({
      method: 'REQUEST',
      uid,
      sequence: 1,
      // 14:00 in Paris in January is 13:00 UTC.
      start: '2027-01-17T13:00:00.000Z',
      organizer: 'mailto:coordination@example.org',
      attendee: 'mailto:camille@example.org',
    });
    expect(camille[0]?.subject).toBe('Session modifiée : Accueil des nouveaux bénévoles');
    expect(camille[0]?.text).toContain(
      'Quand : samedi 16 janvier 2027, 09:30–12:30 → dimanche 17 janvier 2027, 14:00–17:00',
    );
    const sam = mailer.to('sam@example.org')[0];
    expect(sam?.subject).toBe('Session changed: Welcome for new volunteers');
    expect(sam?.text).toContain(
      'When: Saturday, 16 January 2027, 09:30–12:30 → Sunday, 17 January 2027, 14:00–17:00',
    );
    expect(invitationOf(sam)).toMatchObject({ uid, sequence: 1 });
    const lou = mailer.to('lou@example.org');
    expect(kinds(lou)).toEqual(['registration-session-changed']);
    expect(lou[0]?.attachments).toBeUndefined();
    expect(lou[0]?.text).toContain('liste d’attente');
  });

  it('writes French only to French registrants and English only to English ones', async () => {
    const { mailer, change, run } = await setup();

    change({
      place: {
        name: { fr: 'Salle des fêtes', en: 'Village hall' },
        address: '2 place de l’Exemple, 62100 Calais',
      },
    });
    await run();

    const french = mailer.to('camille@example.org')[0]?.text ?? '';
    const english = mailer.to('sam@example.org')[0]?.text ?? '';
    expect(french).toContain('Ce qui change');
    expect(french).toContain(
      'Où : Local de la délégation, 1 rue de l’Exemple, 62100 Calais → Salle des fêtes, 2 place de l’Exemple, 62100 Calais',
    );
    for (const word of ['What changes', 'When', 'Where', 'Trainer', 'calendar', 'seat'])
      expect(french).not.toContain(word);
    expect(english).toContain('What changes');
    for (const word of ['Ce qui change', 'Quand', 'Animation', 'agenda', 'place vous'])
      expect(english).not.toContain(word);
  });

  it('tells of a place name fixed in one language only those who read that language', async () => {
    const { mailer, change, run } = await setup();

    change({
      place: {
        name: { fr: 'Local de la délégation', en: 'Delegation office' },
        address: '1 rue de l’Exemple, 62100 Calais',
      },
    });
    await run();
    await run();

    expect(mailer.to('camille@example.org')).toEqual([]);
    expect(mailer.to('lou@example.org')).toEqual([]);
    const sam = mailer.to('sam@example.org');
    expect(kinds(sam)).toEqual(['registration-session-changed']);
    expect(sam[0]?.text).toContain('Delegation premises, 1 rue');
    expect(sam[0]?.text).toContain('→ Delegation office, 1 rue');
  });

  it('gives two changes in a row as two updates, in order, each with a higher SEQUENCE', async () => {
    const { mailer, change, run } = await setup();

    change({ start: '2027-01-17T14:00' });
    await run();
    change({ videoLink: 'https://visio.example.org/induction' });
    await run();
    await run();

    const camille = mailer.to('camille@example.org');
    expect(kinds(camille)).toEqual([
      'registration-session-changed',
      'registration-session-changed',
    ]);
    const [one, two] = camille.map(invitationOf);
    expect([one?.sequence, two?.sequence]).toEqual([1, 2]);
    expect([one?.uid, two?.uid]).toEqual([uid, uid]);
    expect(two?.start).toBe('2027-01-17T13:00:00.000Z');
    expect(camille[1]?.text).toContain(
      'Lien de la visio : aucun lien → https://visio.example.org/induction',
    );
    expect(camille[1]?.text).not.toContain('samedi');
    expect(kinds(mailer.to('lou@example.org'))).toHaveLength(2);
  });

  it('cancels with METHOD:CANCEL, then, scheduled again, invites every seat holder again with a higher SEQUENCE', async () => {
    const { mailer, change, run } = await setup();

    change({ status: 'cancelled' });
    await run();
    change({ status: 'scheduled' });
    await run();
    await run();

    const camille = mailer.to('camille@example.org');
    expect(kinds(camille)).toEqual([
      'registration-session-cancelled',
      'registration-session-rescheduled',
    ]);
    const [cancelled, again] = camille.map(invitationOf);
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid, sequence: 1 });
    expect(again).toMatchObject({
      method: 'REQUEST',
      uid,
      sequence: 2,
      start: '2027-01-16T08:30:00.000Z',
    });
    expect(camille[1]?.subject).toBe('La session aura bien lieu : Accueil des nouveaux bénévoles');
    expect(mailer.to('sam@example.org')[1]?.subject).toBe(
      'Session back on: Welcome for new volunteers',
    );
    const lou = mailer.to('lou@example.org');
    expect(kinds(lou)).toEqual([
      'registration-session-cancelled',
      'registration-session-rescheduled',
    ]);
    expect(lou.map((m) => m.attachments)).toEqual([undefined, undefined]);
  });

  it('gives a seat a raised capacity frees to the first person waiting, with the "a seat is yours" email and invitation', async () => {
    const { deps, mailer, change, run } = await setup();

    change({ capacity: 3 });
    const report = await run();
    await run();

    expect(report.promoted).toBe(1);
    const lou = mailer.to('lou@example.org');
    expect(kinds(lou)).toEqual(['registration-promoted']);
    expect(lou[0]?.subject).toMatch(/^Une place s’est libérée pour vous/);
    expect(invitationOf(lou[0])).toMatchObject({ method: 'REQUEST', uid, sequence: 0 });
    expect(mailer.delivered.size).toBe(1);
    expect(await deps.ledger.seats('induction-calais', 3)).toMatchObject({
      confirmed: 3,
      waiting: 0,
    });
  });

  it('takes no one’s seat when the capacity is lowered below the seats given, and tells the trainer without naming anyone', async () => {
    const { deps, base, mailer, change, run } = await setup();

    change({ capacity: 1 });
    const report = await run();

    expect(report.overCapacity).toEqual([{ slug: 'induction-calais', capacity: 1, confirmed: 2 }]);
    expect(await sessionsOverCapacity(deps)).toEqual(report.overCapacity);
    expect(mailer.delivered.size).toBe(0);
    expect(await deps.ledger.seats('induction-calais', 1)).toMatchObject({
      confirmed: 2,
      waiting: 1,
    });
    const line = base.logLines.find((l) => l.includes('session_over_capacity')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ slug: 'induction-calais', capacity: 1, count: 2 });
    expect(line).not.toMatch(/@|Camille|Sam|Lou/);
  });

  it('owes nothing when the site is rebuilt with no change', async () => {
    const { mailer, change, run } = await setup();

    change({});
    const reports = [await run(), await run()];

    expect(reports.map((r) => r.owed)).toEqual([0, 0]);
    expect(mailer.delivered.size).toBe(0);
  });
});
