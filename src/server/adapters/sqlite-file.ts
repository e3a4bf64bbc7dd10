// Opening an SQLite file that several function instances write at the same
// time: the Netlify CLI runs each invocation in its own worker, and each opens
// its own connection to the same file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

/** How long a writer waits for another one's transaction before giving up. */
export const busyTimeoutMs = 15_000;

export function openShared(sqlite: typeof import('node:sqlite'), file: string): DatabaseSync {
  // The wait is set by the constructor, so that it covers the very first
  // statement: set by a PRAGMA after `journal_mode`, it came too late, and
  // instances opening the file together failed with "database is locked".
  const db = new sqlite.DatabaseSync(file, { timeout: busyTimeoutMs });
  // Write-ahead log: readers never wait for the writer nor the writer for readers.
  whileLocked(() => {
    db.exec('PRAGMA journal_mode = WAL');
  });
  return db;
}

/**
 * Runs `step`, again if SQLite answers "database is locked" at once. Its busy
 * wait covers most contention, but not all: while another connection switches
 * a new file to the write-ahead log or recovers it, SQLite answers at once
 * rather than wait. Used for what instances do when they open the same file.
 */
export function whileLocked<T>(step: () => T, tries = 40): T {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return step();
    } catch (error) {
      const locked = error instanceof Error && /database is locked/.test(error.message);
      if (!locked || attempt >= tries) throw error;
      // A synchronous pause: the SQLite API is synchronous, and so is this step.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25 + Math.random() * 25);
    }
  }
}

/**
 * The local adapters' database: the file (and its folder) made if need be,
 * opened for sharing, with `schema` (CREATE … IF NOT EXISTS statements) run.
 * node:sqlite is loaded at run time, not imported: a deployed function bundles
 * the local adapters but never constructs them, and must not need it to start.
 */
export function openLocalDatabase(file: string, schema: string): DatabaseSync {
  mkdirSync(dirname(file), { recursive: true });
  const db = openShared(process.getBuiltinModule('node:sqlite'), file);
  whileLocked(() => {
    db.exec(schema);
  });
  return db;
}
