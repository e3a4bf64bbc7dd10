// Every accepted application ends up in the store exactly once with exactly one
// email, whatever fails in between, and however many drainers race for the
// writer lease: the bad day of the issue, in fast time.
import { describe, expect, it } from 'vitest';
import { validateForm } from '../../../src/schemas/forms/validate.ts';
import { fromFormEntries } from '../../../src/schemas/forms/form-data.ts';
import { drainPending, hasDueItems, maxPendingMs } from '../../../src/server/applications/drain.ts';
import { eraseApplication } from '../../../src/server/applications/erase.ts';
import {
  acceptApplication,
  type ValidApplication,
} from '../../../src/server/applications/submit.ts';
import {
  handoverGapMs,
  leaseTtlMs,
  minRoundMs,
  runAsDrainer,
  type DrainerOutcome,
} from '../../../src/server/drainer.ts';
import { PermanentError, TemporaryError } from '../../../src/server/errors.ts';
import { testDeps, type TestDeps } from '../../support-server/deps.ts';
import { formBody, volunteerForm } from '../../support-server/forms.ts';
import { down, failFirst, MemoryLease, rateLimited } from '../../support-server/memory-ports.ts';

const minute = 60_000;

function application(n: number): ValidApplication {
  const fields = fromFormEntries(
    formBody(volunteerForm({ email: `person${n}@example.org`, name: `Person ${n}` })),
  );
  const result = validateForm('volunteer', fields, 'fr');
  if (!result.ok) throw new Error('invalid test application');
  return result.data;
}

async function acceptMany(deps: TestDeps, count: number, deliver = true): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const { record } = await acceptApplication(deps, 'volunteer', application(n), {
      suspect: false,
    });
    ids.push(record.id);
    // What the request's kick of the drainer does when the lease is free.
    if (deliver) await drainPending(deps);
  }
  return ids;
}

/** A drainer of one instance (its own lease object over the shared `cell`), as runDrain makes it. */
function drainer(deps: TestDeps, lease: MemoryLease, budgetMs = 8_000): Promise<DrainerOutcome> {
  return runAsDrainer(
    { lease, clock: deps.clock, log: deps.log },
    {
      round: async (deadline) => {
        const report = await drainPending(deps, { budgetMs: deadline - deps.clock.now() });
        return { more: report.dueLeft > 0, progress: report.delivered > 0 };
      },
      due: () => hasDueItems(deps),
    },
    budgetMs,
  );
}

/** Runs the scheduled drain once a minute until nothing is pending (or a day has passed). */
async function drainUntilEmpty(deps: TestDeps): Promise<number> {
  let runs = 0;
  while (deps.queue.items.size > 0 && runs < 24 * 60) {
    deps.clock.advance(minute);
    await drainPending(deps);
    runs += 1;
  }
  return runs;
}

function expectExactlyOnce(deps: TestDeps, count: number) {
  expect(deps.queue.items.size).toBe(0);
  expect(deps.store.writes).toHaveLength(count);
  expect(new Set(deps.store.writes.map((r) => r.id)).size).toBe(count);
  expect(deps.mailer.delivered.size).toBe(count);
  for (let n = 1; n <= count; n += 1)
    expect(deps.mailer.to(`person${n}@example.org`)).toHaveLength(1);
}

