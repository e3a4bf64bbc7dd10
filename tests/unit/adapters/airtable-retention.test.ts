// The purge on Airtable, against the fake: a coordinator's "Last contact"
// keeps an application longer; registrations go 12 months after their
// "Session date"; deletes go 10 records a request.
import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoffs } from '../../../src/server/purge.ts';
import { FakeAirtable } from '../../fakes/fake-airtable.ts';
import { volunteerRecord } from '../../contract/builders.ts';
import { storeOverFakeAirtable } from '../../support-server/airtable-store-over-fake.ts';

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

// As of 1 June 2027: applications last contacted before 1 June 2025, sessions before 1 June 2026.
const cutoffs = retentionCutoffs(new Date('2027-06-01T00:00:00.000Z'));

const copy = (id: string, sessionAt?: string) => ({
  id,
  sessionSlug: 'induction',
  sessionTitle: 'Accueil',
  name: 'Camille Martin',
  email: 'camille@example.org',
  status: 'confirmed' as const,
  registeredAt: '2026-01-05T10:00:00.000Z',
  ...(sessionAt === undefined ? {} : { sessionAt }),
  locale: 'fr' as const,
});

describe('the purge on Airtable', () => {
  it('keeps an old application whose Last contact is recent, and purges one never contacted since', async () => {
    const { fake, store } = await setUp();
    const contacted = volunteerRecord({ submittedAt: '2024-03-01T10:00:00.000Z' });
    const forgotten = volunteerRecord({ submittedAt: '2024-03-01T10:00:00.000Z' });
    await store.saveAll([contacted, forgotten]);
    const row = fake
      .records('Volunteers')
      .find((record) => record.fields['Application ID'] === contacted.id);
    if (row !== undefined) row.fields['Last contact'] = '2026-02-01T09:00:00.000Z';

    const expired = await store.expired(cutoffs);
    await store.purge(expired);

    expect(expired.map((item) => [item.place, item.id])).toEqual([
      ['Airtable Volunteers', forgotten.id],
    ]);
    expect(expired[0]?.ref).toMatch(/^rec/);
    expect(await store.find(forgotten.id)).toBeNull();
    expect(await store.find(contacted.id)).toEqual(contacted);
  });

  it('writes the Session date of a registration and purges it 12 months after, with or without it', async () => {
    const { fake, store } = await setUp();
    await store.saveRegistrations([
      copy('reg_past', '2026-05-30T08:00:00.000Z'),
      copy('reg_future', '2026-06-15T08:00:00.000Z'),
      // Copied before Session date existed: registered on 5 January 2026.
      copy('reg_legacy'),
    ]);

    const expired = await store.expired(cutoffs);
    await store.purge(expired);

    expect(expired.map((item) => item.id).sort()).toEqual(['reg_legacy', 'reg_past']);
    expect(
      fake
        .records('Registrations')
        .map((r) => [r.fields['Registration ID'], r.fields['Session date']]),
    ).toEqual([['reg_future', '2026-06-15T08:00:00.000Z']]);
  });

  it('deletes 25 expired records in batches of at most 10', async () => {
    const { fake, store } = await setUp();
    await store.saveAll(
      Array.from({ length: 25 }, () =>
        volunteerRecord({ submittedAt: '2023-01-01T00:00:00.000Z' }),
      ),
    );

    const purged = await store.purge(await store.expired(cutoffs));

    expect(purged).toBe(25);
    expect(fake.records('Volunteers')).toEqual([]);
    expect(fake.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(3);
  });
});
