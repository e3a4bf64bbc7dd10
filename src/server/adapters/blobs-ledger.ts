// The seat ledger on Netlify Blobs: one JSON document per session, changed by
// compare-and-swap (read with its etag, write with `onlyIfMatch`, or
// `onlyIfNew` for the first registration) and retried on conflict, so that
// simultaneous function invocations cannot both take the last seat. Every
// ledger method is in SessionLedger; this module holds only the storage.
import { PermanentError, TemporaryError } from '../errors.ts';
import type { Registration } from '../ports.ts';
import { SessionLedger, type LedgerStep } from '../registrations/session-ledger.ts';

/**
 * What the ledger asks of a Blobs store: getStore({ name: 'registrations',
 * consistency: 'strong' }) is one. Its reads must answer the blob's etag, as
 * Netlify's do; the Netlify CLI's local server's do not (see cli-blobs.ts).
 */
export interface LedgerBlobs {
  getWithMetadata(
    key: string,
    options: { type: 'json' },
  ): Promise<{ data: unknown; etag?: string | undefined } | null>;
  list(options: { prefix: string }): Promise<{ blobs: { key: string; etag: string }[] }>;
  setJSON(
    key: string,
    value: unknown,
    options: { onlyIfNew: true } | { onlyIfMatch: string },
  ): Promise<{ modified: boolean }>;
}

export interface BlobsLedgerOptions {
  store: LedgerBlobs;
  /** Tries of one change under contention before giving up (503 to the client). */
  maxAttempts?: number;
}

interface SessionDocument {
  registrations: Registration[];
}

const prefix = 'session/';
const keyOf = (sessionSlug: string) => `${prefix}${sessionSlug}`;

export class BlobsLedger extends SessionLedger {
  readonly #store: LedgerBlobs;
  readonly #maxAttempts: number;

  constructor(options: BlobsLedgerOptions) {
    super();
    this.#store = options.store;
    this.#maxAttempts = options.maxAttempts ?? 50;
  }

  protected async read(sessionSlug: string): Promise<Registration[]> {
    return (await this.#load(sessionSlug)).list;
  }

  protected async sessions(): Promise<string[]> {
    const { blobs } = await this.#store.list({ prefix });
    return blobs.map((blob) => blob.key.slice(prefix.length));
  }

  /** Read, apply, write only if nobody wrote in between; otherwise start again. */
  protected async change<T>(sessionSlug: string, step: LedgerStep<T>): Promise<T> {
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt += 1) {
      const { list, etag, exists } = await this.#load(sessionSlug);
      const { next, answer } = step(list);
      if (next === null) return answer;
      // Without the etag the write could only be "if new", which an existing
      // document always refuses: say so rather than retry in vain.
      if (exists && etag === undefined) throw new PermanentError('blobs_read_without_etag');
      const doc: SessionDocument = { registrations: next };
      const result = await this.#store.setJSON(
        keyOf(sessionSlug),
        doc,
        etag === undefined ? { onlyIfNew: true } : { onlyIfMatch: etag },
      );
      if (result.modified) return answer;
      // Someone else changed the session meanwhile: wait a little, at random, and retry.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)),
      );
    }
    throw new TemporaryError('ledger_contention', 1_000);
  }

  /** One request: the document and its etag, which a conditional write then names. */
  async #load(
    sessionSlug: string,
  ): Promise<{ list: Registration[]; etag: string | undefined; exists: boolean }> {
    const entry = await this.#store.getWithMetadata(keyOf(sessionSlug), { type: 'json' });
    if (entry === null) return { list: [], etag: undefined, exists: false };
    const doc = entry.data as SessionDocument | null;
    return {
      list: Array.isArray(doc?.registrations) ? doc.registrations : [],
      etag: entry.etag,
      exists: true,
    };
  }
}
