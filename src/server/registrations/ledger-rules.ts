// The seat rules of a session, as pure functions over its registrations (in the
// order they came). Both ledgers apply them inside one atomic step.
import type {
  CurrentSession,
  FollowResult,
  NewRegistration,
  RegisterOutcome,
  Registration,
  RegistrationEmail,
  SeatCount,
  SessionFacts,
  SessionNotice,
  UncopiedRegistration,
  VerifyOutcome,
} from '../ports.ts';
import { changeNotice, isChangeNotice, sameFacts } from './session-facts.ts';

/** The form of an email two registrations are compared by. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

const active = (r: Registration) => r.status !== 'cancelled';

export interface RegisterResult {
  registration: Registration;
  outcome: RegisterOutcome;
  position?: number;
  /** The list to write back; unchanged (same array) for a duplicate. */
  list: Registration[];
}

export function applyRegister(
  list: readonly Registration[],
  input: NewRegistration,
): RegisterResult {
  const key = emailKey(input.email);
  const existing = list.find((r) => active(r) && emailKey(r.email) === key);
  if (existing !== undefined) {
    const position = waitingPosition(list, existing.id);
    return {
      registration: existing,
      outcome: 'duplicate',
      ...(position === undefined ? {} : { position }),
      list: [...list],
    };
  }
  // No seat yet: only a confirmed address may take one (applyVerify, below).
  const registration: Registration = { ...input, status: 'pending', unsent: ['verify'] };
  return { registration, outcome: 'pending', list: [...list, registration] };
}

export interface VerifyResult {
  found: { registration: Registration; outcome: VerifyOutcome; position?: number } | null;
  list: Registration[];
}

/**
 * The address of a pending registration is confirmed: a seat if one is left,
 * else the waiting list, in the order addresses are confirmed.
 */
export function applyVerify(
  list: readonly Registration[],
  id: string,
  at: string,
  capacity: number,
  facts?: SessionFacts,
): VerifyResult {
  const target = list.find((r) => r.id === id);
  if (target === undefined || target.status === 'cancelled')
    return { found: null, list: [...list] };
  if (target.status !== 'pending') {
    const position = waitingPosition(list, id);
    return {
      found: {
        registration: target,
        outcome: target.status,
        ...(position === undefined ? {} : { position }),
      },
      list: [...list],
    };
  }
  const confirmed = list.filter((r) => r.status === 'confirmed').length;
  const status: VerifyOutcome = confirmed < capacity ? 'confirmed' : 'waiting';
  const registration: Registration = {
    ...target,
    status,
    verifiedAt: at,
    unsent: [...target.unsent.filter((e) => e !== 'verify'), status],
    // The email now owed tells these facts: a later change is told from them.
    ...(facts === undefined ? {} : { told: { facts, sequence: 0 } }),
  };
  const next = list.map((r) => (r.id === id ? registration : r));
  const position = waitingPosition(next, id);
  return {
    found: { registration, outcome: status, ...(position === undefined ? {} : { position }) },
    list: next,
  };
}

/** Registrations never confirmed, made before `before`, leave the list. */
export function applyDropUnverified(
  list: readonly Registration[],
  before: string,
): { list: Registration[]; dropped: number } {
  const next = list.filter((r) => !(r.status === 'pending' && r.registeredAt < before));
  return { list: next, dropped: list.length - next.length };
}

/**
 * The waiting list, first first: in the order addresses were confirmed (the
 * moment a registration could first claim a seat), not of the first click.
 */
export function waitingInOrder(list: readonly Registration[]): Registration[] {
  const since = (r: Registration) => r.verifiedAt ?? r.registeredAt;
  return list
    .filter((r) => r.status === 'waiting')
    .sort((a, b) => since(a).localeCompare(since(b)));
}

/** Place on the waiting list, from 1; undefined if not waiting. */
export function waitingPosition(list: readonly Registration[], id: string): number | undefined {
  const at = waitingInOrder(list).findIndex((r) => r.id === id);
  return at < 0 ? undefined : at + 1;
}

export interface CancelResult {
  cancelled: Registration | null;
  promoted: Registration | null;
  list: Registration[];
}

