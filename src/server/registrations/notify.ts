// What a scheduled run owes about the sessions themselves (after dropping the
// registrations never confirmed in time): a reminder to everyone with a seat
// once a session is less than 48 h away, and, whenever the catalogue's facts
// of a session (time, duration, place, video link, cancelled or not) differ
// from what its registrants were last told, the notice of that change, once
// each; seats a raised capacity freed go to the first people waiting. The
// ledger records all of it in the same step as the change it sees, so a second
// run (or ten rebuilds) owes nothing more; then the same outbox path as the
// other registration emails sends it, with the idempotency key
// "<registration id>:<notice>" (a change's notice carries its SEQUENCE).
import { sessionInstants } from '../../calendar/session-instants.ts';
import type { SessionData } from '../../schemas/session.ts';
import type { CurrentSession, SessionNotice } from '../ports.ts';
import { verifyTokenHours } from './cancel-token.ts';
import { deliverRegistrationEmails, type RegistrationDeliveryReport } from './deliver.ts';
import type { RegistrationDeps } from './deps.ts';
import { sessionFacts } from './session-facts.ts';

export const reminderLeadMs = 48 * 60 * 60_000;

/** The notice a session calls for at `now`, if any (its changes are followed apart). */
export function noticeDue(session: SessionData, now: number): SessionNotice | null {
  if (session.status === 'cancelled') return null;
  const start = sessionInstants(session).start.getTime();
  return now < start && start - now <= reminderLeadMs ? 'reminder' : null;
}

/** The session as its registrations follow it: seats that come free are given until it starts. */
export function currentSession(session: SessionData, now: number): CurrentSession {
  return {
    facts: sessionFacts(session),
    capacity: session.capacity,
    promote: session.status === 'scheduled' && now < sessionInstants(session).start.getTime(),
  };
}

/** A session with more seats given than its capacity, as a trainer is told of it (no personal data). */
export interface OverCapacity {
  slug: string;
  capacity: number;
  confirmed: number;
}

export interface NoticeReport extends RegistrationDeliveryReport {
  /** Notices newly owed by this run: reminders and changes. */
  owed: number;
  /** People waiting who got a seat that came free. */
  promoted: number;
  /** Sessions whose capacity was lowered below the seats already given. */
  overCapacity: OverCapacity[];
  /** Registrations dropped because their address was not confirmed in time. */
  unverified: number;
}

export async function sendSessionNotices(
  deps: RegistrationDeps,
  budgetMs = 20_000,
): Promise<NoticeReport> {
  const deadline = deps.clock.now() + budgetMs;
  const now = deps.clock.now();
  const at = new Date(now).toISOString();
  // A request nobody confirmed in time is not kept: its link has expired, and
  // the address may well not be its author's.
  const unverified = await deps.ledger.dropUnverified(
    new Date(now - verifyTokenHours * 3_600_000).toISOString(),
  );
  let owed = 0;
  let promoted = 0;
  const overCapacity: OverCapacity[] = [];
  for (const session of await deps.sessions.upcoming()) {
    // Changes first: a reminder then tells the facts everyone was just told.
    const followed = await deps.ledger.follow(session.slug, currentSession(session, now), at);
    owed += followed.changed;
    promoted += followed.promoted;
    if (followed.promoted > 0)
      deps.log.info('session_seats_given', { slug: session.slug, count: followed.promoted });
    if (followed.confirmed > followed.capacity) {
      overCapacity.push({
        slug: session.slug,
        capacity: followed.capacity,
        confirmed: followed.confirmed,
      });
      // Nobody loses a seat; the trainer is told (docs/trainers.md): slug and counts only.
      deps.log.warn('session_over_capacity', {
        slug: session.slug,
        capacity: followed.capacity,
        count: followed.confirmed,
      });
    }
    const notice = noticeDue(session, now);
    if (notice !== null) owed += await deps.ledger.owe(session.slug, notice, at);
  }
  // Whatever is owed, these notices or older emails; what is left waits for the drain.
  const report = await deliverRegistrationEmails(deps, await deps.ledger.unsent(), { deadline });
  if (unverified > 0) deps.log.info('registrations_unverified_dropped', { count: unverified });
  if (owed > 0 || report.sent > 0) {
    deps.log.info('session_notices_finished', { count: report.sent, pending: owed });
  }
  return { ...report, owed, promoted, overCapacity, unverified };
}

/** The sessions whose seats given exceed their capacity now, for /api/health. */
export async function sessionsOverCapacity(
  deps: Pick<RegistrationDeps, 'ledger' | 'sessions'>,
): Promise<OverCapacity[]> {
  const over: OverCapacity[] = [];
  for (const session of await deps.sessions.upcoming()) {
    const seats = await deps.ledger.seats(session.slug, session.capacity);
    if (seats.confirmed > seats.capacity)
      over.push({ slug: session.slug, capacity: seats.capacity, confirmed: seats.confirmed });
  }
  return over;
}
