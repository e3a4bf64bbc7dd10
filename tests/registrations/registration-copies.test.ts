// The trainers' copies of the registrations in Airtable's "Registrations"
// table, against the fake Airtable: created once, updated on change, batched.
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationCopy } from '../../src/server/ports.ts';
import { copyRegistrations } from '../../src/server/registrations/copy.ts';
import { cancelRegistration } from '../../src/server/registrations/register.ts';
import { FakeAirtable } from '../fakes/fake-airtable.ts';
import { registerForSession } from '../../src/server/registrations/register.ts';
import { TemporaryError } from '../../src/server/errors.ts';
import { drainRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { sendSessionNotices } from '../../src/server/registrations/notify.ts';
import { registrationDeps, enrolForSession, sessionData } from './builders.ts';
import { storeOverFakeAirtable } from '../support-server/airtable-store-over-fake.ts';

let fake: FakeAirtable | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp() {
  const made = await storeOverFakeAirtable();
  fake = made.fake;
  return made;
}

const copy = (overrides: Partial<RegistrationCopy> = {}): RegistrationCopy => ({
  id: 'reg_1',
  sessionSlug: 'induction-calais',
  sessionTitle: 'Accueil des nouveaux bénévoles',
  name: 'Camille Martin',
  email: 'camille@example.org',
  status: 'confirmed',
  registeredAt: '2027-01-01T10:00:00.000Z',
  locale: 'fr',
  ...overrides,
});

const rows = (airtable: FakeAirtable) =>
  airtable
    .records('Registrations')
    .map((r) => [r.fields['Registration ID'], r.fields['Status'], r.fields['Position']]);

describe('the Registrations table', () => {
  it('creates each registration once, in upserts of at most 10, however often it is saved', async () => {
    const { fake, store } = await setUp();
    const many = Array.from({ length: 25 }, (_, n) => copy({ id: `reg_${n}` }));

    await store.saveRegistrations(many);
    await store.saveRegistrations(many);

    expect(fake.records('Registrations')).toHaveLength(25);
    // Two calls of three upserts each, no look-up; the second one matched all 25.
    expect(fake.log.filter((entry) => entry.method === 'PATCH')).toHaveLength(6);
    expect(fake.requestCount()).toBe(6);
    expect(fake.upsertMatches).toBe(25);
  });

  it('updates the status and position of a registration that changed, and only those', async () => {
    const { fake, store } = await setUp();
    await store.saveRegistrations([
      copy({ id: 'reg_1' }),
      copy({ id: 'reg_2', status: 'waiting', position: 1 }),
    ]);

    await store.saveRegistrations([
      copy({ id: 'reg_1', status: 'cancelled' }),
      copy({ id: 'reg_2', status: 'confirmed' }),
    ]);

    expect(rows(fake)).toEqual([
      ['reg_1', 'cancelled', undefined],
      ['reg_2', 'confirmed', undefined],
    ]);
    expect(fake.requestCount()).toBe(2);
  });

  it('merges an id holding quotes and backslashes on that id only', async () => {
    const { fake, store } = await setUp();
    fake.insert('Registrations', { 'Registration ID': 'reg_other', Status: 'confirmed' });

    await store.saveRegistrations([copy({ id: 'reg_"x\\" || TRUE() || "' })]);

    expect(fake.records('Registrations')).toHaveLength(2);
    expect(rows(fake)[0]).toEqual(['reg_other', 'confirmed', undefined]);
  });
});

describe('erasing a registration from the Registrations table', () => {
  it('deletes its copy and leaves the others', async () => {
    const { fake, store } = await setUp();
    await store.saveRegistrations([copy({ id: 'reg_1' }), copy({ id: 'reg_2' })]);

    const erased = await store.eraseRegistration('reg_1');
    const again = await store.eraseRegistration('reg_1');

    expect([erased, again]).toEqual([true, false]);
    expect(rows(fake)).toEqual([['reg_2', 'confirmed', undefined]]);
  });
});

describe('copying registrations for the trainers', () => {
  it('copies new registrations and then their changes, each once, with the session title', async () => {
    const { fake, store } = await setUp();
    const { deps } = registrationDeps();
    const withRoster = { ...deps, roster: store };
    for (const [name, email] of [
      ['Camille', 'camille@example.org'],
      ['Sam', 'sam@example.org'],
      ['Lou', 'lou@example.org'],
    ]) {
      await enrolForSession(deps, 'induction-calais', {
        name: name ?? '',
        email: email ?? '',
        locale: 'fr',
        privacyVersion: '2026-11',
      });
    }

    await copyRegistrations(withRoster);
    const first = rows(fake);
    await cancelRegistration(deps, 'induction-calais', 'reg_test-0001');
    await copyRegistrations(withRoster);
    await copyRegistrations(withRoster);

    expect(first).toEqual([
      ['reg_test-0001', 'confirmed', undefined],
      ['reg_test-0002', 'confirmed', undefined],
      ['reg_test-0003', 'waiting', 1],
    ]);
    expect(rows(fake)).toEqual([
      ['reg_test-0001', 'cancelled', undefined],
      ['reg_test-0002', 'confirmed', undefined],
      ['reg_test-0003', 'confirmed', undefined],
    ]);
    expect(fake.records('Registrations')[0]?.fields['Session title']).toBe(
      'Accueil des nouveaux bénévoles',
    );
    expect(await deps.ledger.uncopied()).toEqual([]);
  });

  it('shows who was told of the last change of a session, and who not yet', async () => {
    const { fake, store } = await setUp();
    const sessions = [sessionData()];
    const { deps, base } = registrationDeps(sessions);
    const withRoster = { ...deps, roster: store };
    for (const [name, email] of [
      ['Camille', 'camille@example.org'],
      ['Sam', 'sam@example.org'],
    ] as const) {
      await enrolForSession(deps, 'induction-calais', {
        name,
        email,
        locale: 'fr',
        privacyVersion: '2026-11',
      });
    }
    await drainRegistrationEmails(deps);
    await copyRegistrations(withRoster);
    const told = () =>
      fake
        .records('Registrations')
        .map((r) => [
          r.fields['Registration ID'],
          r.fields['Last change told'],
          r.fields['Told of last change'],
        ]);
    const before = told();
    sessions[0] = sessionData({ start: '2027-01-17T14:00' });
    // The provider asks to wait at the second notice (Sam's): it stays owed.
    const sentBefore = base.mailer.calls;
    base.mailer.fault = (call) =>
      call === sentBefore + 2 ? new TemporaryError('resend_429', 1000) : undefined;

    await sendSessionNotices(deps);
    await copyRegistrations(withRoster);

    expect(before).toEqual([
      ['reg_test-0001', undefined, undefined],
      ['reg_test-0002', undefined, undefined],
    ]);
    expect(told()).toEqual([
      ['reg_test-0001', 1, 'yes'],
      ['reg_test-0002', undefined, 'not yet'],
    ]);
    base.mailer.fault = undefined;
    await drainRegistrationEmails(deps);
    await copyRegistrations(withRoster);
    expect(told()).toEqual([
      ['reg_test-0001', 1, 'yes'],
      ['reg_test-0002', 1, 'yes'],
    ]);
  });

  it('never copies a registration whose address was not confirmed', async () => {
    const { fake, store } = await setUp();
    const { deps } = registrationDeps();
    await registerForSession(deps, 'induction-calais', {
      name: 'Someone',
      email: 'unconfirmed@example.org',
      locale: 'fr',
      privacyVersion: '2026-11',
    });

    await copyRegistrations({ ...deps, roster: store });

    expect(rows(fake)).toEqual([]);
    expect(await deps.ledger.uncopied()).toEqual([]);
  });

  it('keeps the copies owed while Airtable is down, and makes them once it is back', async () => {
    const { fake, store } = await setUp();
    const { deps } = registrationDeps();
    await enrolForSession(deps, 'induction-calais', {
      name: 'Camille',
      email: 'camille@example.org',
      locale: 'fr',
      privacyVersion: '2026-11',
    });
    fake.goDown(503);

    await copyRegistrations({ ...deps, roster: store }, 1_000);
    const whileDown = await deps.ledger.uncopied();
    fake.recover();
    await copyRegistrations({ ...deps, roster: store });

    expect(whileDown).toHaveLength(1);
    expect(rows(fake)).toEqual([['reg_test-0001', 'confirmed', undefined]]);
  });
});
