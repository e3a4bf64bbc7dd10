// A worker thread that writes to a local SQLite file, as one function instance
// would: the concurrency test starts several at once on the same file.
import { parentPort, workerData } from 'node:worker_threads';
import { LocalLedger } from '../../src/server/adapters/local-ledger.ts';
import { LocalStore } from '../../src/server/adapters/local-store.ts';

export interface WriterData {
  adapter: 'store' | 'ledger';
  file: string;
  /** This worker's number, for unique ids. */
  worker: number;
  writes: number;
  /** Counts the workers ready; each starts once all are. */
  ready: Int32Array;
  workers: number;
}

const data = workerData as WriterData;

Atomics.add(data.ready, 0, 1);
while (Atomics.load(data.ready, 0) < data.workers) Atomics.wait(data.ready, 1, 0, 1);

try {
  const outcomes: string[] = [];
  if (data.adapter === 'store') {
    const store = new LocalStore({ file: data.file });
    for (let i = 0; i < data.writes; i += 1) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      await store.saveAll([
        {
          id: `app_w${data.worker}-${i}`,
          kind: 'volunteer',
          status: 'new',
          submittedAt: at,
          locale: 'fr',
          name: 'Camille Martin',
          email: `w${data.worker}-${i}@example.org`,
          fields: {},
          consent: { privacyVersion: '2026-11-22', acceptedAt: at },
        },
      ]);
      outcomes.push('stored');
    }
    store.close();
  } else {
    const ledger = new LocalLedger({ file: data.file });
    for (let i = 0; i < data.writes; i += 1) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      const id = `reg_w${data.worker}-${i}`;
      await ledger.register({
        id,
        sessionSlug: 'induction',
        email: `w${data.worker}-${i}@example.org`,
        name: 'Camille Martin',
        locale: 'fr',
        registeredAt: at,
        consent: { privacyVersion: '2026-11-22', acceptedAt: at },
      });
      // Its author follows the emailed link: the seat is decided now.
      const verified = await ledger.verify('induction', id, at, 16);
      outcomes.push(verified?.outcome ?? 'missing');
    }
    ledger.close();
  }
  parentPort?.postMessage({ ok: true, outcomes });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : 'unknown' });
}
