// The local SQLite store and seat ledger shared by several function instances:
// each worker thread opens its own connection to the same new file, all start
// writing at once, as concurrent posts under `npm start` do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalLedger } from '../../../src/server/adapters/local-ledger.ts';
import { LocalStore } from '../../../src/server/adapters/local-store.ts';
import type { WriterData } from '../../support-server/sqlite-writer.ts';

type WriterResult = { ok: true; outcomes: string[] } | { ok: false; error: string };

const writer = new URL('../../support-server/sqlite-writer.ts', import.meta.url);

/** Starts `workers` writers together on `file` and waits for each one's result. */
function writeTogether(
  adapter: WriterData['adapter'],
  file: string,
  workers: number,
  writes: number,
) {
  const ready = new Int32Array(new SharedArrayBuffer(8));
  return Promise.all(
    Array.from(
      { length: workers },
      (_, worker) =>
        new Promise<WriterResult>((resolve, reject) => {
          const data: WriterData = { adapter, file, worker, writes, ready, workers };
          const thread = new Worker(writer, { workerData: data });
          thread.once('message', (result: WriterResult) => {
            resolve(result);
            void thread.terminate();
          });
          thread.once('error', reject);
        }),
    ),
  );
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdm-sqlite-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('local SQLite files written by several instances at once', () => {
  it('stores every application of 8 instances opening a new store together, none "database is locked"', async () => {
    const file = join(dir, 'store.sqlite');

    const results = await writeTogether('store', file, 8, 5);

    expect(results.filter((r) => !r.ok)).toEqual([]);
    const store = new LocalStore({ file });
    expect(await store.all()).toHaveLength(40);
    store.close();
  });

  it('gives exactly the 16 seats of a session among 50 registrations from 10 instances, the rest waiting', async () => {
    const file = join(dir, 'registrations.sqlite');

    const results = await writeTogether('ledger', file, 10, 5);

    expect(results.filter((r) => !r.ok)).toEqual([]);
    const outcomes = results.flatMap((r) => (r.ok ? r.outcomes : []));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(16);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(34);
    const ledger = new LocalLedger({ file });
    expect(await ledger.seats('induction', 16)).toMatchObject({
      confirmed: 16,
      left: 0,
      waiting: 34,
    });
    ledger.close();
  });
});
