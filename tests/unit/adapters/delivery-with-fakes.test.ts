// The bad days of issue 3 end to end: the core's use cases over the real
// Airtable and Resend adapters, talking HTTP to the fakes (penalty scaled down
// 100 times): upserts of 10 records, batches of up to 100 emails. Every
// accepted application must end up in Airtable exactly once, with exactly one
// email, and the queue must end empty.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateForm } from '../../../src/schemas/forms/validate.ts';
import { AirtableStore } from '../../../src/server/adapters/airtable-store.ts';
import { FileErasureLog } from '../../../src/server/adapters/file-erasure-log.ts';
import { SqliteQueue } from '../../../src/server/adapters/sqlite-queue.ts';
import { ResendMailer } from '../../../src/server/adapters/resend-mailer.ts';
import type { AppDeps } from '../../../src/server/applications/deps.ts';
import { drainPending } from '../../../src/server/applications/drain.ts';
import {
  acceptApplication,
  type ValidApplication,
} from '../../../src/server/applications/submit.ts';
import { createLogger } from '../../../src/server/log.ts';
import { createRateLimiter, systemClock } from '../../../src/server/retry.ts';
import { FakeAirtable } from '../../fakes/fake-airtable.ts';
import { FakeResend } from '../../fakes/fake-resend.ts';

const TIME_SCALE = 0.01;
const minute = 60_000;

interface World {
  airtable: FakeAirtable;
  resend: FakeResend;
  deps: AppDeps & { queue: SqliteQueue };
  /** Moves the use cases' clock forward (the adapters keep real time). */
  advance(ms: number): void;
}

let cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function world(options: { airtableRate: number | null; pace: number }): Promise<World> {
  const airtable = await FakeAirtable.start({
    ratePerSecond: options.airtableRate,
    timeScale: TIME_SCALE,
  });
  const resend = await FakeResend.start({ ratePerSecond: null });
  const dir = await mkdtemp(join(tmpdir(), 'delivery-'));
  cleanups.push(
    () => airtable.close(),
    () => resend.close(),
    () => rm(dir, { recursive: true, force: true }),
  );
  const queue = new SqliteQueue({ file: join(dir, 'pending.sqlite') });
  cleanups.push(() => {
    queue.close();
    return Promise.resolve();
  });
  let offset = 0;
  const deps = {
    store: new AirtableStore({
      apiKey: airtable.apiKey,
      baseId: airtable.baseId,
      endpointUrl: airtable.url,
      rateLimitPenaltyMs: 30_000 * TIME_SCALE,
      requestTimeoutMs: 300,
      deadlineMs: 2_000,
      limiter: createRateLimiter({ ratePerSecond: options.pace, code: 'airtable_paced' }),
    }),
    mailer: new ResendMailer({
      apiKey: resend.apiKey,
      baseUrl: resend.url,
      from: 'Médecins du Monde Calais <calais@example.org>',
      timeoutMs: 300,
      deadlineMs: 1_000,
      limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'resend_paced' }),
    }),
    queue,
    erasures: new FileErasureLog({ dir: join(dir, 'erased') }),
    clock: { now: () => Date.now() + offset, sleep: (ms: number) => systemClock.sleep(ms) },
    log: createLogger(() => undefined),
    siteUrl: 'http://localhost:8888',
    coordinatorEmail: 'coordination@example.org',
    signingSecret: 'a-test-signing-secret-of-at-least-32-chars',
    upcomingSessions: () => Promise.resolve([]),
  };
  return { airtable, resend, deps, advance: (ms) => (offset += ms) };
}

function application(n: number): ValidApplication {
  const result = validateForm(
    'volunteer',
    {
      locale: n % 2 ? 'fr' : 'en',
      name: `Person ${n}`,
      email: `person${n}@example.org`,
      consent: true,
      privacyVersion: '2026-11-22',
      profession: 'interpreter',
      languages: [{ code: 'ar', level: 'fluent' }],
      site: 'calais',
      availability: ['weekends'],
      frequency: 'monthly',
      motivation: 'I speak Arabic and would like to help.',
    },
    'en',
  );
  if (!result.ok) throw new Error(`invalid test application: ${Object.keys(result.errors).join()}`);
  return result.data;
}

