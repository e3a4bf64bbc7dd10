// The seat ledger on Netlify Blobs: one JSON document per session, changed by
// compare-and-swap (read with its etag, write with `onlyIfMatch`, or
// `onlyIfNew` for the first registration) and retried on conflict, so that
// simultaneous function invocations cannot both take the last seat.
import type { Store } from '@netlify/blobs';
import { TemporaryError } from '../errors.ts';
import type {
  CurrentSession,
  ExpiredItem,
  FollowResult,
  NewRegistration,
  Registration,
  RegistrationEmail,
  RegistrationLedger,
  RetentionCutoffs,
  RetentionPurge,
  SessionFacts,
  SessionNotice,
  UncopiedRegistration,
} from '../ports.ts';
import {
  applyCancel,
  applyDropUnverified,
  applyErase,
  applyFollow,
  applyMarkCopied,
  applyMarkSent,
  applyOwe,
  applyPurge,
  applyRegister,
  applyVerify,
  bySession,
  countSeats,
  expiredIn,
  uncopiedIn,
} from '../registrations/ledger-rules.ts';

export interface BlobsLedgerOptions {
  /** e.g. getStore({ name: 'registrations', consistency: 'strong' }). */
  store: Pick<Store, 'getWithMetadata' | 'list' | 'setJSON'>;
  /** Tries of one change under contention before giving up (503 to the client). */
  maxAttempts?: number;
}

interface SessionDocument {
  registrations: Registration[];
}

const keyOf = (sessionSlug: string) => `session/${sessionSlug}`;

export class BlobsLedger implements RegistrationLedger, RetentionPurge {
  readonly #store: BlobsLedgerOptions['store'];
  readonly #maxAttempts: number;

  constructor(options: BlobsLedgerOptions) {
    this.#store = options.store;
    this.#maxAttempts = options.maxAttempts ?? 50;
  }

  register(input: NewRegistration) {
    return this.#change(input.sessionSlug, (list) => {
      const { list: next, ...answer } = applyRegister(list, input);
      return { next: answer.outcome === 'duplicate' ? null : next, answer };
    });
  }

  verify(sessionSlug: string, id: string, at: string, capacity: number, facts?: SessionFacts) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, found } = applyVerify(list, id, at, capacity, facts);
      const changed = found !== null && found.registration.verifiedAt === at;
      return { next: changed ? next : null, answer: found };
    });
  }

  async dropUnverified(before: string): Promise<number> {
    const { blobs } = await this.#store.list({ prefix: 'session/' });
    let dropped = 0;
    for (const blob of blobs) {
      dropped += await this.#change(blob.key.slice('session/'.length), (list) => {
        const result = applyDropUnverified(list, before);
        return { next: result.dropped === 0 ? null : result.list, answer: result.dropped };
      });
    }
    return dropped;
  }

  cancel(sessionSlug: string, id: string, at: string) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyCancel(list, id, at);
      return { next: answer.cancelled === null ? null : next, answer };
    });
  }

  async seats(sessionSlug: string, capacity: number) {
    return countSeats((await this.#read(sessionSlug)).list, capacity);
  }

  async find(sessionSlug: string, id: string): Promise<Registration | null> {
    return (await this.#read(sessionSlug)).list.find((r) => r.id === id) ?? null;
  }

  async unsent(): Promise<Registration[]> {
    const { blobs } = await this.#store.list({ prefix: 'session/' });
    const owing: Registration[] = [];
    for (const blob of blobs) {
      const { list } = await this.#read(blob.key.slice('session/'.length));
      owing.push(...list.filter((r) => r.unsent.length > 0));
    }
    return owing.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
  }

  async markSent(sessionSlug: string, id: string, email: RegistrationEmail): Promise<void> {
    await this.#change(sessionSlug, (list) => ({
      next: applyMarkSent(list, id, email),
      answer: undefined,
    }));
  }

  owe(sessionSlug: string, notice: SessionNotice, at: string): Promise<number> {
    return this.#change(sessionSlug, (list) => {
      const { list: next, owed } = applyOwe(list, notice, at);
      return { next: owed === 0 ? null : next, answer: owed };
    });
  }

  follow(sessionSlug: string, current: CurrentSession, at: string): Promise<FollowResult> {
    return this.#change(sessionSlug, (list) => {
      const { list: next, result, changed } = applyFollow(list, current, at);
      return { next: changed ? next : null, answer: result };
    });
  }

  async uncopied(): Promise<UncopiedRegistration[]> {
    const { blobs } = await this.#store.list({ prefix: 'session/' });
    const owed: UncopiedRegistration[] = [];
    for (const blob of blobs) {
      owed.push(...uncopiedIn((await this.#read(blob.key.slice('session/'.length))).list));
    }
    return owed.sort((a, b) =>
      a.registration.registeredAt.localeCompare(b.registration.registeredAt),
    );
  }

  async markCopied(sessionSlug: string, id: string, state: string): Promise<void> {
    await this.#change(sessionSlug, (list) => ({
      next: applyMarkCopied(list, id, state),
      answer: undefined,
    }));
  }

  /** Registrations whose session is past the registrations' period (see retention.ts). */
  async expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const { blobs } = await this.#store.list({ prefix: 'session/' });
    const items: ExpiredItem[] = [];
    for (const blob of blobs) {
      const { list } = await this.#read(blob.key.slice('session/'.length));
      for (const r of expiredIn(list, cutoffs.registrations))
        items.push({ place: 'seat ledger', id: r.id, ref: r.sessionSlug });
    }
    return items;
  }

  async purge(items: readonly ExpiredItem[]): Promise<number> {
    let count = 0;
    for (const [slug, ids] of bySession(items)) {
      count += await this.#change(slug, (list) => {
        const { list: next, purged } = applyPurge(list, ids);
        return { next: purged === 0 ? null : next, answer: purged };
      });
    }
    return count;
  }

  erase(sessionSlug: string, id: string, at: string) {
    return this.#change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyErase(list, id, at);
      return { next: answer.erased ? next : null, answer };
    });
  }

  async #read(sessionSlug: string): Promise<{ list: Registration[]; etag: string | undefined }> {
    const key = keyOf(sessionSlug);
    // Netlify answers a read with the blob's etag; its local server (tests,
    // `netlify dev`) does not, but lists etags. Listed *before* the read, an etag
    // can only be older than the data, and a write conditional on it then fails
    // and is retried: never a lost update.
    const { blobs } = await this.#store.list({ prefix: key });
    const listed = blobs.find((blob) => blob.key === key)?.etag;
    const entry = await this.#store.getWithMetadata(key, { type: 'json' });
    if (entry === null) return { list: [], etag: undefined };
    const doc = entry.data as SessionDocument | null;
    return {
      list: Array.isArray(doc?.registrations) ? doc.registrations : [],
      etag: entry.etag ?? listed,
    };
  }

  /** Read, apply, write only if nobody wrote in between; otherwise start again. `next: null` writes nothing. */
  async #change<T>(
    sessionSlug: string,
    step: (list: Registration[]) => { next: Registration[] | null; answer: T },
  ): Promise<T> {
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt += 1) {
      const { list, etag } = await this.#read(sessionSlug);
      const { next, answer } = step(list);
      if (next === null) return answer;
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
}
