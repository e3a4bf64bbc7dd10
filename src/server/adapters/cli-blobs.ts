// The Netlify CLI's local Blobs server (`netlify dev`, `netlify serve`, on this
// machine with QUEUE_BACKEND=blobs) answers a read without the blob's etag,
// which the seat ledger's conditional write needs; Netlify answers it. This is
// the one place that makes up for it, and services.ts uses it only when the
// functions are not deployed: on Netlify a read stays one request.
import type { LedgerBlobs } from './blobs-ledger.ts';

/**
 * The store, whose reads list the blob's etag first when the answer lacks it
 * (two requests a read). Listed *before* the read, an etag can only be older
 * than the data: a write conditional on it then fails and is retried, never a
 * lost update.
 */
export function listedEtags(store: LedgerBlobs): LedgerBlobs {
  return {
    async getWithMetadata(key, options) {
      const { blobs } = await store.list({ prefix: key });
      const listed = blobs.find((blob) => blob.key === key)?.etag;
      const entry = await store.getWithMetadata(key, options);
      return entry === null ? null : { ...entry, etag: entry.etag ?? listed };
    },
    list: (options) => store.list(options),
    setJSON: (key, value, options) => store.setJSON(key, value, options),
  };
}