/** Accepts `count` applications at once, then one drainer round delivers them, as after the kick. */
async function burst({ deps }: World, count: number): Promise<string[]> {
  const ids = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { record } = await acceptApplication(deps, 'volunteer', application(index + 1), {
        suspect: false,
      });
      return record.id;
    }),
  );
  await drainPending(deps, { budgetMs: 8_000 });
  return ids;
}

/** The scheduled drain, once a (use-case) minute, until the queue is empty. */
async function drainUntilEmpty(world: World): Promise<number> {
  let runs = 0;
  while ((await world.deps.queue.list()).length > 0 && runs < 60) {
    world.advance(minute);
    await drainPending(world.deps);
    runs += 1;
  }
  return runs;
}

async function expectExactlyOnce(world: World, ids: readonly string[]): Promise<void> {
  const inAirtable = world.airtable.countBy('Application ID');
  const recipients = world.resend.inbox.flatMap((email) => email.to);
  expect(await world.deps.queue.list()).toEqual([]);
  for (const id of ids) expect(inAirtable.get(id)).toBe(1);
  expect(world.airtable.records('Volunteers')).toHaveLength(ids.length);
  expect(world.resend.inbox).toHaveLength(ids.length);
  expect(new Set(recipients).size).toBe(ids.length);
}

describe('delivery through the Airtable and Resend adapters', () => {
  it('delivers every application once through a 429 storm, at 5 requests per second', async () => {
    const w = await world({ airtableRate: 5, pace: 4.5 });
    w.airtable.rateLimitFor(1_500);

    const ids = await burst(w, 12);
    await drainUntilEmpty(w);

    await expectExactlyOnce(w, ids);
    expect(w.airtable.requestCount(429)).toBeGreaterThan(0);
  });

  it('delivers every application once after Airtable was down', async () => {
    const w = await world({ airtableRate: null, pace: 1_000 });
    w.airtable.goDown(503);

    const ids = await burst(w, 20);
    const storedDuringOutage = w.airtable.records('Volunteers').length;
    w.airtable.recover();
    await drainUntilEmpty(w);

    expect(storedDuringOutage).toBe(0);
    expect(w.resend.inbox).toHaveLength(20);
    await expectExactlyOnce(w, ids);
  });

  it('stores at once and emails every applicant once after Resend was down', async () => {
    const w = await world({ airtableRate: null, pace: 1_000 });
    w.resend.goDown(503);

    const ids = await burst(w, 20);
    const storedDuringOutage = w.airtable.records('Volunteers').length;
    w.resend.recover();
    await drainUntilEmpty(w);

    expect(storedDuringOutage).toBe(20);
    await expectExactlyOnce(w, ids);
  });

  it('stores 25 applications in 3 upserts and emails them in one batch request', async () => {
    const w = await world({ airtableRate: 5, pace: 4.5 });

    const ids = await burst(w, 25);

    await expectExactlyOnce(w, ids);
    expect(w.airtable.log.map((entry) => entry.method)).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(w.resend.requestCount()).toBe(1);
    expect(new Set(w.resend.inbox.map((email) => email.idempotencyKey)).size).toBe(1);
  });

  it('neither duplicates records nor emails when answers are lost to timeouts', async () => {
    const w = await world({ airtableRate: null, pace: 1_000 });
    w.airtable.slowNext(1_000);
    w.resend.delayMs = 1_000;

    const ids = await burst(w, 6);
    w.resend.delayMs = 0;
    await drainUntilEmpty(w);

    await expectExactlyOnce(w, ids);
    // The lost writes were repeated under the same ids and the same batch key, and changed nothing.
    expect(w.airtable.upsertMatches).toBeGreaterThan(0);
  });
});
