// The notices a scheduled run owes about the sessions themselves (and, first,
// the registrations never confirmed in time are dropped): a reminder
// to everyone with a seat once a session is less than 48 h away, and a notice
// to everyone still registered once a trainer cancels it. The ledger records
// each notice as owed once (so a second run owes nothing more), then the same
// outbox path as the other registration emails sends it, with the idempotency
// key "<registration id>:<notice>".
import { sessionInstants } from '../../calendar/session-instants.ts';
import type { SessionData } from '../../schemas/session.ts';
import type { SessionNotice } from '../ports.ts';
import { verifyTokenHours } from './cancel-token.ts';
import { deliverRegistrationEmails, type RegistrationDeliveryReport } from './deliver.ts';
import type { RegistrationDeps } from './deps.ts';

export const reminderLeadMs = 48 * 60 * 60_000;

/** The notice a session calls for at `now`, if any. */
export function noticeDue(session: SessionData, now: number): SessionNotice | null {
  if (session.status === 'cancelled') return 'session-cancelled';
  const start = sessionInstants(session).start.getTime();
  return now < start && start - now <= reminderLeadMs ? 'reminder' : null;
}

export interface NoticeReport extends RegistrationDeliveryReport {
  /** Notices newly owed by this run. */
  owed: number;
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
  for (const session of await deps.sessions.upcoming()) {
    const notice = noticeDue(session, now);
    if (notice !== null) owed += await deps.ledger.owe(session.slug, notice, at);
  }
  // Whatever is owed, these notices or older emails; what is left waits for the drain.
  const report = await deliverRegistrationEmails(deps, await deps.ledger.unsent(), { deadline });
  if (unverified > 0) deps.log.info('registrations_unverified_dropped', { count: unverified });
  if (owed > 0 || report.sent > 0) {
    deps.log.info('session_notices_finished', { count: report.sent, pending: owed });
  }
  return { ...report, owed, unverified };
}
