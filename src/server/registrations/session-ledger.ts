// Every method of the seat ledger, written once over the three things a storage
// must do: change one session's registrations atomically, read them, and name
// the sessions it holds. The rules themselves are in ledger-rules.ts; each
// adapter (SQLite, Netlify Blobs) holds only its storage.
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
  SeatCount,
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
} from './ledger-rules.ts';

/**
 * One change of a session's registrations (in the order they came): the list
 * to write back, or null when nothing changed (nothing is written), and the
 * answer to give.
 */
export type LedgerStep<T> = (list: Registration[]) => { next: Registration[] | null; answer: T };

export abstract class SessionLedger implements RegistrationLedger, RetentionPurge {
  /** Reads the session's registrations, applies `step` and writes what it returns, as one atomic change. */
  protected abstract change<T>(sessionSlug: string, step: LedgerStep<T>): Promise<T>;
  /** The session's registrations, in the order they came; none for an unknown session. */
  protected abstract read(sessionSlug: string): Promise<Registration[]>;
  /** The slugs of the sessions that hold registrations. */
  protected abstract sessions(): Promise<string[]>;

  register(input: NewRegistration) {
    return this.change(input.sessionSlug, (list) => {
      const { list: next, ...answer } = applyRegister(list, input);
      return { next: answer.outcome === 'duplicate' ? null : next, answer };
    });
  }

  verify(sessionSlug: string, id: string, at: string, capacity: number, facts?: SessionFacts) {
    return this.change(sessionSlug, (list) => {
      const { list: next, found } = applyVerify(list, id, at, capacity, facts);
      const changed = found !== null && found.registration.verifiedAt === at;
      return { next: changed ? next : null, answer: found };
    });
  }

  async dropUnverified(before: string): Promise<number> {
    let dropped = 0;
    for (const slug of await this.sessions()) {
      dropped += await this.change(slug, (list) => {
        const result = applyDropUnverified(list, before);
        return { next: result.dropped === 0 ? null : result.list, answer: result.dropped };
      });
    }
    return dropped;
  }

  cancel(sessionSlug: string, id: string, at: string) {
    return this.change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyCancel(list, id, at);
      return { next: answer.cancelled === null ? null : next, answer };
    });
  }

  async seats(sessionSlug: string, capacity: number): Promise<SeatCount> {
    return countSeats(await this.read(sessionSlug), capacity);
  }

  async find(sessionSlug: string, id: string): Promise<Registration | null> {
    return (await this.read(sessionSlug)).find((r) => r.id === id) ?? null;
  }

  async unsent(): Promise<Registration[]> {
    const owing: Registration[] = [];
    for (const slug of await this.sessions()) {
      owing.push(...(await this.read(slug)).filter((r) => r.unsent.length > 0));
    }
    return owing.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
  }

  async markSent(sessionSlug: string, id: string, email: RegistrationEmail): Promise<void> {
    await this.change(sessionSlug, (list) => ({
      next: applyMarkSent(list, id, email),
      answer: undefined,
    }));
  }

  owe(sessionSlug: string, notice: SessionNotice, at: string): Promise<number> {
    return this.change(sessionSlug, (list) => {
      const { list: next, owed } = applyOwe(list, notice, at);
      return { next: owed === 0 ? null : next, answer: owed };
    });
  }

  follow(sessionSlug: string, current: CurrentSession, at: string): Promise<FollowResult> {
    return this.change(sessionSlug, (list) => {
      const { list: next, result, changed } = applyFollow(list, current, at);
      return { next: changed ? next : null, answer: result };
    });
  }

  async uncopied(): Promise<UncopiedRegistration[]> {
    const owed: UncopiedRegistration[] = [];
    for (const slug of await this.sessions()) owed.push(...uncopiedIn(await this.read(slug)));
    return owed.sort((a, b) =>
      a.registration.registeredAt.localeCompare(b.registration.registeredAt),
    );
  }

  async markCopied(sessionSlug: string, id: string, state: string): Promise<void> {
    await this.change(sessionSlug, (list) => ({
      next: applyMarkCopied(list, id, state),
      answer: undefined,
    }));
  }

  /** Registrations whose session is past the registrations' period (src/lib/retention.ts). */
  async expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const items: ExpiredItem[] = [];
    for (const slug of await this.sessions()) {
      for (const r of expiredIn(await this.read(slug), cutoffs.registrations))
        items.push({ place: 'seat ledger', id: r.id, ref: r.sessionSlug });
    }
    return items;
  }

  async purge(items: readonly ExpiredItem[]): Promise<number> {
    let count = 0;
    for (const [slug, ids] of bySession(items)) {
      count += await this.change(slug, (list) => {
        const { list: next, purged } = applyPurge(list, ids);
        return { next: purged === 0 ? null : next, answer: purged };
      });
    }
    return count;
  }

  erase(sessionSlug: string, id: string, at: string) {
    return this.change(sessionSlug, (list) => {
      const { list: next, ...answer } = applyErase(list, id, at);
      return { next: answer.erased ? next : null, answer };
    });
  }
}