describe('delivery on a bad day', () => {
  it('delivers every application once through an Airtable 429 storm', async () => {
    const deps = testDeps();
    deps.store.fault = failFirst(40, () => rateLimited());

    await acceptMany(deps, 25);
    await drainUntilEmpty(deps);

    expectExactlyOnce(deps, 25);
    expect(Math.max(...deps.store.batchSizes)).toBeLessThanOrEqual(10);
  });

  it('waits as long as Airtable asks after a 429 before calling it again', async () => {
    const deps = testDeps();
    deps.store.fault = failFirst(1, () => rateLimited('airtable_429', 5 * minute));
    const [id] = await acceptMany(deps, 1);

    const item = await deps.queue.get(id ?? '');

    expect(item?.lastError).toBe('airtable_429');
    expect(Date.parse(item?.notBefore ?? '')).toBe(deps.clock.now() + 5 * minute);
  });

  it('delivers every application once after Airtable is down for an hour', async () => {
    const deps = testDeps();
    const backAt = deps.clock.now() + 60 * minute;
    deps.store.fault = () => (deps.clock.now() < backAt ? down() : undefined);

    await acceptMany(deps, 12);
    await drainUntilEmpty(deps);

    expectExactlyOnce(deps, 12);
    expect(deps.clock.now()).toBeGreaterThanOrEqual(backAt);
  });

  it('stores at once and emails every applicant once after Resend is down for an hour', async () => {
    const deps = testDeps();
    const backAt = deps.clock.now() + 60 * minute;
    deps.mailer.fault = () => (deps.clock.now() < backAt ? down('resend_503') : undefined);

    await acceptMany(deps, 8);

    expect(deps.store.writes).toHaveLength(8);
    expect(deps.mailer.delivered.size).toBe(0);
    await drainUntilEmpty(deps);
    expectExactlyOnce(deps, 8);
  });

  it('delivers an application accepted just before a crash, once the drain comes', async () => {
    const deps = testDeps();
    await acceptMany(deps, 3, false);
    expect(deps.store.writes).toHaveLength(0);

    await drainPending(deps);

    expectExactlyOnce(deps, 3);
  });

  it('does not duplicate a record whose store write succeeded but whose answer was lost', async () => {
    const deps = testDeps();
    const save = deps.store.saveAll.bind(deps.store);
    let lost = 1;
    deps.store.saveAll = async (records) => {
      await save(records);
      if (lost-- > 0) throw new TemporaryError('airtable_timeout');
    };

    await acceptMany(deps, 2);
    await drainUntilEmpty(deps);

    expectExactlyOnce(deps, 2);
    // The core wrote the first record again under the same id: an upsert, where a create would have made two.
    expect(deps.store.upsertMatches).toBe(1);
  });

  it('does not send a second email when the first batch was sent but its answer was lost', async () => {
    const deps = testDeps();
    const sendBatch = deps.mailer.sendBatch.bind(deps.mailer);
    const keys: string[] = [];
    let lost = 1;
    deps.mailer.sendBatch = async (emails, options) => {
      keys.push(options.idempotencyKey);
      const result = await sendBatch(emails, options);
      if (lost-- > 0) throw new TemporaryError('resend_timeout');
      return result;
    };

    await acceptMany(deps, 2, false);
    await drainPending(deps);
    await drainUntilEmpty(deps);

    expectExactlyOnce(deps, 2);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends a batch whose answer was lost again whole, apart from applications that came since', async () => {
    const deps = testDeps();
    const sendBatch = deps.mailer.sendBatch.bind(deps.mailer);
    const sizes: number[] = [];
    let lost = 1;
    deps.mailer.sendBatch = async (emails, options) => {
      sizes.push(emails.length);
      const result = await sendBatch(emails, options);
      if (lost-- > 0) throw new TemporaryError('resend_timeout');
      return result;
    };
    await acceptMany(deps, 2, false);
    await drainPending(deps);

    const later = await acceptApplication(deps, 'volunteer', application(3), { suspect: false });
    deps.clock.advance(60 * minute);
    await drainPending(deps);

    expect(later.record.id).toBeDefined();
    expect(sizes).toEqual([2, 2, 1]);
    expectExactlyOnce(deps, 3);
  });

  it('sends alone, under its own key, an email the batch refused, and the others in the batch', async () => {
    const deps = testDeps();
    deps.mailer.refuse = (message) =>
      message.to === 'person2@example.org' ? 'refused' : undefined;
    const send = deps.mailer.send.bind(deps.mailer);
    const alone: string[] = [];
    deps.mailer.send = (message, options) => {
      alone.push(options.idempotencyKey);
      return send(message, options);
    };

    const ids = await acceptMany(deps, 3, false);
    await drainPending(deps);

    expect(deps.mailer.batchSizes).toEqual([3]);
    expect(alone).toEqual([`${ids[1] ?? ''}:welcome`]);
    expectExactlyOnce(deps, 3);
  });

  it('does not let one record Airtable refuses hold back the others of its batch', async () => {
    const deps = testDeps();
    const ids = await acceptMany(deps, 5, false);
    const save = deps.store.saveAll.bind(deps.store);
    deps.store.saveAll = (records) =>
      records.some((r) => r.id === ids[2])
        ? Promise.reject(new PermanentError('airtable_422'))
        : save(records);

    await drainPending(deps);

    expect(deps.store.writes).toHaveLength(4);
    expect(deps.queue.items.size).toBe(1);
    expect((await deps.queue.get(ids[2] ?? ''))?.lastError).toBe('airtable_422');
  });

  it('stores a suspected spam apart and sends it no email', async () => {
    const deps = testDeps();
    await acceptApplication(deps, 'volunteer', application(1), {
      suspect: true,
      reason: 'honeypot',
    });

    await drainPending(deps);

    expect(deps.store.writes[0]?.status).toBe('suspected-spam');
    expect(deps.mailer.calls).toBe(0);
    expect(deps.queue.items.size).toBe(0);
  });

  it('never delivers an application erased while it was still pending', async () => {
    const deps = testDeps();
    deps.store.fault = () => down();
    const [id] = await acceptMany(deps, 1);

    const erased = await eraseApplication(deps, id ?? '');
    deps.store.fault = undefined;
    await drainUntilEmpty(deps);

    expect(erased).toBe(true);
    expect(deps.store.writes).toHaveLength(0);
    expect(deps.mailer.calls).toBe(0);
  });

  it('gives up a welcome email still unsent after a week, but never a record not yet stored', async () => {
    const deps = testDeps();
    deps.mailer.fault = () => down('resend_503');
    const [mailedLate] = await acceptMany(deps, 1);
    deps.store.fault = () => down();
    const [unstored] = await acceptMany(deps, 1);

    deps.clock.advance(maxPendingMs + minute);
    await drainPending(deps);

    expect(await deps.queue.get(mailedLate ?? '')).toBeNull();
    expect(await deps.store.find(mailedLate ?? '')).not.toBeNull();
    expect(await deps.queue.get(unstored ?? '')).not.toBeNull();
    expect(deps.logLines.join('\n')).toMatch(/welcome_abandoned[\s\S]*delivery_overdue/);
  });

  it('treats its own pacing as a wait, not a failure: no attempt counted, retried when the slot comes', async () => {
    const deps = testDeps();
    deps.store.fault = failFirst(1, () => rateLimited('airtable_paced', 3_000));
    const [id] = await acceptMany(deps, 1);

    const item = await deps.queue.get(id ?? '');

    expect(item?.attempts).toBe(0);
    expect(Date.parse(item?.notBefore ?? '')).toBe(deps.clock.now() + 3_000);
    expect(deps.logLines.join('\n')).not.toMatch(/delivery_postponed/);
  });

  it('drains records not yet stored before those waiting only for their email', async () => {
    const deps = testDeps();
    deps.mailer.fault = () => down('resend_503');
    const mailOnly = await acceptMany(deps, 3);
    deps.mailer.fault = undefined;
    const unstored = await acceptMany(deps, 3, false);
    deps.clock.advance(60 * minute);

    await drainPending(deps, { maxItems: 3 });

    for (const id of unstored) expect(await deps.store.find(id)).not.toBeNull();
    for (const id of mailOnly) expect(await deps.queue.get(id)).not.toBeNull();
  });

  it('stops a drain at its time budget and leaves the rest for the next run', async () => {
    const deps = testDeps();
    await acceptMany(deps, 30, false);
    const slowSave = deps.store.saveAll.bind(deps.store);
    deps.store.saveAll = async (records) => {
      await deps.clock.sleep(8_000);
      await slowSave(records);
    };

    const report = await drainPending(deps, { budgetMs: 10_000 });

    expect(deps.store.writes.length).toBeLessThan(30);
    expect(report.pending).toBeGreaterThan(0);
    await drainUntilEmpty(deps);
    expectExactlyOnce(deps, 30);
  });
});

