// The erasure log on Netlify Blobs: one empty blob per erasure, its key the
// keyed hash and the instant it may be forgotten (see erasure-names.ts), so
// that a single listing answers "was any of these erased?" for a whole batch.
import type { Store } from '@netlify/blobs';
import type { ErasureLog } from '../ports.ts';
import { entryName, erasedAmong, expiredAmong, parseEntryName } from './erasure-names.ts';

export interface BlobsErasureLogOptions {
  /** e.g. getStore({ name: 'erasures', consistency: 'strong' }). */
  store: Pick<Store, 'delete' | 'list' | 'set'>;
}

export class BlobsErasureLog implements ErasureLog {
  readonly #store: BlobsErasureLogOptions['store'];

  constructor(options: BlobsErasureLogOptions) {
    this.#store = options.store;
  }

  async add(key: string, until: string): Promise<void> {
    await this.#store.set(entryName(key, until), '');
  }

  async erased(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return erasedAmong(await this.#names(), keys);
  }

  async expired(now: string): Promise<string[]> {
    return expiredAmong(await this.#names(), now);
  }

  async remove(keys: readonly string[]): Promise<void> {
    const gone = new Set(keys);
    for (const name of await this.#names()) {
      const entry = parseEntryName(name);
      if (entry !== null && gone.has(entry.key)) await this.#store.delete(name);
    }
  }

  async #names(): Promise<string[]> {
    const { blobs } = await this.#store.list();
    return blobs.map((blob) => blob.key);
  }
}
