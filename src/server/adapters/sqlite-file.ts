// Opening an SQLite file that several function instances write at the same
// time: the Netlify CLI runs each invocation in its own worker, and each opens
// its own connection to the same file.
import type { DatabaseSync } from 'node:sqlite';

/** How long a writer waits for another one's transaction before giving up. */
export const busyTimeoutMs = 15_000;

export function openShared(sqlite: typeof import('node:sqlite'), file: string): DatabaseSync {
  // The wait is set by the constructor, so that it covers the very first
  // statement: set by a PRAGMA after `journal_mode`, it came too late, and
  // instances opening the file together failed with "database is locked".
  const db = new sqlite.DatabaseSync(file, { timeout: busyTimeoutMs });
  // Write-ahead log: readers never wait for the writer nor the writer for readers.
  db.exec('PRAGMA journal_mode = WAL');
  return db;
}
