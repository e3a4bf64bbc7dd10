// The writer lease on Netlify Blobs: one JSON blob, read with its etag and
// written with `onlyIfMatch` (or `onlyIfNew` the first time), so that of two
// instances racing for it only one write lands; the other reads again and
// finds it held. (The local Blobs server checks then writes: calls on one
// instance are also chained here, as the queue and the ledger do.)
import type { Store } from '@netlify/blobs';
import { TemporaryError } from '../errors.ts';
import {
  applyAcquire,
  applyRelease,
  applyRenew,
  type LeaseGrant,
  type LeaseRecord,
} from '../lease-rules.ts';
import type { WriterLease } from '../ports.ts';

export interface BlobsLeaseOptions {
  /** e.g. getStore({ name: 'writer-lease', consistency: 'strong' }). */
  store: Pick<Store, 'getWithMetadata' | 'list' | 'setJSON'>;
}

const KEY = 'drainer';
/** Conflicts in a row before giving up: each means another instance changed the lease meanwhile. */
const MAX_ATTEMPTS = 10;

export class BlobsLease implements WriterLease {
  readonly #store: BlobsLeaseOptions['store'];
  #chain: Promise<unknown> = Promise.resolve();

  constructor(options: BlobsLeaseOptions) {
    this.#store = options.store;
  }

  acquire(holder: string, now: number, ttlMs: number): Promise<LeaseGrant | null> {
    return this.#change((lease) => {
      const result = applyAcquire(lease, holder, now, ttlMs);
      return result === null
        ? { next: null, answer: null }
        : { next: result.next, answer: result.grant };
    });
  }

  renew(holder: string, now: number, ttlMs: number): Promise<boolean> {
    return this.#change((lease) => {
      const next = applyRenew(lease, holder, now, ttlMs);
      return { next, answer: next !== null };
    });
  }

  async release(holder: string, now: number): Promise<void> {
    await this.#change((lease) => ({ next: applyRelease(lease, holder, now), answer: undefined }));
  }

  #change<T>(step: (lease: LeaseRecord | null) => { next: LeaseRecord | null; answer: T }) {
    const run = this.#chain.catch(() => undefined).then(() => this.#compareAndSwap(step));
    this.#chain = run;
    return run;
  }

  async #compareAndSwap<T>(
    step: (lease: LeaseRecord | null) => { next: LeaseRecord | null; answer: T },
  ): Promise<T> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // Netlify answers a read with the blob's etag; its local server (tests,
      // `netlify dev`) does not, but lists etags (as the seat ledger reads them).
      // Listed before the read, an etag can only be older than the data: a
      // write conditional on it then fails and is tried again, never lost.
      const { blobs } = await this.#store.list({ prefix: KEY });
      const listed = blobs.find((blob) => blob.key === KEY)?.etag;
      const found = await this.#store.getWithMetadata(KEY, { type: 'json' });
      const current = found === null ? null : (found.data as LeaseRecord);
      const { next, answer } = step(current);
      if (next === null) return answer;
      const etag = found === null ? undefined : (found.etag ?? listed);
      const written = await this.#store.setJSON(
        KEY,
        next,
        etag === undefined ? { onlyIfNew: true } : { onlyIfMatch: etag },
      );
      if (written.modified) return answer;
    }
    throw new TemporaryError('lease_contended');
  }
}
