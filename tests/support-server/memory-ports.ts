// In-memory ports for the use-case tests, with faults that can be switched on:
// they count what really reached "Airtable" and "Resend", so a test can assert
// "exactly once" whatever happened in between.
import { TemporaryError } from '../../src/server/errors.ts';
import {
  applyAcquire,
  applyRelease,
  applyRenew,
  type LeaseGrant,
  type LeaseRecord,
} from '../../src/server/lease-rules.ts';
import type {
  ApplicationRecord,
  ApplicationStore,
  BatchEmail,
  BatchOutcome,
  EmailMessage,
  ErasureLog,
  Mailer,
  PendingDelivery,
  PendingQueue,
  ExpiredItem,
  RetentionCutoffs,
  RetentionPurge,
  WriterLease,
} from '../../src/server/ports.ts';

/** Decides, call by call, whether a port fails: return an error to throw it, undefined to go on. */
export type Fault = (call: number) => Error | undefined;

export const rateLimited = (code = 'airtable_429', retryAfterMs = 30_000) =>
  new TemporaryError(code, retryAfterMs);
export const down = (code = 'airtable_503') => new TemporaryError(code);

/** Fails the first n calls with the error made by `error`, then works. */
export const failFirst =
  (n: number, error: () => Error): Fault =>
  (call) =>
    call <= n ? error() : undefined;

export class MemoryStore implements ApplicationStore, RetentionPurge {
  readonly records = new Map<string, ApplicationRecord>();
  /** Every record written, duplicates included: what a coordinator would see. */
  readonly writes: ApplicationRecord[] = [];
  calls = 0;
  fault: Fault | undefined;
  /** Records per saveAll call, to check the batch size. */
  readonly batchSizes: number[] = [];
  /** Records a write found already stored and updated: each would have been a duplicate had the core created instead. */
  upsertMatches = 0;

  saveAll(records: readonly ApplicationRecord[]): Promise<void> {
    this.calls += 1;
    const error = this.fault?.(this.calls);
    if (error !== undefined) return Promise.reject(error);
    this.batchSizes.push(records.length);
    // An upsert by id, as Airtable's: a record already there is updated, never made twice.
    for (const r of records) {
      if (this.records.has(r.id)) this.upsertMatches += 1;
      else this.writes.push(structuredClone(r));
      this.records.set(r.id, structuredClone(r));
    }
    return Promise.resolve();
  }

  find(id: string): Promise<ApplicationRecord | null> {
    return Promise.resolve(this.records.get(id) ?? null);
  }

  erase(id: string): Promise<boolean> {
    return Promise.resolve(this.records.delete(id));
  }

  /** As the real stores: suspected spam by its own cutoff, the rest by the applications'. */
  expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const old = [...this.records.values()].filter((r) =>
      r.status === 'suspected-spam'
        ? r.submittedAt < cutoffs.suspectedSpam
        : r.submittedAt < cutoffs.applications,
    );
    old.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
    return Promise.resolve(
      old.map((r) => ({
        place: r.status === 'suspected-spam' ? 'memory (suspected spam)' : 'memory',
        id: r.id,
        ref: r.id,
      })),
    );
  }

  purge(items: readonly ExpiredItem[]): Promise<number> {
    return Promise.resolve(items.filter((item) => this.records.delete(item.ref)).length);
  }
}

export class MemoryMailer implements Mailer {
  /** Emails that reached an inbox, once per idempotency key as Resend does. */
  readonly delivered = new Map<string, EmailMessage>();
  calls = 0;
  fault: Fault | undefined;

  send(message: EmailMessage, options: { idempotencyKey: string }): Promise<{ id: string }> {
    this.calls += 1;
    const error = this.fault?.(this.calls);
    if (error !== undefined) return Promise.reject(error);
    if (!this.delivered.has(options.idempotencyKey))
      this.delivered.set(options.idempotencyKey, message);
    return Promise.resolve({ id: `email_${options.idempotencyKey}` });
  }

  /** Batch requests made, with their sizes. */
  readonly batchSizes: number[] = [];
  /** Batch keys already answered, as Resend keeps them: a repeat sends nothing more. */
  readonly #batches = new Map<string, BatchOutcome[]>();
  /** Decides, email by email, whether a batch refuses it (a refusal code), undefined to send it. */
  refuse: ((message: EmailMessage) => string | undefined) | undefined;

