// One suite for every RegistrationLedger adapter: the same seat rules whether
// the ledger is an SQLite file or Netlify Blobs (here its local server).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localBlobs } from '../support-server/local-blobs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsLedger } from '../../src/server/adapters/blobs-ledger.ts';
import { LocalLedger } from '../../src/server/adapters/local-ledger.ts';
import type {
  NewRegistration,
  RegistrationLedger,
  RetentionPurge,
} from '../../src/server/ports.ts';
import { retentionCutoffs } from '../../src/server/purge.ts';
import { newRegistration, sessionFactsOf } from './builders.ts';

interface LedgerHarness {
  /** A ledger over empty storage. */
  empty(): RegistrationLedger & RetentionPurge;
  /** Another ledger over the same storage, as a separate function invocation would see it. */
  twin(ledger: RegistrationLedger): RegistrationLedger & RetentionPurge;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<LedgerHarness>][] = [
  [
    'BlobsLedger (local Netlify Blobs server)',
    async () => {
      // Serialised: the local server's writes are not atomic (see netlify-blobs-proxy.ts).
      const blobs = await localBlobs('blobs-ledger-', { serialised: true });
      const names = new WeakMap<RegistrationLedger, string>();
      let count = 0;
      const open = (name: string) => {
        const ledger = new BlobsLedger({ store: blobs.store(name) });
        names.set(ledger, name);
        return ledger;
      };
      return {
        empty: () => open(`registrations-${String(++count)}`),
        twin: (ledger) => open(names.get(ledger) ?? 'missing'),
        close: () => blobs.close(),
      };
    },
  ],
  [
    'LocalLedger (SQLite file)',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'local-ledger-'));
      const files = new WeakMap<RegistrationLedger, string>();
      const opened: LocalLedger[] = [];
      let count = 0;
      const open = (file: string) => {
        const ledger = new LocalLedger({ file });
        files.set(ledger, file);
        opened.push(ledger);
        return ledger;
      };
      return {
        empty: () => open(join(directory, `ledger-${String(++count)}.sqlite`)),
        twin: (ledger) => open(files.get(ledger) ?? join(directory, 'missing.sqlite')),
        close: async () => {
          for (const ledger of opened) ledger.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  ],
];

let tick = 0;
/** A later instant at each call, as confirmations come one after the other. */
const later = () => new Date(Date.parse('2027-01-01T12:00:00.000Z') + ++tick * 1000).toISOString();

/** The facts the registrants are told at first: the builders' session. */
const told = sessionFactsOf();

/** Registers and confirms the address, as someone who follows the emailed link does. */
async function enrol(ledger: RegistrationLedger, input: NewRegistration, capacity: number) {
  const registered = await ledger.register(input);
  if (registered.outcome === 'duplicate') return registered;
  const verified = await ledger.verify(input.sessionSlug, input.id, later(), capacity, told);
  if (verified === null) throw new Error(`${input.id} could not be confirmed`);
  return verified;
}

