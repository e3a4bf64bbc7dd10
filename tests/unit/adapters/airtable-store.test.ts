// Faults and limits of the Airtable store, against the fake Airtable with its
// documented 30 s penalty scaled down 100 times.

import { afterEach, describe, expect, it } from 'vitest';
import {
  AirtableStore,
  type AirtableStoreOptions,
} from '../../../src/server/adapters/airtable-store.ts';
import { PermanentError, TemporaryError } from '../../../src/server/errors.ts';
import { createRateLimiter } from '../../../src/server/retry.ts';
import { FakeAirtable, type FakeAirtableOptions } from '../../fakes/fake-airtable.ts';
import { observerRecord, volunteerRecord } from '../../contract/builders.ts';
import { FakeClock } from '../../support-server/memory-ports.ts';
import { storeOverFakeAirtable } from '../../support-server/airtable-store-over-fake.ts';

const TIME_SCALE = 0.01;
const PENALTY_MS = 30_000 * TIME_SCALE;

let fake: FakeAirtable | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/**
 * The fake Airtable and a store over it. With `clock`, both keep that fake
 * time: the store's waits (the penalty, its retries, its pacing) pass at once,
 * and the fake sees them pass. Without, the system's (the time-out tests
 * measure real requests).
 */
async function setUp(
  fakeOptions: FakeAirtableOptions = {},
  storeOptions: Partial<AirtableStoreOptions> = {},
  clock?: FakeClock,
): Promise<{ fake: FakeAirtable; store: AirtableStore }> {
  const made = await storeOverFakeAirtable(
    { timeScale: TIME_SCALE, ...fakeOptions },
    { rateLimitPenaltyMs: PENALTY_MS, ...storeOptions },
    clock,
  );
  fake = made.fake;
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const copies = (airtable: FakeAirtable, id: string) =>
  airtable.countBy('Application ID').get(id) ?? 0;

describe('AirtableStore', () => {
  it('spaces its requests under 5 per second by default', async () => {
    const clock = new FakeClock(Date.now());
    const { fake, store } = await setUp({}, { limiter: undefined as never }, clock);
    const records = Array.from({ length: 50 }, (_, index) =>
      index % 2 ? volunteerRecord() : observerRecord(),
    );
    const started = clock.now();

    await store.saveAll(records);

    const spans = fake.log.map((entry) => entry.at - started);
    // One upsert per 10 records of a table, no look-up: 3 + 3.
    expect(fake.requestCount()).toBe(6);
    expect(Math.max(...spans)).toBeGreaterThanOrEqual(5 * 200);
    for (const record of records) expect(copies(fake, record.id)).toBe(1);
  });

  it('upserts more than 10 records in requests of at most 10, with no look-up', async () => {
    const { fake, store } = await setUp();
    const records = Array.from({ length: 25 }, () => volunteerRecord());

    await store.saveAll(records);

    const upserts = fake.log.filter((entry) => entry.method === 'PATCH' && entry.status === 200);
    expect(upserts).toHaveLength(3);
    expect(fake.requestCount()).toBe(3);
    expect(fake.records('Volunteers')).toHaveLength(25);
  });

  it('fails at once, without a request, when its requests cannot all be paced before its deadline', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, code: 'airtable_paced' });
    const { fake, store } = await setUp({}, { limiter, deadlineMs: 1_000 });
    const records = Array.from({ length: 25 }, () => volunteerRecord());

    const error = await rejection(store.saveAll(records));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'airtable_paced' });
    expect(fake.requestCount()).toBe(0);
  });

  it('answers a TemporaryError carrying the penalty when a 429 storm outlasts its deadline', async () => {
    const { fake, store } = await setUp(
      {},
      { deadlineMs: PENALTY_MS * 1.5 },
      new FakeClock(Date.now()),
    );
    fake.rateLimitFor(10_000);

    const error = await rejection(store.saveAll([volunteerRecord()]));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'airtable_429', retryAfterMs: PENALTY_MS });
  });

  it('waits out a short 429 storm within its deadline and stores the record once', async () => {
    const { fake, store } = await setUp({}, { deadlineMs: 5_000 }, new FakeClock(Date.now()));
    const record = volunteerRecord();
    fake.rateLimitFor(PENALTY_MS / 2);

    await store.saveAll([record]);

    expect(fake.requestCount(429)).toBeGreaterThan(0);
    expect(copies(fake, record.id)).toBe(1);
  });

  it('holds every request back during the penalty once one of them got a 429', async () => {
    const clock = new FakeClock(Date.now());
    const limiter = createRateLimiter({ ratePerSecond: 1_000, code: 'airtable_paced', clock });
    const { fake, store } = await setUp({}, { limiter, deadlineMs: 5_000 }, clock);
    fake.failNext(429);

    await Promise.all([store.saveAll([volunteerRecord()]), store.saveAll([observerRecord()])]);

    expect(fake.requestCount(429)).toBe(1);
  });

  it('retries server errors and then stores the record once', async () => {
    const { fake, store } = await setUp({}, {}, new FakeClock(Date.now()));
    const record = observerRecord();
    fake.failNext(500, 503);

    await store.saveAll([record]);

    expect(copies(fake, record.id)).toBe(1);
  });

  it('answers a TemporaryError while Airtable is down', async () => {
    const { fake, store } = await setUp({}, { deadlineMs: 1_000 }, new FakeClock(Date.now()));
    fake.goDown(503);

    const error = await rejection(store.saveAll([volunteerRecord()]));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'airtable_503' });
  });

  it('answers a TemporaryError when Airtable is too slow to answer', async () => {
    const { fake, store } = await setUp({}, { requestTimeoutMs: 100, deadlineMs: 350 });
    fake.delayMs = 1_000;

    const error = await rejection(store.find('app_slow'));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'airtable_timeout' });
  });

  it('does not create a record twice when the answer to its creation was lost', async () => {
    const { fake, store } = await setUp({}, { requestTimeoutMs: 150, deadlineMs: 5_000 });
    const record = volunteerRecord();
    fake.slowNext(600);

    await store.saveAll([record]);

    expect(copies(fake, record.id)).toBe(1);
    // The retry's upsert found the record its lost first try had made: a create would have duplicated it.
    expect(fake.upsertMatches).toBe(1);
  });

  it('matches no other record when an id tries to inject a formula', async () => {
    const { fake, store } = await setUp();
    await store.saveAll([
      volunteerRecord(),
      observerRecord(),
      volunteerRecord({ status: 'suspected-spam' }),
    ]);
    const injected = 'x@y.z", TRUE(), "';

    const found = await store.find(injected);
    const erased = await store.erase(injected);

    expect(found).toBeNull();
    expect(erased).toBe(false);
    expect(fake.countBy('Application ID').size).toBe(3);
  });

  it('erases every copy of an application, in whichever table it is', async () => {
    const { fake, store } = await setUp();
    const record = volunteerRecord({ status: 'suspected-spam' });
    await store.saveAll([record]);
    fake.insert('Suspected spam', { 'Application ID': record.id, Name: 'copy made by hand' });

    const erased = await store.erase(record.id);

    expect(erased).toBe(true);
    expect(copies(fake, record.id)).toBe(0);
  });

  it('answers a PermanentError naming the token when Airtable refuses it', async () => {
    const { store } = await setUp({ apiKey: 'patTHEREALONE' }, { apiKey: 'patWRONG' });

    const error = await rejection(store.saveAll([volunteerRecord()]));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'airtable_401_invalid_token' });
  });

  it('answers a PermanentError naming the table the base lacks', async () => {
    const { fake, store } = await setUp();
    fake.setTables([
      { name: 'Volunteers', fields: [{ name: 'Application ID', type: 'singleLineText' }] },
    ]);

    const error = await rejection(store.saveAll([observerRecord()]));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'airtable_403_table_or_permission:Observers' });
  });

  it('answers a PermanentError naming the field the table lacks, and no personal data', async () => {
    const { fake, store } = await setUp();
    fake.setTables([
      {
        name: 'Volunteers',
        fields: [
          { name: 'Application ID', type: 'singleLineText' },
          { name: 'Name', type: 'singleLineText' },
        ],
      },
    ]);
    const record = volunteerRecord();

    const error = await rejection(store.saveAll([record]));

    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).code).toMatch(
      /^airtable_422_unknown_field_name:Volunteers\.[A-Z]/,
    );
    expect(String(error)).not.toContain(record.email);
    expect(String(error)).not.toContain(record.name);
  });
});
