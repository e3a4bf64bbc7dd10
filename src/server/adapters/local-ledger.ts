// The seat ledger on this machine: an SQLite file (node:sqlite). Each change
// runs in a BEGIN IMMEDIATE transaction, so that two processes sharing the file
// cannot both take the last seat.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openShared, whileLocked } from './sqlite-file.ts';
import type {
  CurrentSession,
  ExpiredItem,
  FollowResult,
  NewRegistration,
  Registration,
  RegistrationEmail,
  RegistrationLedger,
  RetentionCutoffs,
  RetentionPurge,
  SessionFacts,
  SessionNotice,
  UncopiedRegistration,
} from '../ports.ts';
import {
  applyCancel,
  applyDropUnverified,
  applyErase,
  applyFollow,
  applyMarkCopied,
  applyMarkSent,
  applyOwe,
  applyPurge,
  applyRegister,
  applyVerify,
  bySession,
  countSeats,
  expiredIn,
  needsCopy,
  uncopiedIn,
} from '../registrations/ledger-rules.ts';

export class LocalLedger implements RegistrationLedger, RetentionPurge {
  readonly #db: DatabaseSync;

  constructor(options: { file: string }) {
    mkdirSync(dirname(options.file), { recursive: true });
    // Loaded at run time, not imported: see local-store.ts.
    const sqlite = process.getBuiltinModule('node:sqlite');
    this.#db = openShared(sqlite, options.file);
    const db = this.#db;
    whileLocked(() => {
      db.exec(`
      CREATE TABLE IF NOT EXISTS registrations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        session_slug TEXT NOT NULL,
        owes INTEGER NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS registrations_by_session ON registrations (session_slug, seq);
      CREATE INDEX IF NOT EXISTS registrations_owing ON registrations (owes, seq);
    `);
    });
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

  register(input: NewRegistration) {
    return this.#change(input.sessionSlug, (list) => {
      const { list: next, ...answer } = applyRegister(list, input);
      return { next, answer };
    });
  }

  verify(sessionSlug: string, id: string, at: string, capacity: number, facts?: SessionFacts) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, found } = applyVerify(list, id, at, capacity, facts);
      return { next, answer: found };
    });
  }

  async dropUnverified(before: string): Promise<number> {
    const sessions = this.#db
      .prepare('SELECT DISTINCT session_slug FROM registrations')
      .all()
      .map((row) => String(row['session_slug']));
    let dropped = 0;
    for (const slug of sessions) {
      dropped += await this.#change(slug, (list) => {
        const result = applyDropUnverified(list, before);
        return { next: result.list, answer: result.dropped };
      });
    }
    return dropped;
  }

  cancel(sessionSlug: string, id: string, at: string) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyCancel(list, id, at);
      return { next, answer };
    });
  }

  seats(sessionSlug: string, capacity: number) {
    return Promise.resolve(countSeats(this.#load(sessionSlug), capacity));
  }

  find(sessionSlug: string, id: string): Promise<Registration | null> {
    return Promise.resolve(this.#load(sessionSlug).find((r) => r.id === id) ?? null);
  }

  unsent(): Promise<Registration[]> {
    const rows = this.#db
      .prepare('SELECT record FROM registrations WHERE owes = 1 ORDER BY seq')
      .all();
    return Promise.resolve(rows.map((row) => JSON.parse(String(row['record'])) as Registration));
  }

  async markSent(sessionSlug: string, id: string, email: RegistrationEmail): Promise<void> {
    await this.#change(sessionSlug, (list) => ({
      next: applyMarkSent(list, id, email),
      answer: undefined,
    }));
  }

  owe(sessionSlug: string, notice: SessionNotice, at: string): Promise<number> {
    return this.#change(sessionSlug, (list) => {
      const { list: next, owed } = applyOwe(list, notice, at);
      return { next, answer: owed };
    });
  }

  follow(sessionSlug: string, current: CurrentSession, at: string): Promise<FollowResult> {
    return this.#change(sessionSlug, (list) => {
      const { list: next, result } = applyFollow(list, current, at);
      return { next, answer: result };
    });
  }

  uncopied(): Promise<UncopiedRegistration[]> {
    const sessions = this.#db
      .prepare(
        'SELECT session_slug, MIN(seq) AS first FROM registrations WHERE uncopied = 1 GROUP BY session_slug ORDER BY first',
      )
      .all()
      .map((row) => String(row['session_slug']));
    return Promise.resolve(sessions.flatMap((slug) => uncopiedIn(this.#load(slug))));
  }

  async markCopied(sessionSlug: string, id: string, state: string): Promise<void> {
    await this.#change(sessionSlug, (list) => ({
      next: applyMarkCopied(list, id, state),
      answer: undefined,
    }));
  }

  /** Registrations whose session is past the registrations' period (see retention.ts). */
  expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
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

  async purge(items: readonly ExpiredItem[]): Promise<number> {
    let count = 0;
    for (const [slug, ids] of bySession(items)) {
      count += await this.#change(slug, (list) => {
        const { list: next, purged } = applyPurge(list, ids);
        return { next, answer: purged };
      });
    }
    return count;
  }

  erase(sessionSlug: string, id: string, at: string) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyErase(list, id, at);
      return { next, answer };
    });
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

  /** Reads the session's registrations, applies `step` and writes back what changed, atomically. */
  #change<T>(
    sessionSlug: string,
    step: (list: Registration[]) => { next: Registration[]; answer: T },
  ): Promise<T> {
    whileLocked(() => {
      this.#db.exec('BEGIN IMMEDIATE');
    });
    try {
      const before = this.#load(sessionSlug);
      const { next, answer } = step(before);
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