describe.each(adapters)('%s', (_name, makeHarness) => {
  let harness: LedgerHarness;
  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('gives a registration no seat and no place until its address is confirmed', async () => {
    const ledger = harness.empty();

    const outcomes = [];
    for (const n of [1, 2, 3]) {
      outcomes.push(
        await ledger.register(newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` })),
      );
    }

    expect(outcomes.map((o) => [o.outcome, o.registration.status, o.registration.unsent])).toEqual([
      ['pending', 'pending', ['verify']],
      ['pending', 'pending', ['verify']],
      ['pending', 'pending', ['verify']],
    ]);
    expect(await ledger.seats('induction', 1)).toEqual({
      capacity: 1,
      confirmed: 0,
      left: 1,
      waiting: 0,
    });
    expect(await ledger.uncopied()).toEqual([]);
  });

  it('gives seats in the order addresses are confirmed, not the order of registration', async () => {
    const ledger = harness.empty();
    await ledger.register(newRegistration({ id: 'reg_first', email: 'first@example.org' }));
    await ledger.register(newRegistration({ id: 'reg_second', email: 'second@example.org' }));

    const second = await ledger.verify('induction', 'reg_second', later(), 1);
    const first = await ledger.verify('induction', 'reg_first', later(), 1);

    expect(second?.outcome).toBe('confirmed');
    expect(first).toMatchObject({ outcome: 'waiting', position: 1 });
    expect(first?.registration.unsent).toEqual(['waiting']);
  });

  it('answers a second confirmation with the current state, and nothing for a cancelled or unknown registration', async () => {
    const ledger = harness.empty();
    await ledger.register(newRegistration({ id: 'reg_1', email: 'p1@example.org' }));
    await ledger.register(newRegistration({ id: 'reg_2', email: 'p2@example.org' }));
    await ledger.verify('induction', 'reg_1', later(), 1);
    await ledger.cancel('induction', 'reg_2', later());

    const again = await ledger.verify('induction', 'reg_1', later(), 1);
    const cancelled = await ledger.verify('induction', 'reg_2', later(), 1);
    const unknown = await ledger.verify('induction', 'reg_nobody-000', later(), 1);

    expect(again?.outcome).toBe('confirmed');
    expect(again?.registration.unsent).toEqual(['confirmed']);
    expect([cancelled, unknown]).toEqual([null, null]);
    expect(await ledger.seats('induction', 1)).toMatchObject({ confirmed: 1, waiting: 0 });
  });

  it('drops the registrations never confirmed before a given instant, and only those', async () => {
    const ledger = harness.empty();
    await ledger.register(
      newRegistration({
        id: 'reg_old',
        email: 'old@example.org',
        registeredAt: '2027-01-01T08:00:00.000Z',
      }),
    );
    await ledger.register(
      newRegistration({
        id: 'reg_new',
        email: 'new@example.org',
        registeredAt: '2027-01-03T08:00:00.000Z',
      }),
    );
    await enrol(
      ledger,
      newRegistration({
        id: 'reg_kept',
        email: 'kept@example.org',
        registeredAt: '2027-01-01T07:00:00.000Z',
      }),
      2,
    );
    await ledger.register(
      newRegistration({
        id: 'reg_there',
        email: 'there@example.org',
        sessionSlug: 'other',
        registeredAt: '2027-01-01T09:00:00.000Z',
      }),
    );

    const dropped = await ledger.dropUnverified('2027-01-02T00:00:00.000Z');

    expect(dropped).toBe(2);
    expect(await ledger.find('induction', 'reg_old')).toBeNull();
    expect(await ledger.find('other', 'reg_there')).toBeNull();
    expect((await ledger.find('induction', 'reg_new'))?.status).toBe('pending');
    expect((await ledger.find('induction', 'reg_kept'))?.status).toBe('confirmed');
  });

  it('owes the notice of a change to seat holders and people waiting, never to an unconfirmed address', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_seat', email: 'seat@example.org' }), 1);
    await enrol(ledger, newRegistration({ id: 'reg_wait', email: 'wait@example.org' }), 1);
    await ledger.register(newRegistration({ id: 'reg_unconfirmed', email: 'x@example.org' }));
    const moved = sessionFactsOf({ start: '2027-01-17T14:00' });

    const result = await ledger.follow(
      'induction',
      { facts: moved, capacity: 1, promote: true },
      '2027-01-05T10:00:00.000Z',
    );

    expect(result).toEqual({ changed: 2, promoted: 0, confirmed: 1, capacity: 1 });
    const seat = await ledger.find('induction', 'reg_seat');
    expect(seat?.unsent).toEqual(['confirmed', 'session-changed-1']);
    expect(seat?.told).toEqual({ facts: moved, sequence: 1 });
    expect(seat?.changes).toEqual([
      { sequence: 1, at: '2027-01-05T10:00:00.000Z', from: told, to: moved, seat: true },
    ]);
    expect((await ledger.find('induction', 'reg_wait'))?.changes?.[0]?.seat).toBe(false);
    expect((await ledger.find('induction', 'reg_unconfirmed'))?.unsent).toEqual(['verify']);
  });

  it('owes each change once however often it is followed, and two changes in a row as two notices in order', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 2);
    await ledger.markSent('induction', 'reg_1', 'confirmed');
    const moved = sessionFactsOf({ start: '2027-01-17T14:00' });
    const elsewhere = sessionFactsOf({
      start: '2027-01-17T14:00',
      place: {
        name: { fr: 'Salle des fêtes', en: 'Village hall' },
        address: '2 place de l’Exemple, 62100 Calais',
      },
    });
    const follow = (facts: typeof told, at: string) =>
      ledger.follow('induction', { facts, capacity: 2, promote: true }, at);

    const first = await follow(moved, '2027-01-05T10:00:00.000Z');
    const again = await harness
      .twin(ledger)
      .follow(
        'induction',
        { facts: moved, capacity: 2, promote: true },
        '2027-01-05T10:15:00.000Z',
      );
    const second = await follow(elsewhere, '2027-01-06T10:00:00.000Z');
    const unchanged = await follow(elsewhere, '2027-01-06T10:15:00.000Z');

    expect([first, again, second, unchanged].map((r) => r.changed)).toEqual([1, 0, 1, 0]);
    const registration = await ledger.find('induction', 'reg_1');
    expect(registration?.unsent).toEqual(['session-changed-1', 'session-changed-2']);
    expect(registration?.changes?.map((c) => [c.sequence, c.from, c.to])).toEqual([
      [1, told, moved],
      [2, moved, elsewhere],
    ]);
  });

  it('owes the notice of a cancellation in place of the emails still owed, except earlier changes', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 2);
    await ledger.owe('induction', 'reminder', '2027-01-04T10:00:00.000Z');
    const moved = sessionFactsOf({ start: '2027-01-17T14:00' });
    const cancelled = sessionFactsOf({ start: '2027-01-17T14:00', status: 'cancelled' });
    const rescheduled = sessionFactsOf({ start: '2027-01-17T14:00', status: 'scheduled' });

    await ledger.follow('induction', { facts: moved, capacity: 2, promote: true }, later());
    await ledger.follow('induction', { facts: cancelled, capacity: 2, promote: false }, later());
    const afterCancel = (await ledger.find('induction', 'reg_1'))?.unsent;
    await ledger.follow('induction', { facts: rescheduled, capacity: 2, promote: true }, later());

    expect(afterCancel).toEqual(['session-changed-1', 'session-changed-2']);
    const registration = await ledger.find('induction', 'reg_1');
    expect(registration?.unsent).toEqual([
      'session-changed-1',
      'session-changed-2',
      'session-changed-3',
    ]);
    expect(registration?.changes?.map((c) => [c.from.status, c.to.status])).toEqual([
      ['scheduled', 'scheduled'],
      ['scheduled', 'cancelled'],
      ['cancelled', 'scheduled'],
    ]);
  });

  it('gives the seats a raised capacity frees to the first people waiting, in the order they confirmed', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2, 3, 4]) {
      await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 1);
    }
    await ledger.register(newRegistration({ id: 'reg_unconfirmed', email: 'x@example.org' }));

    const held = await ledger.follow(
      'induction',
      { facts: told, capacity: 3, promote: false },
      later(),
    );
    const given = await ledger.follow(
      'induction',
      { facts: told, capacity: 3, promote: true },
      later(),
    );
    const again = await ledger.follow(
      'induction',
      { facts: told, capacity: 3, promote: true },
      later(),
    );

    expect([held.promoted, given.promoted, again.promoted]).toEqual([0, 2, 0]);
    expect(await ledger.seats('induction', 3)).toEqual({
      capacity: 3,
      confirmed: 3,
      left: 0,
      waiting: 1,
    });
    const statuses = [];
    for (const id of ['reg_2', 'reg_3', 'reg_4', 'reg_unconfirmed']) {
      const r = await ledger.find('induction', id);
      statuses.push([id, r?.status, r?.unsent]);
    }
    expect(statuses).toEqual([
      ['reg_2', 'confirmed', ['promoted']],
      ['reg_3', 'confirmed', ['promoted']],
      ['reg_4', 'waiting', ['waiting']],
      ['reg_unconfirmed', 'pending', ['verify']],
    ]);
  });

  it('takes nobody’s seat when the capacity is lowered below the seats given, and says how many there are', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2, 3]) {
      await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 3);
    }

    const result = await ledger.follow(
      'induction',
      { facts: told, capacity: 1, promote: true },
      later(),
    );
    const late = await enrol(ledger, newRegistration({ id: 'reg_4', email: 'p4@example.org' }), 1);

    expect(result).toEqual({ changed: 0, promoted: 0, confirmed: 3, capacity: 1 });
    expect(late.outcome).toBe('waiting');
    expect(await ledger.seats('induction', 1)).toMatchObject({ confirmed: 3, left: 0, waiting: 1 });
  });

  it('starts following a registration confirmed before told facts were kept from the facts of the day, owing nothing', async () => {
    const ledger = harness.empty();
    await ledger.register(newRegistration({ id: 'reg_old', email: 'old@example.org' }));
    await ledger.verify('induction', 'reg_old', later(), 2);
    await ledger.markSent('induction', 'reg_old', 'confirmed');

    const first = await ledger.follow(
      'induction',
      { facts: told, capacity: 2, promote: true },
      later(),
    );

    expect(first.changed).toBe(0);
    const registration = await ledger.find('induction', 'reg_old');
    expect(registration?.told).toEqual({ facts: told, sequence: 0 });
    expect(registration?.unsent).toEqual([]);
  });

  it('confirms registrations while seats are left, then puts people on the waiting list in order', async () => {
    const ledger = harness.empty();

    const outcomes = [];
    for (const n of [1, 2, 3, 4]) {
      outcomes.push(
        await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 2),
      );
    }

    expect(outcomes.map((o) => o.outcome)).toEqual([
      'confirmed',
      'confirmed',
      'waiting',
      'waiting',
    ]);
    expect(outcomes.map((o) => o.position)).toEqual([undefined, undefined, 1, 2]);
    expect(await ledger.seats('induction', 2)).toEqual({
      capacity: 2,
      confirmed: 2,
      left: 0,
      waiting: 2,
    });
  });

  it('refuses a second registration with the same email in another case, for the same session only', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_a', email: 'Camille@Example.org' }), 5);

    const again = await ledger.register(
      newRegistration({ id: 'reg_b', email: ' camille@example.ORG' }),
    );
    const elsewhere = await enrol(
      ledger,
      newRegistration({ id: 'reg_c', email: 'camille@example.org', sessionSlug: 'other' }),
      5,
    );

    expect(again.outcome).toBe('duplicate');
    expect(again.registration.id).toBe('reg_a');
    expect(elsewhere.outcome).toBe('confirmed');
    expect((await ledger.seats('induction', 5)).confirmed).toBe(1);
  });

  it('frees the seat of a cancellation and gives it to the first person waiting', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2, 3]) {
      await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 1);
    }

    const { cancelled, promoted } = await ledger.cancel(
      'induction',
      'reg_1',
      '2027-01-02T10:00:00.000Z',
    );

    expect(cancelled?.status).toBe('cancelled');
    expect(promoted?.id).toBe('reg_2');
    expect(promoted?.status).toBe('confirmed');
    expect(promoted?.unsent).toEqual(['promoted']);
    expect(await ledger.seats('induction', 1)).toEqual({
      capacity: 1,
      confirmed: 1,
      left: 0,
      waiting: 1,
    });
    expect((await ledger.find('induction', 'reg_3'))?.status).toBe('waiting');
  });

  it('promotes nobody when a waiting person cancels, and ignores a second cancellation', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 1);
    await enrol(ledger, newRegistration({ id: 'reg_2', email: 'p2@example.org' }), 1);

    const first = await ledger.cancel('induction', 'reg_2', '2027-01-02T10:00:00.000Z');
    const second = await ledger.cancel('induction', 'reg_2', '2027-01-02T11:00:00.000Z');

    expect(first.promoted).toBeNull();
    expect(second).toEqual({ cancelled: null, promoted: null });
    expect(await ledger.seats('induction', 1)).toEqual({
      capacity: 1,
      confirmed: 1,
      left: 0,
      waiting: 0,
    });
  });

  it('lets someone who cancelled register again', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1' }), 3);
    await ledger.cancel('induction', 'reg_1', '2027-01-02T10:00:00.000Z');

    const again = await enrol(ledger, newRegistration({ id: 'reg_2' }), 3);

    expect(again.outcome).toBe('confirmed');
  });

  it('keeps the emails owed until each is marked sent', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 1);
    await enrol(ledger, newRegistration({ id: 'reg_2', email: 'p2@example.org' }), 1);

    const owed = await ledger.unsent();
    await ledger.markSent('induction', 'reg_1', 'confirmed');

    expect(owed.map((r) => [r.id, r.unsent])).toEqual([
      ['reg_1', ['confirmed']],
      ['reg_2', ['waiting']],
    ]);
    expect((await ledger.unsent()).map((r) => r.id)).toEqual(['reg_2']);
  });

  it('owes a reminder once to those with a seat, even after it was sent', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2, 3]) {
      await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 1);
    }
    await ledger.cancel('induction', 'reg_3', '2027-01-02T10:00:00.000Z');
    for (const n of [1, 2])
      await ledger.markSent('induction', `reg_${n}`, n === 1 ? 'confirmed' : 'waiting');

    const reminders = await ledger.owe('induction', 'reminder', '2027-01-14T09:00:00.000Z');
    await ledger.markSent('induction', 'reg_1', 'reminder');
    const again = await ledger.owe('induction', 'reminder', '2027-01-14T09:15:00.000Z');

    expect([reminders, again]).toEqual([1, 0]);
    expect(await ledger.unsent()).toEqual([]);
    expect(await ledger.owe('elsewhere', 'reminder', '2027-01-14T09:00:00.000Z')).toBe(0);
  });

  it('owes a copy of each registration until its state is copied, and again when its status or place changes', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2, 3]) {
      await enrol(ledger, newRegistration({ id: `reg_${n}`, email: `p${n}@example.org` }), 1);
    }
    const first = await ledger.uncopied();
    for (const { registration, state } of first) {
      await ledger.markCopied(registration.sessionSlug, registration.id, state);
    }
    const afterCopy = await ledger.uncopied();

    await ledger.cancel('induction', 'reg_1', '2027-01-02T10:00:00.000Z');
    const afterCancel = await ledger.uncopied();

    expect(first.map((c) => [c.registration.id, c.state, c.position])).toEqual([
      ['reg_1', 'confirmed:', undefined],
      ['reg_2', 'waiting:1', 1],
      ['reg_3', 'waiting:2', 2],
    ]);
    expect(afterCopy).toEqual([]);
    expect(afterCancel.map((c) => [c.registration.id, c.state])).toEqual([
      ['reg_1', 'cancelled:'],
      ['reg_2', 'confirmed:'],
      ['reg_3', 'waiting:1'],
    ]);
  });

  it('owes a copy when a change becomes owed and again once its notice is sent, with the numbers told and owed', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 1);
    await ledger.markSent('induction', 'reg_1', 'confirmed');
    const copyAll = async () => {
      const owed = await ledger.uncopied();
      for (const { registration, state } of owed)
        await ledger.markCopied(registration.sessionSlug, registration.id, state);
      return owed.map((c) => c.state);
    };
    await copyAll();
    const moved = sessionFactsOf({ start: '2027-01-17T14:00' });

    await ledger.follow('induction', { facts: moved, capacity: 1, promote: true }, later());
    const owedChange = await copyAll();
    await ledger.markSent('induction', 'reg_1', 'session-changed-1');
    const toldChange = await copyAll();

    expect([owedChange, toldChange, await copyAll()]).toEqual([
      ['confirmed::0/1'],
      ['confirmed::1/1'],
      [],
    ]);
  });

  it('erases a registration altogether, promoting the first person waiting', async () => {
    const ledger = harness.empty();
    await enrol(ledger, newRegistration({ id: 'reg_1', email: 'p1@example.org' }), 1);
    await enrol(ledger, newRegistration({ id: 'reg_2', email: 'p2@example.org' }), 1);

    const result = await ledger.erase('induction', 'reg_1', '2027-01-02T10:00:00.000Z');
    const again = await ledger.erase('induction', 'reg_1', '2027-01-02T11:00:00.000Z');

    expect(result.erased).toBe(true);
    expect(result.promoted?.id).toBe('reg_2');
    expect(again).toEqual({ erased: false, promoted: null });
    expect(await ledger.find('induction', 'reg_1')).toBeNull();
    expect((await ledger.unsent()).map((r) => r.id)).toEqual(['reg_2']);
    expect((await ledger.uncopied()).map((c) => c.registration.id)).toEqual(['reg_2']);
  });

  it('gives exactly 3 of 20 simultaneous confirmations the last 3 seats, the rest the waiting list', async () => {
    const ledger = harness.empty();
    for (const n of [1, 2]) {
      await enrol(
        ledger,
        newRegistration({ id: `reg_early${n}`, email: `early${n}@example.org` }),
        5,
      );
    }
    const rush = Array.from({ length: 20 }, (_, n) =>
      newRegistration({ id: `reg_rush${n}`, email: `rush${n}@example.org` }),
    );
    // Each request as its own function invocation would make it: its own ledger over the same storage.
    await Promise.all(rush.map((input) => harness.twin(ledger).register(input)));
    const at = later();

    const results = await Promise.all(
      rush.map((input) => harness.twin(ledger).verify('induction', input.id, at, 5)),
    );

    const outcomes = results.map((r) => r?.outcome);
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(17);
    expect(await ledger.seats('induction', 5)).toEqual({
      capacity: 5,
      confirmed: 5,
      left: 0,
      waiting: 17,
    });
    const positions = await Promise.all(
      rush.map(async (input) => (await ledger.verify('induction', input.id, later(), 5))?.position),
    );
    const waiting = positions.filter((p): p is number => p !== undefined);
    expect(waiting.sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, n) => n + 1));
  });

  it('purges the registrations of sessions past the period, in every session, and keeps the others', async () => {
    const ledger = harness.empty();
    // As of 1 June 2027: sessions before 1 June 2026 are past the 12 months.
    const cutoffs = retentionCutoffs(new Date('2027-06-01T00:00:00.000Z'));
    const register = (id: string, sessionSlug: string, sessionAt?: string, registeredAt?: string) =>
      ledger.register(
        newRegistration({
          id,
          sessionSlug,
          email: `${id}@example.org`,
          ...(sessionAt === undefined ? {} : { sessionAt }),
          ...(registeredAt === undefined ? {} : { registeredAt }),
        }),
      );
    await register('reg_old-1', 'old-session', '2026-05-20T08:00:00.000Z');
    await register('reg_old-2', 'old-session', '2026-05-20T08:00:00.000Z');
    await ledger.cancel('old-session', 'reg_old-1', '2026-05-01T00:00:00.000Z');
    await register('reg_new-1', 'new-session', '2026-06-10T08:00:00.000Z');
    // Made before sessions were recorded: counted from the registration.
    await register('reg_legacy', 'legacy', undefined, '2026-01-01T00:00:00.000Z');

    const expired = await ledger.expired(cutoffs);
    const purged = await harness.twin(ledger).purge(expired);

    expect(expired.map((item) => item.id).sort()).toEqual(['reg_legacy', 'reg_old-1', 'reg_old-2']);
    expect(purged).toBe(3);
    expect(await ledger.find('old-session', 'reg_old-2')).toBeNull();
    expect(await ledger.find('legacy', 'reg_legacy')).toBeNull();
    expect(await ledger.find('new-session', 'reg_new-1')).not.toBeNull();
    expect(await ledger.seats('old-session', 1)).toEqual({
      capacity: 1,
      confirmed: 0,
      left: 1,
      waiting: 0,
    });
    expect(await ledger.expired(cutoffs)).toEqual([]);
  });
});
