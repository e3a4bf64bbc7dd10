// The seat ledger on this machine: an SQLite file (node:sqlite). Each change
// runs in a BEGIN IMMEDIATE transaction, so that two processes sharing the file
// cannot both take the last seat. Every ledger method is in SessionLedger; this
// module holds only the storage, and the queries its columns answer directly.
import type { DatabaseSync } from 'node:sqlite';
import { openLocalDatabase, whileLocked } from './sqlite-file.ts';
import type {
  ExpiredItem,
  Registration,
  RetentionCutoffs,
  UncopiedRegistration,
} from '../ports.ts';
import { expiredIn, needsCopy, uncopiedIn } from '../registrations/ledger-rules.ts';
import { SessionLedger, type LedgerStep } from '../registrations/session-ledger.ts';

export class LocalLedger extends SessionLedger {
  readonly #db: DatabaseSync;

  constructor(options: { file: string }) {
    super();
    this.#db = openLocalDatabase(
      options.file,
      `
      CREATE TABLE IF NOT EXISTS registrations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        session_slug TEXT NOT NULL,
        owes INTEGER NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS registrations_by_session ON registrations (session_slug, seq);
      CREATE INDEX IF NOT EXISTS registrations_owing ON registrations (owes, seq);
    `,
    );
    const db = this.#db;
    // Added after the first ledgers were made: those rows are owed a copy (the
    // default). Checked and added in one write transaction, so that instances
    // opening an old file together add it once.
    whileLocked(() => {
      db.exec('BEGIN IMMEDIATE');
    });
    try {
      const columns = this.#db.prepare('PRAGMA table_info(registrations)').all();
      if (!columns.some((column) => column['name'] === 'uncopied')) {
        this.#db.exec('ALTER TABLE registrations ADD COLUMN uncopied INTEGER NOT NULL DEFAULT 1');
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  protected read(sessionSlug: string): Promise<Registration[]> {
    return Promise.resolve(this.#load(sessionSlug));
  }

  protected sessions(): Promise<string[]> {
    return Promise.resolve(
      this.#db
        .prepare('SELECT DISTINCT session_slug FROM registrations')
        .all()
        .map((row) => String(row['session_slug'])),
    );
  }

  // The three queries over every session are answered from the table's own
  // columns (an index on the emails owed, the copies owed) and in its order.

  override unsent(): Promise<Registration[]> {
    const rows = this.#db
      .prepare('SELECT record FROM registrations WHERE owes = 1 ORDER BY seq')
      .all();
    return Promise.resolve(rows.map((row) => JSON.parse(String(row['record'])) as Registration));
  }

  override uncopied(): Promise<UncopiedRegistration[]> {
    const sessions = this.#db
      .prepare(
        'SELECT session_slug, MIN(seq) AS first FROM registrations WHERE uncopied = 1 GROUP BY session_slug ORDER BY first',
      )
      .all()
      .map((row) => String(row['session_slug']));
    return Promise.resolve(sessions.flatMap((slug) => uncopiedIn(this.#load(slug))));
  }

  /** Registrations whose session is past the registrations' period (src/lib/retention.ts). */
  override expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const all = this.#db
      .prepare('SELECT record FROM registrations ORDER BY seq')
      .all()
      .map((row) => JSON.parse(String(row['record'])) as Registration);
    return Promise.resolve(
      expiredIn(all, cutoffs.registrations).map((r) => ({
        place: 'seat ledger',
        id: r.id,
        ref: r.sessionSlug,
      })),
    );
  }

  close(): void {
    this.#db.close();
  }

  #load(sessionSlug: string): Registration[] {
    return this.#db
      .prepare('SELECT record FROM registrations WHERE session_slug = ? ORDER BY seq')
      .all(sessionSlug)
      .map((row) => JSON.parse(String(row['record'])) as Registration);
  }

  /** Reads the session's registrations, applies `step` and writes back what changed, in one transaction. */
  protected change<T>(sessionSlug: string, step: LedgerStep<T>): Promise<T> {
    whileLocked(() => {
      this.#db.exec('BEGIN IMMEDIATE');
    });
    try {
      const before = this.#load(sessionSlug);
      const { next, answer } = step(before);
      if (next === null) {
        this.#db.exec('COMMIT');
        return Promise.resolve(answer);
      }
      // A row is rewritten when it changed or when its copy became owed (a waiting position moved).
      const row = (list: Registration[], r: Registration) =>
        `${needsCopy(list, r) ? 1 : 0} ${JSON.stringify(r)}`;
      const old = new Map(before.map((r) => [r.id, row(before, r)]));
      const upsert = this.#db.prepare(
        `INSERT INTO registrations (id, session_slug, owes, uncopied, record) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET owes = excluded.owes, uncopied = excluded.uncopied,
           record = excluded.record`,
      );
      const kept = new Set(next.map((r) => r.id));
      const remove = this.#db.prepare('DELETE FROM registrations WHERE id = ?');
      for (const r of before) if (!kept.has(r.id)) remove.run(r.id);
      for (const r of next) {
        if (old.get(r.id) !== row(next, r))
          upsert.run(
            r.id,
            r.sessionSlug,
            r.unsent.length > 0 ? 1 : 0,
            needsCopy(next, r) ? 1 : 0,
            JSON.stringify(r),
          );
      }
      this.#db.exec('COMMIT');
      return Promise.resolve(answer);
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
