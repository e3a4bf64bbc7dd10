// The writer lease on Netlify Blobs: one JSON blob, read with its etag and
// written with `onlyIfMatch` (or `onlyIfNew` the first time), so that of two
// instances racing for it only one write lands; the other reads again and
// finds it held. (The local Blobs server checks then writes: calls on one
// instance are also chained here, as the queue and the ledger do; its reads
// lack the etag, which cli-blobs.ts makes up off Netlify, as for the ledger.)
import { PermanentError, TemporaryError } from '../errors.ts';
import type { LedgerBlobs } from './blobs-ledger.ts';
import {
  applyAcquire,
  applyRelease,
  applyRenew,
  type LeaseGrant,
  type LeaseRecord,
} from '../lease-rules.ts';
import type { WriterLease } from '../ports.ts';

export interface BlobsLeaseOptions {
  /** e.g. getStore({ name: 'writer-lease', consistency: 'strong' }), through listedEtags() off Netlify. */
  store: LedgerBlobs;
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
      const found = await this.#store.getWithMetadata(KEY, { type: 'json' });
      const current = found === null ? null : (found.data as LeaseRecord);
      const { next, answer } = step(current);
      if (next === null) return answer;
      if (found !== null && found.etag === undefined) {
        // Without it the write below could only fail: say so at once.
        throw new PermanentError('blobs_read_without_etag');
      }
      const etag = found?.etag;
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
