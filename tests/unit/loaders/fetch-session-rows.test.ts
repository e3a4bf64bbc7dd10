// Reading the "Sessions" table from the fake Airtable with the official
// client: pages, rate limits and outages, with the 30 s penalty scaled down.
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeFetchFailure,
  fetchSessionRows,
  type AirtableSessionsConfig,
} from '../../../src/loaders/airtable-sessions.ts';
import { PermanentError, TemporaryError } from '../../../src/server/errors.ts';
import { createRateLimiter } from '../../../src/server/retry.ts';
import { FakeAirtable, type FakeAirtableOptions } from '../../fakes/fake-airtable.ts';
import { sessionRow, sessionsTable } from './sessions-table.ts';

const TIME_SCALE = 0.005;
const PENALTY_MS = 30_000 * TIME_SCALE;

let fake: FakeAirtable | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(
  fakeOptions: FakeAirtableOptions = {},
): Promise<{ fake: FakeAirtable; config: AirtableSessionsConfig }> {
  fake = await FakeAirtable.start({
    tables: [sessionsTable],
    timeScale: TIME_SCALE,
    ratePerSecond: null,
    ...fakeOptions,
  });
  const config: AirtableSessionsConfig = {
    apiKey: fake.apiKey,
    baseId: fake.baseId,
    endpointUrl: fake.url,
    rateLimitPenaltyMs: PENALTY_MS,
    deadlineMs: 5_000,
    limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'airtable_paced' }),
  };
  return { fake, config };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('fetchSessionRows', () => {
  it('reads every row with its record id and fields', async () => {
    const { fake, config } = await setUp();
    const inserted = fake.insert('Sessions', sessionRow());

    const rows = await fetchSessionRows(config);

    expect(rows).toEqual([{ id: inserted.id, fields: sessionRow() }]);
  });

  it('follows the offset over every page of a table of more than 100 rows', async () => {
    const { fake, config } = await setUp();
    for (let index = 0; index < 230; index += 1)
      fake.insert('Sessions', sessionRow({ Slug: `session-${index}` }));

    const rows = await fetchSessionRows(config);

    expect(rows.map((row) => row.fields['Slug'])).toEqual(
      Array.from({ length: 230 }, (_, index) => `session-${index}`),
    );
    expect(fake.requestCount(200)).toBe(3);
  });

  it('waits out a 429 on the second page, then reads that page again, not the first', async () => {
    const { fake, config } = await setUp();
    for (let index = 0; index < 150; index += 1)
      fake.insert('Sessions', sessionRow({ Slug: `s-${index}` }));
    let requests = 0;
    const acquire = () => {
      requests += 1;
      if (requests === 2) fake.failNext(429);
      return Promise.resolve();
    };
    const limiter = {
      acquire,
      reserve: (count: number) => Array.from({ length: count }, () => acquire),
      pauseUntil: () => undefined,
    };

    const rows = await fetchSessionRows({ ...config, limiter });

    expect(rows).toHaveLength(150);
    expect(fake.log.map((entry) => entry.status)).toEqual([200, 429, 200]);
    const [, limitedAt = 0, retriedAt = 0] = fake.log.map((entry) => entry.at);
    expect(retriedAt - limitedAt).toBeGreaterThanOrEqual(PENALTY_MS - 5);
  });

  it('retries a server error and a rate limit within the deadline, then succeeds', async () => {
    const { fake, config } = await setUp();
    fake.insert('Sessions', sessionRow());
    fake.failNext(503, 429);

    const rows = await fetchSessionRows(config);

    expect(rows).toHaveLength(1);
    expect(fake.log.map((entry) => entry.status)).toEqual([503, 429, 200]);
  });

  it('stops with a TemporaryError when Airtable stays down past the tries', async () => {
    const { fake, config } = await setUp();
    fake.goDown(502);

    const error = await rejection(fetchSessionRows({ ...config, maxAttempts: 3 }));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(fake.requestCount(502)).toBe(3);
    expect(describeFetchFailure(error).message).toMatch(/airtable_502.*run the build again/);
  });

  it('gives up at once on a refused token, and says which variable to check', async () => {
    const { fake, config } = await setUp();

    const error = await rejection(fetchSessionRows({ ...config, apiKey: 'patWRONG' }));

    expect(error).toBeInstanceOf(PermanentError);
    expect(fake.requestCount()).toBe(1);
    expect(describeFetchFailure(error).message).toMatch(/AIRTABLE_API_KEY is refused/);
    expect(describeFetchFailure(error).message).not.toMatch(/patWRONG/);
  });

  it('gives up at once when the base has no "Sessions" table', async () => {
    const { config } = await setUp({ tables: [{ name: 'Volunteers', fields: [] }] });

    const error = await rejection(fetchSessionRows(config));

    expect(error).toBeInstanceOf(PermanentError);
    expect(describeFetchFailure(error).message).toMatch(/table is named "Sessions"/);
  });

  it('stays under the 5 requests per second of a base by default, so a large table never meets a 429', async () => {
    const { fake, config } = await setUp({ ratePerSecond: 5 });
    for (let index = 0; index < 601; index += 1)
      fake.insert('Sessions', sessionRow({ Slug: `s-${index}` }));
    const defaults: AirtableSessionsConfig = { ...config };
    delete defaults.limiter;

    const rows = await fetchSessionRows(defaults);

    expect(rows).toHaveLength(601);
    expect(fake.requestCount(429)).toBe(0);
    expect(fake.requestCount(200)).toBe(7);
  });
});