export function applyCancel(list: readonly Registration[], id: string, at: string): CancelResult {
  const target = list.find((r) => r.id === id && active(r));
  if (target === undefined) return { cancelled: null, promoted: null, list: [...list] };
  const cancelled: Registration = {
    ...target,
    status: 'cancelled',
    cancelledAt: at,
    // Nothing more is owed to someone who left (a late confirmation would confuse them).
    // A pending registration held no seat: cancelling it frees none.
    unsent: [],
  };
  let next = list.map((r) => (r.id === id ? cancelled : r));
  let promoted: Registration | null = null;
  const [first] = waitingInOrder(next);
  if (target.status === 'confirmed' && first !== undefined) {
    promoted = promote(first, at);
    const chosen = promoted;
    next = next.map((r) => (r.id === chosen.id ? chosen : r));
  }
  return { cancelled, promoted, list: next };
}

/** Someone waiting gets a seat, and the "a seat is yours" email is owed. */
const promote = (r: Registration, at: string): Registration => ({
  ...r,
  status: 'confirmed',
  promotedAt: at,
  unsent: [...r.unsent.filter((e) => e !== 'waiting'), 'promoted'],
});

export function countSeats(list: readonly Registration[], capacity: number): SeatCount {
  const confirmed = list.filter((r) => r.status === 'confirmed').length;
  const waiting = list.filter((r) => r.status === 'waiting').length;
  return { capacity, confirmed, left: Math.max(0, capacity - confirmed), waiting };
}

export function applyMarkSent(
  list: readonly Registration[],
  id: string,
  email: RegistrationEmail,
): Registration[] {
  return list.map((r) =>
    r.id === id ? { ...r, unsent: r.unsent.filter((owed) => owed !== email) } : r,
  );
}

export function applyOwe(
  list: readonly Registration[],
  notice: SessionNotice,
  at: string,
): { list: Registration[]; owed: number } {
  let owed = 0;
  const next = list.map((r) => {
    // A reminder is for those with a seat; never an unconfirmed address.
    if (r.status !== 'confirmed' || (r.notices ?? []).some((n) => n.kind === notice)) return r;
    owed += 1;
    return {
      ...r,
      unsent: [...r.unsent, notice],
      notices: [...(r.notices ?? []), { kind: notice, at }],
    };
  });
  return { list: next, owed };
}

/** Who is told of a change: people with a seat or on the waiting list, never an unconfirmed address. */
const followsChanges = (r: Registration) => r.status === 'confirmed' || r.status === 'waiting';

/**
 * The session as it is now, against what each registrant was last told: a
 * change is owed once to each (a seat holder's notice carries the updated
 * invitation, with the next SEQUENCE); seats that came free go to the first
 * people waiting. A registration made before told facts were kept gets today's
 * facts as its starting point, with no notice (the SEQUENCE of the invitation
 * that cancelled it, if one did).
 */
export function applyFollow(
  list: readonly Registration[],
  current: CurrentSession,
  at: string,
): { list: Registration[]; result: FollowResult; changed: boolean } {
  let changedCount = 0;
  let written = false;
  let next = list.map((r): Registration => {
    if (!followsChanges(r)) return r;
    const told = r.told;
    if (told === undefined) {
      written = true;
      const cancelNotice = (r.notices ?? []).some((n) => n.kind === 'session-cancelled');
      return { ...r, told: { facts: current.facts, sequence: cancelNotice ? 1 : 0 } };
    }
    if (sameFacts(told.facts, current.facts)) return r;
    written = true;
    // Only the other language's words changed: kept as told, no news to them.
    if (sameFacts(told.facts, current.facts, r.locale)) {
      return { ...r, told: { ...told, facts: current.facts } };
    }
    changedCount += 1;
    const sequence = told.sequence + 1;
    // A cancelled session makes the other emails still owed misleading (an
    // invitation, a reminder); the notices of earlier changes still go, in order.
    const earlier =
      current.facts.status === 'cancelled' ? r.unsent.filter(isChangeNotice) : r.unsent;
    return {
      ...r,
      unsent: [...earlier, changeNotice(sequence)],
      told: { facts: current.facts, sequence },
      changes: [
        ...(r.changes ?? []),
        { sequence, at, from: told.facts, to: current.facts, seat: r.status === 'confirmed' },
      ],
    };
  });
  let confirmed = next.filter((r) => r.status === 'confirmed').length;
  let promoted = 0;
  if (current.promote && current.facts.status === 'scheduled') {
    const free = current.capacity - confirmed;
    const chosen = new Set(
      waitingInOrder(next)
        .slice(0, Math.max(0, free))
        .map((r) => r.id),
    );
    if (chosen.size > 0) {
      written = true;
      next = next.map((r) => (chosen.has(r.id) ? promote(r, at) : r));
      promoted = chosen.size;
      confirmed += promoted;
    }
  }
  return {
    list: next,
    changed: written,
    result: { changed: changedCount, promoted, confirmed, capacity: current.capacity },
  };
}

