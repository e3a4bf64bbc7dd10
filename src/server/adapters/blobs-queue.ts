// PendingQueue on Netlify Blobs: one JSON blob per accepted sign-up, written
// before the applicant gets an answer. The key starts with the submission
// instant so that a plain listing comes out oldest first, in one request.
// putIfAbsent first claims the id under "claims/<id>" with `onlyIfNew`, the
// store's own atomic step, since the same id may come with another instant.
// (Netlify's store makes it atomic between instances; its local server checks
// then writes, so calls on one instance are also chained here.)

import type { Store } from '@netlify/blobs';
import type { ApplicationRecord, PendingDelivery, PendingQueue } from '../ports.ts';

export interface BlobsQueueOptions {
  /** A store made by the caller, e.g. getStore({ name: 'pending-signups', consistency: 'strong' }). */
  store: Pick<Store, 'delete' | 'get' | 'list' | 'setJSON'>;
}

const SEPARATOR = '_';
/** Claims sort after every instant key ("2026…") and are never listed as items. */
const CLAIMS = 'claims/';
const claimKey = (id: string) => `${CLAIMS}${encodeURIComponent(id)}`;

export class BlobsQueue implements PendingQueue {
  readonly #store: BlobsQueueOptions['store'];
  /** Keys seen by this instance, so that get and remove by id need no listing. */
  readonly #keys = new Map<string, string>();
  /** The putIfAbsent under way for each id on this instance. */
  readonly #claiming = new Map<string, Promise<boolean>>();

  constructor(options: BlobsQueueOptions) {
    this.#store = options.store;
  }

  async put(item: PendingDelivery): Promise<void> {
    const key = keyFor(item.record);
    const previous = this.#keys.get(item.record.id);
    await this.#store.setJSON(key, item);
    this.#keys.set(item.record.id, key);
    if (previous !== undefined && previous !== key) await this.#store.delete(previous);
  }

  async putIfAbsent(item: PendingDelivery): Promise<boolean> {
    const id = item.record.id;
    const earlier = this.#claiming.get(id);
    const attempt = (earlier ?? Promise.resolve(false))
      .catch(() => false)
      .then(() => this.#claimAndPut(item));
    this.#claiming.set(id, attempt);
    try {
      return await attempt;
    } finally {
      if (this.#claiming.get(id) === attempt) this.#claiming.delete(id);
    }
  }

  async #claimAndPut(item: PendingDelivery): Promise<boolean> {
    const id = item.record.id;
    const claim = await this.#store.setJSON(claimKey(id), { id }, { onlyIfNew: true });
    if (!claim.modified) return false;
    // An item queued by a plain put() has no claim: it still counts.
    if ((await this.get(id)) !== null) return false;
    try {
      await this.put(item);
    } catch (error) {
      // The claim must not outlive a failed write, or a retry would be told "already queued".
      // (A crash between the two writes leaves that window open: the claim is then stale.)
      await this.#store.delete(claimKey(id)).catch(() => undefined);
      throw error;
    }
    return true;
  }

  async get(id: string): Promise<PendingDelivery | null> {
    const key = await this.#keyOf(id);
    if (key === undefined) return null;
    const item: unknown = await this.#store.get(key, { type: 'json' });
    if (!isPendingDelivery(item)) {
      this.#keys.delete(id);
      return null;
    }
    return item;
  }

  async list(): Promise<string[]> {
    const { blobs } = await this.#store.list();
    const entries = blobs
      .filter((blob) => !blob.key.startsWith(CLAIMS))
      .map((blob) => ({ key: blob.key, id: idOf(blob.key) }))
      .filter((entry): entry is { key: string; id: string } => entry.id !== undefined)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.#keys.clear();
    for (const entry of entries) this.#keys.set(entry.id, entry.key);
    return entries.map((entry) => entry.id);
  }

  async remove(id: string): Promise<void> {
    const key = await this.#keyOf(id);
    if (key !== undefined) {
      await this.#store.delete(key);
      this.#keys.delete(id);
    }
    await this.#store.delete(claimKey(id));
  }

  async #keyOf(id: string): Promise<string | undefined> {
    if (!this.#keys.has(id)) await this.list();
    return this.#keys.get(id);
  }
}

/** "20261105T101112.123Z_app_01JD…": fixed-width UTC instant, so that key order is time order. */
export function keyFor(record: Pick<ApplicationRecord, 'id' | 'submittedAt'>): string {
  const time = Date.parse(record.submittedAt);
  const instant = Number.isNaN(time) ? new Date(0).toISOString() : new Date(time).toISOString();
  return `${instant.replaceAll('-', '').replaceAll(':', '')}${SEPARATOR}${encodeURIComponent(record.id)}`;
}

function idOf(key: string): string | undefined {
  const at = key.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(key.slice(at + 1));
  } catch {
    return undefined;
  }
}

function isPendingDelivery(value: unknown): value is PendingDelivery {
  if (value === null || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  const record = item['record'] as Record<string, unknown> | null | undefined;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record['id'] === 'string' &&
    typeof item['stored'] === 'boolean' &&
    typeof item['mailed'] === 'boolean' &&
    typeof item['attempts'] === 'number'
  );
}
