// Registering for a session and cancelling: the ledger decides atomically; the
// emails it owes are recorded in the same step and sent afterwards (deliver.ts).
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import { registrationOpen, sessionInstants } from '../../calendar/session-instants.ts';
import type { SessionData } from '../../schemas/session.ts';
import { recordErasure } from '../erasures.ts';
import type { RegisterOutcome, Registration, VerifyOutcome } from '../ports.ts';
import type { RegistrationDeps } from './deps.ts';
import { sessionFacts } from './session-facts.ts';

export const newRegistrationId = () => `reg_${randomUUID()}`;

export interface Registrant {
  locale: Locale;
  name: string;
  email: string;
  privacyVersion: string;
}

/** Why a session takes no registration: over or unknown, cancelled, or registration has closed. */
export type ClosedReason = 'unknown' | 'cancelled' | 'closed';

/** The session, if it takes registrations and confirmations at this instant; why not otherwise. */
async function openSession(
  deps: Pick<RegistrationDeps, 'sessions' | 'clock'>,
  slug: string,
): Promise<{ ok: false; reason: ClosedReason } | { ok: true; session: SessionData; at: string }> {
  const session = await deps.sessions.find(slug);
  if (session === null) return { ok: false, reason: 'unknown' };
  if (session.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  const now = new Date(deps.clock.now());
  if (!registrationOpen(session, now)) return { ok: false, reason: 'closed' };
  return { ok: true, session, at: now.toISOString() };
}

export type RegisterResult =
  | { ok: false; reason: ClosedReason }
  | {
      ok: true;
      session: SessionData;
      registration: Registration;
      outcome: RegisterOutcome;
      position?: number;
    };

/**
 * `unknown` also covers a session that is over: the catalogue no longer offers
 * it. `closed`: past the time registration closes (the session's start unless
 * the trainer set another).
 */
export async function registerForSession(
  deps: Pick<RegistrationDeps, 'ledger' | 'sessions' | 'clock' | 'log' | 'newId'>,
  slug: string,
  registrant: Registrant,
): Promise<RegisterResult> {
  const open = await openSession(deps, slug);
  if (!open.ok) return open;
  const { session, at } = open;
  const result = await deps.ledger.register({
    id: (deps.newId ?? newRegistrationId)(),
    sessionSlug: slug,
    email: registrant.email,
    name: registrant.name,
    locale: registrant.locale,
    registeredAt: at,
    sessionAt: sessionInstants(session).start.toISOString(),
    consent: { privacyVersion: registrant.privacyVersion, acceptedAt: at },
  });
  deps.log.info('registration_accepted', { id: result.registration.id, code: result.outcome });
  return { ok: true, session, ...result };
}

export type VerifyResult =
  | { ok: false; reason: ClosedReason | 'gone' }
  | {
      ok: true;
      session: SessionData;
      registration: Registration;
      outcome: VerifyOutcome;
      position?: number;
    };

/**
 * Its author followed the link that confirms the address: the registration now
 * claims a seat, or a place on the waiting list. `gone`: cancelled, or dropped
 * for want of confirmation in time. `closed`: confirmed after registration
 * closed, so that the list the trainer has at that time stays the list.
 */
export async function verifyRegistration(
  deps: Pick<RegistrationDeps, 'ledger' | 'sessions' | 'clock' | 'log'>,
  slug: string,
  id: string,
): Promise<VerifyResult> {
  const open = await openSession(deps, slug);
  if (!open.ok) return open;
  const { session, at } = open;
  const result = await deps.ledger.verify(slug, id, at, session.capacity, sessionFacts(session));
  deps.log.info('registration_verified', { id, code: result?.outcome ?? 'gone' });
  return result === null ? { ok: false, reason: 'gone' } : { ok: true, session, ...result };
}

export async function cancelRegistration(
  deps: Pick<RegistrationDeps, 'ledger' | 'clock' | 'log'>,
  sessionSlug: string,
  id: string,
) {
  const at = new Date(deps.clock.now()).toISOString();
  const result = await deps.ledger.cancel(sessionSlug, id, at);
  deps.log.info('registration_cancelled', {
    id,
    code: result.cancelled === null ? 'not_found' : result.promoted === null ? 'freed' : 'promoted',
  });
  return result;
}

/**
 * Erases a registration at its author's request: recorded in the erasure log
 * first (a copy under way then takes itself back, see erasures.ts), then from
 * the ledger (freeing the seat first) and from the trainers' copy.
 */
export async function eraseRegistration(
  deps: Pick<
    RegistrationDeps,
    'ledger' | 'roster' | 'clock' | 'log' | 'erasures' | 'signingSecret'
  >,
  sessionSlug: string,
  id: string,
) {
  await recordErasure(deps, id);
  const at = new Date(deps.clock.now()).toISOString();
  const result = await deps.ledger.erase(sessionSlug, id, at);
  const copied = (await deps.roster?.eraseRegistration(id)) ?? false;
  deps.log.info('registration_erased', {
    id,
    code: result.erased || copied ? 'erased' : 'not_found',
  });
  return { erased: result.erased || copied, promoted: result.promoted };
}
