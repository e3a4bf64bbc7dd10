// The pending deliveries on this machine, when Netlify Blobs is not used: one
// row per application in an SQLite file (LOCAL_DATA_DIR/pending.sqlite), shared
// by every function instance (the Netlify CLI runs each invocation in its own
// worker), so that a crash loses nothing that was answered.
//
// Writes that come together are committed together: every change asked for in
// the same turn of the event loop goes in one transaction, with one sync to
// disk, and each caller's promise settles when that transaction is durable
// (group commit). A burst of applications is then answered at the pace of a
// few disk syncs, not one per application; nothing is answered before its row
// is on disk.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { PendingDelivery, PendingQueue } from '../ports.ts';
import { openLocalDatabase, whileLocked } from './sqlite-file.ts';

const schema = `
  CREATE TABLE IF NOT EXISTS pending (
    id TEXT PRIMARY KEY,
    submitted_at TEXT NOT NULL,
    item TEXT NOT NULL
  )`;

/** A change waiting for the next commit; an item is already serialised (a failure there is its caller's alone). */
type Change =
  | { kind: 'put' | 'putIfAbsent'; id: string; submittedAt: string; item: string }
  | { kind: 'remove'; id: string };

interface Waiting {
  change: Change;
  resolve: (changed: boolean) => void;
  reject: (error: unknown) => void;
}

export class SqliteQueue implements PendingQueue {
  readonly #db: DatabaseSync;
  readonly #statements: Record<Change['kind'] | 'get' | 'list', StatementSync>;
  /** The changes asked for since the last commit, in order. */
  #waiting: Waiting[] = [];

  constructor(options: { file: string }) {
    this.#db = openLocalDatabase(options.file, schema);
    // A removed application (delivered or erased) is overwritten in the file, not just unlinked from it.
    this.#db.exec('PRAGMA secure_delete = ON');
    const insert = 'INSERT INTO pending (id, submitted_at, item) VALUES (?, ?, ?) ON CONFLICT(id)';
    this.#statements = {
      put: this.#db.prepare(`${insert} DO UPDATE SET item = excluded.item`),
      putIfAbsent: this.#db.prepare(`${insert} DO NOTHING`),
      remove: this.#db.prepare('DELETE FROM pending WHERE id = ?'),
      get: this.#db.prepare('SELECT item FROM pending WHERE id = ?'),
      list: this.#db.prepare('SELECT id FROM pending ORDER BY submitted_at, id'),
    };
  }

  async put(item: PendingDelivery): Promise<void> {
    await this.#change({ kind: 'put', ...serialised(item) });
  }

  putIfAbsent(item: PendingDelivery): Promise<boolean> {
    return this.#change({ kind: 'putIfAbsent', ...serialised(item) });
  }

  get(id: string): Promise<PendingDelivery | null> {
    const row = this.#statements.get.get(id);
    return Promise.resolve(
      row === undefined ? null : (JSON.parse(String(row['item'])) as PendingDelivery),
    );
  }

  list(): Promise<string[]> {
    const rows = this.#statements.list.all();
    return Promise.resolve(rows.map((row) => String(row['id'])));
  }

  async remove(id: string): Promise<void> {
    await this.#change({ kind: 'remove', id });
  }

  /** Queues a change for the next commit, which the first change of a turn schedules. */
  #change(change: Change): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0)
        setImmediate(() => {
          this.#commit();
        });
      this.#waiting.push({ change, resolve, reject });
    });
  }

  /** One transaction for every change waiting: all of them are durable, or none. */
  #commit(): void {
    const group = this.#waiting;
    this.#waiting = [];
    const outcomes: boolean[] = [];
    try {
      whileLocked(() => {
        this.#db.exec('BEGIN IMMEDIATE');
      });
      try {
        for (const { change } of group) outcomes.push(this.#apply(change));
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, index) => {
      waiting.resolve(outcomes[index] ?? false);
    });
  }

  /** One change inside the transaction; true if it changed a row. */
  #apply(change: Change): boolean {
    const statement = this.#statements[change.kind];
    const result =
      change.kind === 'remove'
        ? statement.run(change.id)
        : statement.run(change.id, change.submittedAt, change.item);
    return Number(result.changes) > 0;
  }

  close(): void {
    this.#db.close();
  }
}

const serialised = (item: PendingDelivery) => ({
  id: item.record.id,
  submittedAt: item.record.submittedAt,
  item: JSON.stringify(item),
});