/** The numbers of the last change told (sent) and of the last change owed, if any. */
export function changesTold(r: Registration): { changeTold?: number; lastChange?: number } {
  const numbers = (r.changes ?? []).map((change) => change.sequence);
  if (numbers.length === 0) return {};
  const owed = new Set(r.unsent.filter(isChangeNotice));
  const sent = (r.changes ?? [])
    .filter((change) => !owed.has(changeNotice(change.sequence)))
    .map((change) => change.sequence);
  return {
    ...(sent.length === 0 ? {} : { changeTold: Math.max(...sent) }),
    lastChange: Math.max(...numbers),
  };
}

/** What the trainers' copy shows of a registration: status, waiting position, changes told and owed. */
export function copyState(list: readonly Registration[], r: Registration): string {
  const { changeTold, lastChange } = changesTold(r);
  const base = `${r.status}:${String(waitingPosition(list, r.id) ?? '')}`;
  // Registrations whose session never changed keep the state copied before changes were shown.
  return lastChange === undefined
    ? base
    : `${base}:${String(changeTold ?? 0)}/${String(lastChange)}`;
}

/** Trainers see registrations whose address was confirmed, never the others. */
export const needsCopy = (list: readonly Registration[], r: Registration): boolean =>
  r.verifiedAt !== undefined && r.copied !== copyState(list, r);

export function uncopiedIn(list: readonly Registration[]): UncopiedRegistration[] {
  return list
    .filter((r) => needsCopy(list, r))
    .map((r) => {
      const position = waitingPosition(list, r.id);
      return {
        registration: r,
        ...(position === undefined ? {} : { position }),
        state: copyState(list, r),
      };
    });
}

export function applyMarkCopied(
  list: readonly Registration[],
  id: string,
  state: string,
): Registration[] {
  return list.map((r) => (r.id === id ? { ...r, copied: state } : r));
}

/** Cancels (promoting as a cancellation does) and removes the registration altogether. */
export function applyErase(
  list: readonly Registration[],
  id: string,
  at: string,
): { erased: boolean; promoted: Registration | null; list: Registration[] } {
  if (!list.some((r) => r.id === id)) return { erased: false, promoted: null, list: [...list] };
  const { promoted, list: afterCancel } = applyCancel(list, id, at);
  return { erased: true, promoted, list: afterCancel.filter((r) => r.id !== id) };
}

/** The instant a registration's retention period counts from: its session, else its registration. */
export const retentionStart = (r: Registration): string => r.sessionAt ?? r.registeredAt;

/** Registrations whose session (or registration) came before `cutoff`, for the purge. */
export const expiredIn = (list: readonly Registration[], cutoff: string): Registration[] =>
  list.filter((r) => Date.parse(retentionStart(r)) < Date.parse(cutoff));

/** Removes these registrations, without promoting anyone: their session is long over. */
export function applyPurge(
  list: readonly Registration[],
  ids: ReadonlySet<string>,
): { list: Registration[]; purged: number } {
  const next = list.filter((r) => !ids.has(r.id));
  return { list: next, purged: list.length - next.length };
}

/** Expired items grouped by session (their `ref`), as both ledgers purge them. */
export function bySession(items: readonly { id: string; ref: string }[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const item of items) groups.set(item.ref, (groups.get(item.ref) ?? new Set()).add(item.id));
  return groups;
}
