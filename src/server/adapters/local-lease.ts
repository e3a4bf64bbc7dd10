// The writer lease on this machine: one row of an SQLite file, read and
// changed in one BEGIN IMMEDIATE transaction, so that two processes (the
// Netlify CLI runs each invocation in its own worker) cannot both take it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import {
  applyAcquire,
  applyRelease,
  applyRenew,
  type LeaseGrant,
  type LeaseRecord,
} from '../lease-rules.ts';
import type { WriterLease } from '../ports.ts';
import { openShared, whileLocked } from './sqlite-file.ts';

const NAME = 'drainer';

export class LocalLease implements WriterLease {
  readonly #db: DatabaseSync;

  constructor(options: { file: string }) {
    mkdirSync(dirname(options.file), { recursive: true });
    // Loaded at run time, not imported: see local-store.ts.
    const sqlite = process.getBuiltinModule('node:sqlite');
    this.#db = openShared(sqlite, options.file);
    whileLocked(() => {
      this.#db.exec(
        'CREATE TABLE IF NOT EXISTS lease (name TEXT PRIMARY KEY, record TEXT NOT NULL)',
      );
    });
  }

  acquire(holder: string, now: number, ttlMs: number): Promise<LeaseGrant | null> {
    return Promise.resolve(
      this.#change((lease) => {
        const result = applyAcquire(lease, holder, now, ttlMs);
        return result === null
          ? { next: null, answer: null }
          : { next: result.next, answer: result.grant };
      }),
    );
  }

  renew(holder: string, now: number, ttlMs: number): Promise<boolean> {
    return Promise.resolve(
      this.#change((lease) => {
        const next = applyRenew(lease, holder, now, ttlMs);
        return { next, answer: next !== null };
      }),
    );
  }

  async release(holder: string, now: number): Promise<void> {
    this.#change((lease) => ({ next: applyRelease(lease, holder, now), answer: undefined }));
    return Promise.resolve();
  }

  /** Reads the lease and writes what `step` makes of it (null: no change), in one write transaction. */
  #change<T>(step: (lease: LeaseRecord | null) => { next: LeaseRecord | null; answer: T }): T {
    whileLocked(() => {
      this.#db.exec('BEGIN IMMEDIATE');
    });
    try {
      const row = this.#db.prepare('SELECT record FROM lease WHERE name = ?').get(NAME);
      const current = row === undefined ? null : (JSON.parse(String(row['record'])) as LeaseRecord);
      const { next, answer } = step(current);
      if (next !== null)
        this.#db
          .prepare(
            'INSERT INTO lease (name, record) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET record = excluded.record',
          )
          .run(NAME, JSON.stringify(next));
      this.#db.exec('COMMIT');
      return answer;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