  sendBatch(
    emails: readonly BatchEmail[],
    options: { idempotencyKey: string },
  ): Promise<BatchOutcome[]> {
    this.calls += 1;
    const error = this.fault?.(this.calls);
    if (error !== undefined) return Promise.reject(error);
    this.batchSizes.push(emails.length);
    const earlier = this.#batches.get(options.idempotencyKey);
    if (earlier !== undefined) return Promise.resolve(earlier);
    const outcomes = emails.map(({ message }, index): BatchOutcome => {
      const refused = this.refuse?.(message);
      if (refused !== undefined) return { refused };
      // Resend keys the batch, not its emails: a different batch with the same email sends it again.
      const key = `${options.idempotencyKey}#${index}`;
      this.delivered.set(key, message);
      return { id: `email_${key}` };
    });
    this.#batches.set(options.idempotencyKey, outcomes);
    return Promise.resolve(outcomes);
  }

  /** Emails sent to one address. */
  to(address: string): EmailMessage[] {
    return [...this.delivered.values()].filter((m) => m.to === address);
  }
}

export class MemoryQueue implements PendingQueue {
  readonly items = new Map<string, string>();

  put(item: PendingDelivery): Promise<void> {
    this.items.set(item.record.id, JSON.stringify(item));
    return Promise.resolve();
  }

  putIfAbsent(item: PendingDelivery): Promise<boolean> {
    if (this.items.has(item.record.id)) return Promise.resolve(false);
    this.items.set(item.record.id, JSON.stringify(item));
    return Promise.resolve(true);
  }

  get(id: string): Promise<PendingDelivery | null> {
    const json = this.items.get(id);
    return Promise.resolve(json === undefined ? null : (JSON.parse(json) as PendingDelivery));
  }

  list(): Promise<string[]> {
    const all = [...this.items.values()].map((j) => JSON.parse(j) as PendingDelivery);
    all.sort((a, b) => a.record.submittedAt.localeCompare(b.record.submittedAt));
    return Promise.resolve(all.map((i) => i.record.id));
  }

  remove(id: string): Promise<void> {
    this.items.delete(id);
    return Promise.resolve();
  }
}

/** The erasure log in memory: keys and the instant each may be forgotten. */
export class MemoryErasureLog implements ErasureLog {
  readonly entries = new Map<string, string>();

  add(key: string, until: string): Promise<void> {
    this.entries.set(key, until);
    return Promise.resolve();
  }

  erased(keys: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(keys.filter((key) => this.entries.has(key))));
  }

  expired(now: string): Promise<string[]> {
    const at = Date.parse(now);
    return Promise.resolve(
      [...this.entries].filter(([, until]) => Date.parse(until) <= at).map(([key]) => key),
    );
  }

  remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }
}

/** The writer lease in memory; two objects sharing one `cell` stand for two instances. */
export class MemoryLease implements WriterLease {
  readonly cell: { record: LeaseRecord | null };
  /** Holders that got the lease, in order. */
  readonly grants: string[] = [];

  constructor(cell: { record: LeaseRecord | null } = { record: null }) {
    this.cell = cell;
  }

  acquire(holder: string, now: number, ttlMs: number): Promise<LeaseGrant | null> {
    const result = applyAcquire(this.cell.record, holder, now, ttlMs);
    if (result === null) return Promise.resolve(null);
    this.cell.record = result.next;
    this.grants.push(holder);
    return Promise.resolve(result.grant);
  }

  renew(holder: string, now: number, ttlMs: number): Promise<boolean> {
    const next = applyRenew(this.cell.record, holder, now, ttlMs);
    if (next !== null) this.cell.record = next;
    return Promise.resolve(next !== null);
  }

  release(holder: string, now: number): Promise<void> {
    const next = applyRelease(this.cell.record, holder, now);
    if (next !== null) this.cell.record = next;
    return Promise.resolve();
  }
}

/** Time that passes only when told to, or when someone sleeps. */
export class FakeClock {
  #now: number;

  constructor(start = Date.parse('2026-12-01T09:00:00Z')) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    this.#now += Math.max(0, ms);
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