describe('one writer at a time', () => {
  it('lets only one of two drainers racing for the lease write; the other leaves at once', async () => {
    const deps = testDeps();
    const cell = { record: null };
    const [one, two] = [new MemoryLease(cell), new MemoryLease(cell)];
    await acceptMany(deps, 25, false);

    const outcomes = await Promise.all([drainer(deps, one), drainer(deps, two)]);

    expect(outcomes.sort()).toEqual(['busy', 'ran']);
    expect(one.grants.length + two.grants.length).toBe(1);
    expectExactlyOnce(deps, 25);
  });

  it('delivers every application once through a 429 storm with two instances draining in turn', async () => {
    const deps = testDeps();
    deps.store.fault = failFirst(8, () => rateLimited());
    const cell = { record: null };
    const instances = [new MemoryLease(cell), new MemoryLease(cell)];
    await acceptMany(deps, 25, false);

    for (let run = 0; run < 24 * 60 && deps.queue.items.size > 0; run += 1) {
      deps.clock.advance(minute);
      await Promise.all(instances.map((lease) => drainer(deps, lease)));
    }

    expectExactlyOnce(deps, 25);
    expect(Math.max(...deps.store.batchSizes)).toBeLessThanOrEqual(10);
  });

  it('blocks the others only until the lease of a drainer that crashed expires', async () => {
    const deps = testDeps();
    const cell = {
      record: { holder: 'crashed:1', expiresAt: deps.clock.now() + leaseTtlMs } as const,
    };
    await acceptMany(deps, 3, false);

    const whileHeld = await drainer(deps, new MemoryLease({ ...cell }));
    const shared = { record: cell.record as never };
    const early = await drainer(deps, new MemoryLease(shared));
    deps.clock.advance(leaseTtlMs);
    const after = await drainer(deps, new MemoryLease(shared));

    expect([whileHeld, early, after]).toEqual(['busy', 'busy', 'ran']);
    expectExactlyOnce(deps, 3);
  });

  it('takes work that came while it was finishing, which found the lease held and left', async () => {
    const deps = testDeps();
    const cell = { record: null };
    const holder = new MemoryLease(cell);
    const other = new MemoryLease(cell);
    await acceptMany(deps, 2, false);
    let turnedAway: DrainerOutcome | undefined;
    const save = deps.store.saveAll.bind(deps.store);
    deps.store.saveAll = async (records) => {
      await save(records);
      if (turnedAway !== undefined) return;
      // A request accepts an application meanwhile; its kick finds the lease held.
      await acceptApplication(deps, 'volunteer', application(3), { suspect: false });
      turnedAway = await drainer(deps, other);
    };

    await drainer(deps, holder);

    expect(turnedAway).toBe('busy');
    expectExactlyOnce(deps, 3);
  });

  it('waits a second after a holder of another instance gave the lease up before writing', async () => {
    const deps = testDeps();
    const releasedAt = deps.clock.now();
    const cell = {
      record: { holder: null, expiresAt: releasedAt, releasedAt, releasedBy: 'other:1' },
    };
    await acceptMany(deps, 1, false);
    const save = deps.store.saveAll.bind(deps.store);
    let firstWriteAt: number | undefined;
    deps.store.saveAll = (records) => {
      firstWriteAt ??= deps.clock.now();
      return save(records);
    };

    await drainer(deps, new MemoryLease(cell));

    expect(firstWriteAt).toBeGreaterThanOrEqual(releasedAt + handoverGapMs);
    expectExactlyOnce(deps, 1);
  });

  it('ends its run rather than start a round with too little time left to write anything', async () => {
    const deps = testDeps();
    const budgetMs = 8_000;
    const rounds: number[] = [];
    const outcome = await runAsDrainer(
      { lease: new MemoryLease({ record: null }), clock: deps.clock, log: deps.log },
      {
        // Each round has work left and moves some; the first one ends just short of minRoundMs before the end.
        round: async () => {
          rounds.push(deps.clock.now());
          await deps.clock.sleep(rounds.length === 1 ? budgetMs - minRoundMs - 500 : 1_000);
          return { more: true, progress: true };
        },
        due: () => Promise.resolve(true),
      },
      budgetMs,
    );

    expect(outcome).toBe('ran');
    // 1 s after the first round, less than minRoundMs is left: no third round.
    expect(rounds).toHaveLength(2);
  });
});
