// The coordinators' records on this machine, when Airtable is not configured:
// an SQLite file (Node's built-in node:sqlite), so they survive a restart.
import type { DatabaseSync } from 'node:sqlite';
import { openLocalDatabase } from './sqlite-file.ts';
import type {
  ApplicationRecord,
  ApplicationStore,
  ExpiredItem,
  RetentionCutoffs,
  RetentionPurge,
} from '../ports.ts';

export class LocalStore implements ApplicationStore, RetentionPurge {
  readonly #db: DatabaseSync;

  constructor(options: { file: string }) {
    this.#db = openLocalDatabase(
      options.file,
      `
      CREATE TABLE IF NOT EXISTS applications (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS applications_by_status ON applications (status, submitted_at);
    `,
    );
  }

  saveAll(records: readonly ApplicationRecord[]): Promise<void> {
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO applications (id, kind, status, submitted_at, record) VALUES (?, ?, ?, ?, ?)',
    );
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      for (const r of records) insert.run(r.id, r.kind, r.status, r.submittedAt, JSON.stringify(r));
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
    return Promise.resolve();
  }

  find(id: string): Promise<ApplicationRecord | null> {
    const row = this.#db.prepare('SELECT record FROM applications WHERE id = ?').get(id);
    return Promise.resolve(
      row === undefined ? null : (JSON.parse(String(row['record'])) as ApplicationRecord),
    );
  }

  erase(id: string): Promise<boolean> {
    const result = this.#db.prepare('DELETE FROM applications WHERE id = ?').run(id);
    return Promise.resolve(Number(result.changes) > 0);
  }

  /**
   * Applications submitted before their cutoff (suspected spam before its own).
   * Nobody records a later contact on this machine: the submission is the last one.
   */
  expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const rows = this.#db
      .prepare(
        `SELECT id, status FROM applications
         WHERE (status = 'suspected-spam' AND submitted_at < ?)
            OR (status <> 'suspected-spam' AND submitted_at < ?)
         ORDER BY submitted_at, id`,
      )
      .all(cutoffs.suspectedSpam, cutoffs.applications);
    return Promise.resolve(
      rows.map((row) => ({
        place: row['status'] === 'suspected-spam' ? 'local store (suspected spam)' : 'local store',
        id: String(row['id']),
        ref: String(row['id']),
      })),
    );
  }

  purge(items: readonly ExpiredItem[]): Promise<number> {
    const remove = this.#db.prepare('DELETE FROM applications WHERE id = ?');
    let count = 0;
    for (const item of items) count += Number(remove.run(item.ref).changes);
    return Promise.resolve(count);
  }

  /** Every record, oldest first: for local tools and tests, not part of the port. */
  all(): Promise<ApplicationRecord[]> {
    const rows = this.#db
      .prepare('SELECT record FROM applications ORDER BY submitted_at, id')
      .all();
    return Promise.resolve(
      rows.map((row) => JSON.parse(String(row['record'])) as ApplicationRecord),
    );
  }

  close(): void {
    this.#db.close();
  }
}
