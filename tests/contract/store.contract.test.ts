// One suite for every ApplicationStore adapter: the same behaviours whether
// records go to Airtable (here its fake) or to the local store.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirtableStore } from '../../src/server/adapters/airtable-store.ts';
import { LocalStore } from '../../src/server/adapters/local-store.ts';
import type { ApplicationStore, RetentionPurge } from '../../src/server/ports.ts';
import { retentionCutoffs } from '../../src/server/purge.ts';
import { createRateLimiter } from '../../src/server/retry.ts';
import { FakeAirtable } from '../fakes/fake-airtable.ts';
import { MemoryStore } from '../support-server/memory-ports.ts';
import { nextId, observerRecord, volunteerRecord } from './builders.ts';

interface StoreHarness {
  store: ApplicationStore & RetentionPurge;
  /** How many stored copies hold this application id. */
  copies(id: string): number | Promise<number>;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<StoreHarness>][] = [
  [
    // The store the use-case and fault tests run over: it must keep the same contract.
    "MemoryStore (the tests' in-memory port)",
    () => {
      const store = new MemoryStore();
      return Promise.resolve({
        store,
        copies: (id) => store.writes.filter((record) => record.id === id).length,
        close: () => Promise.resolve(),
      });
    },
  ],
  [
    'AirtableStore (fake Airtable)',
    async () => {
      const fake = await FakeAirtable.start({ ratePerSecond: null });
      const store = new AirtableStore({
        apiKey: fake.apiKey,
        baseId: fake.baseId,
        endpointUrl: fake.url,
        limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'airtable_paced' }),
      });
      return {
        store,
        copies: (id) => fake.countBy('Application ID').get(id) ?? 0,
        close: () => fake.close(),
      };
    },
  ],
  [
    'LocalStore (SQLite file)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'local-store-'));
      const store = new LocalStore({ file: join(dir, 'store.sqlite') });
      return {
        store,
        copies: async (id) => (await store.all()).filter((record) => record.id === id).length,
        close: async () => {
          store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(adapters)('%s', (_name, setUp) => {
  let harness: StoreHarness;

  beforeAll(async () => {
    harness = await setUp();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('finds a saved volunteer application as it was saved', async () => {
    const record = volunteerRecord();

    await harness.store.saveAll([record]);

    expect(await harness.store.find(record.id)).toEqual(record);
  });

  it('finds a saved observer application and a suspected spam as they were saved', async () => {
    const observer = observerRecord();
    const spam = volunteerRecord({ status: 'suspected-spam' });

    await harness.store.saveAll([observer, spam]);

    expect(await harness.store.find(observer.id)).toEqual(observer);
    expect(await harness.store.find(spam.id)).toEqual(spam);
  });

  it('answers null for an id it never saved', async () => {
    const id = nextId();

    const found = await harness.store.find(id);

    expect(found).toBeNull();
  });

  it('keeps a single copy when the same application is saved twice', async () => {
    const record = volunteerRecord();

    await harness.store.saveAll([record]);
    await harness.store.saveAll([record]);
    await harness.store.saveAll([record, record]);

    expect(await harness.copies(record.id)).toBe(1);
  });

  it('keeps a single copy under the id when saved again with other content', async () => {
    // Airtable's upsert updates the record in place, the local store leaves it
    // as it is: neither makes a second one. (The core never changes a record
    // it queued: a repeat carries the same content.)
    const record = volunteerRecord();
    await harness.store.saveAll([record]);

    await harness.store.saveAll([{ ...record, name: 'Someone Else' }]);

    expect(await harness.copies(record.id)).toBe(1);
    expect((await harness.store.find(record.id))?.id).toBe(record.id);
  });

  it('saves only the missing ones of a batch that is partly stored', async () => {
    const stored = volunteerRecord();
    await harness.store.saveAll([stored]);
    const fresh = [volunteerRecord(), observerRecord()];

    await harness.store.saveAll([stored, ...fresh]);

    for (const record of [stored, ...fresh]) expect(await harness.copies(record.id)).toBe(1);
  });

  it('saves a batch of 25 applications in one call', async () => {
    const records = Array.from({ length: 25 }, (_, index) =>
      index % 2 === 0 ? volunteerRecord() : observerRecord(),
    );

    await harness.store.saveAll(records);

    for (const record of records) expect(await harness.copies(record.id)).toBe(1);
  });

  it('erases an application, then finds nothing and has nothing more to erase', async () => {
    const record = observerRecord();
    await harness.store.saveAll([record]);

    const first = await harness.store.erase(record.id);
    const second = await harness.store.erase(record.id);

    expect(first).toBe(true);
    expect(second).toBe(false);
    expect(await harness.store.find(record.id)).toBeNull();
  });

  it('tells apart ids that differ only by quotes and backslashes', async () => {
    const base = nextId();
    const tricky = [`${base}"`, `${base}\\"`, `${base}'`, `${base}\\`].map((id) =>
      volunteerRecord({ id }),
    );

    await harness.store.saveAll(tricky);

    for (const record of tricky) {
      expect(await harness.store.find(record.id)).toEqual(record);
      expect(await harness.copies(record.id)).toBe(1);
    }
  });

  it('lists applications and suspected spam past their periods, purges them, keeps the newer ones', async () => {
    // As of 1 June 2027: applications before 1 June 2025, spam before 2 May 2027.
    const cutoffs = retentionCutoffs(new Date('2027-06-01T00:00:00.000Z'));
    const old = volunteerRecord({ submittedAt: '2025-05-31T23:00:00.000Z' });
    const oldObserver = observerRecord({ submittedAt: '2024-01-10T10:00:00.000Z' });
    const recent = volunteerRecord({ submittedAt: '2025-06-02T08:00:00.000Z' });
    const oldSpam = volunteerRecord({
      status: 'suspected-spam',
      submittedAt: '2027-04-30T12:00:00.000Z',
    });
    const recentSpam = observerRecord({
      status: 'suspected-spam',
      submittedAt: '2027-05-10T12:00:00.000Z',
    });
    await harness.store.saveAll([old, oldObserver, recent, oldSpam, recentSpam]);

    const expired = await harness.store.expired(cutoffs);
    const purged = await harness.store.purge(expired);

    // (Other tests' records, sent in 2026, count as spam past its period too.)
    const ids = expired.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([old.id, oldObserver.id, oldSpam.id]));
    expect(ids).not.toContain(recent.id);
    expect(ids).not.toContain(recentSpam.id);
    expect(purged).toBe(expired.length);
    for (const gone of [old, oldObserver, oldSpam])
      expect(await harness.store.find(gone.id)).toBeNull();
    for (const kept of [recent, recentSpam])
      expect(await harness.store.find(kept.id)).toEqual(kept);
    expect(await harness.store.expired(cutoffs)).toEqual([]);
  });

  it('names no person in what it lists as expired', async () => {
    const record = volunteerRecord({ submittedAt: '2020-01-01T00:00:00.000Z' });
    await harness.store.saveAll([record]);

    const expired = await harness.store.expired(
      retentionCutoffs(new Date('2027-06-01T00:00:00.000Z')),
    );
    await harness.store.purge(expired);

    expect(JSON.stringify(expired)).not.toMatch(/Camille|camille@/);
    expect(expired.map((item) => item.id)).toEqual([record.id]);
  });
});
