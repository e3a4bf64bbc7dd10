// The seat ledger on this machine: an SQLite file (node:sqlite). Each change
// runs in a BEGIN IMMEDIATE transaction, so that two processes sharing the file
// cannot both take the last seat.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type {
  NewRegistration,
  Registration,
  RegistrationEmail,
  RegistrationLedger,
  SessionNotice,
} from '../ports.ts';
import {
  applyCancel,
  applyMarkSent,
  applyOwe,
  applyRegister,
  countSeats,
} from '../registrations/ledger-rules.ts';

export class LocalLedger implements RegistrationLedger {
  readonly #db: DatabaseSync;

  constructor(options: { file: string }) {
    mkdirSync(dirname(options.file), { recursive: true });
    // Loaded at run time, not imported: see local-store.ts.
    const sqlite = process.getBuiltinModule('node:sqlite');
    this.#db = new sqlite.DatabaseSync(options.file);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA busy_timeout = 5000;
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
  }

  register(input: NewRegistration, capacity: number) {
    return this.#change(input.sessionSlug, (list) => {
      const result = applyRegister(list, input, capacity);
      const { list: next, ...answer } = result;
      return { next, answer };
    });
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
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const before = this.#load(sessionSlug);
      const { next, answer } = step(before);
      const old = new Map(before.map((r) => [r.id, JSON.stringify(r)]));
      const upsert = this.#db.prepare(
        `INSERT INTO registrations (id, session_slug, owes, record) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET owes = excluded.owes, record = excluded.record`,
      );
      for (const r of next) {
        const text = JSON.stringify(r);
        if (old.get(r.id) !== text)
          upsert.run(r.id, r.sessionSlug, r.unsent.length > 0 ? 1 : 0, text);
      }
      this.#db.exec('COMMIT');
      return Promise.resolve(answer);
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
