// In-memory ports for the use-case tests, with faults that can be switched on:
// they count what really reached "Airtable" and "Resend", so a test can assert
// "exactly once" whatever happened in between.
import { TemporaryError } from '../../src/server/errors.ts';
import type {
  ApplicationRecord,
  ApplicationStore,
  EmailMessage,
  ErasureLog,
  Mailer,
  PendingDelivery,
  PendingQueue,
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

export class MemoryStore implements ApplicationStore {
  readonly records = new Map<string, ApplicationRecord>();
  /** Every record written, duplicates included: what a coordinator would see. */
  readonly writes: ApplicationRecord[] = [];
  calls = 0;
  fault: Fault | undefined;
  /** Records per saveAll call, to check the batch size. */
  readonly batchSizes: number[] = [];

  saveAll(records: readonly ApplicationRecord[]): Promise<void> {
    this.calls += 1;
    const error = this.fault?.(this.calls);
    if (error !== undefined) return Promise.reject(error);
    this.batchSizes.push(records.length);
    for (const r of records) {
      if (!this.records.has(r.id)) {
        this.records.set(r.id, structuredClone(r));
        this.writes.push(structuredClone(r));
      }
    }
    return Promise.resolve();
  }

  find(id: string): Promise<ApplicationRecord | null> {
    return Promise.resolve(this.records.get(id) ?? null);
  }

  erase(id: string): Promise<boolean> {
    return Promise.resolve(this.records.delete(id));
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
