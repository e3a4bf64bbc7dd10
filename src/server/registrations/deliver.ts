// Sending the emails the ledger says a registration is owed. Each is sent with
// the idempotency key "<registration id>:<email>" and then marked sent in the
// ledger, so a crash in between resends nothing (the provider drops the
// repeat), and nothing owed is lost (the drain finds it in the ledger).
import { maxPendingMs } from '../applications/drain.ts';
import { RejectedError, TemporaryError } from '../errors.ts';
import { erasedIds } from '../erasures.ts';
import { errorCode } from '../log.ts';
import type { Registration, RegistrationEmail } from '../ports.ts';
import { sessionPath } from '../site-paths.ts';
import { registrationEmail } from '../emails/registration.ts';
import { signCancelToken, verifyTokenHours } from './cancel-token.ts';
import type { RegistrationDeps } from './deps.ts';
import { changeOf, isChangeNotice } from './session-facts.ts';

export const cancelPath = '/api/registrations/cancel';
export const verifyPath = '/api/registrations/verify';

export const registrationEmailKey = (registration: Registration, email: RegistrationEmail) =>
  `${registration.id}:${email}`;

export function cancelUrl(
  deps: Pick<RegistrationDeps, 'siteUrl' | 'signingSecret'>,
  registration: Registration,
): string {
  const token = signCancelToken(registration, deps.signingSecret);
  return `${deps.siteUrl}${cancelPath}?token=${encodeURIComponent(token)}`;
}

export function verifyUrl(
  deps: Pick<RegistrationDeps, 'siteUrl' | 'signingSecret'>,
  registration: Registration,
): string {
  const token = signCancelToken(registration, deps.signingSecret, 'verify');
  return `${deps.siteUrl}${verifyPath}?token=${encodeURIComponent(token)}`;
}

/** When an email became owed: the change that owes it (registration, promotion, notice). */
export function owedSince(registration: Registration, email: RegistrationEmail): number {
  const notice =
    changeOf(registration, email)?.at ?? registration.notices?.find((n) => n.kind === email)?.at;
  const at =
    email === 'promoted'
      ? registration.promotedAt
      : email === 'confirmed' || email === 'waiting'
        ? undefined
        : notice;
  return Date.parse(at ?? registration.registeredAt);
}

/**
 * Whether a failed send is given up rather than retried by the next drain: a
 * message the provider refuses for good (a 422 on this address never turns into
 * a 200), or any failure once the email has been owed for as long as the
 * applications' welcome email waits (a week-late confirmation helps no one).
 * A configuration error (bad key) is retried until then, so that fixing it sends.
 */
function givesUp(
  error: unknown,
  registration: Registration,
  email: RegistrationEmail,
  now: number,
): boolean {
  return error instanceof RejectedError || now - owedSince(registration, email) > maxPendingMs;
}

export interface RegistrationDeliveryReport {
  sent: number;
  /** Emails dropped because their session is over or unpublished. */
  dropped: number;
  /** Emails given up: refused for good by the provider, or owed for longer than maxPendingMs. */
  abandoned: number;
  /** True if a failure stopped the run; what is left stays owed for the drain. */
  stopped: boolean;
}

export async function deliverRegistrationEmails(
  deps: RegistrationDeps,
  registrations: readonly Registration[],
  options: { deadline: number },
): Promise<RegistrationDeliveryReport> {
  const report: RegistrationDeliveryReport = { sent: 0, dropped: 0, abandoned: 0, stopped: false };
  // Read before an erasure that came since: nothing more is sent to its author.
  const erased = await erasedIds(
    deps,
    registrations.filter((r) => r.unsent.length > 0).map((r) => r.id),
  );
  for (const registration of registrations) {
    if (registration.unsent.length === 0 || erased.has(registration.id)) continue;
    if (deps.clock.now() >= options.deadline) return { ...report, stopped: true };
    try {
      const session = await deps.sessions.find(registration.sessionSlug);
      for (const email of registration.unsent) {
        const lost = isChangeNotice(email) && changeOf(registration, email) === undefined;
        if (session === null || lost || (email === 'reminder' && session.status === 'cancelled')) {
          // Over, taken off the site or cancelled: an email about it now would mislead.
          // (A change notice whose change is not recorded cannot be written.)
          await deps.ledger.markSent(registration.sessionSlug, registration.id, email);
          deps.log.warn('registration_email_dropped', { id: registration.id, code: email });
          report.dropped += 1;
          continue;
        }
        const message = registrationEmail(email, registration, session, {
          siteUrl: deps.siteUrl,
          coordinatorEmail: deps.coordinatorEmail,
          sessionUrl: `${deps.siteUrl}${sessionPath(session.slug, registration.locale)}`,
          cancelUrl: cancelUrl(deps, registration),
          verifyUrl: verifyUrl(deps, registration),
          verifyHours: verifyTokenHours,
        });
        try {
          await deps.mailer.send(message, {
            idempotencyKey: registrationEmailKey(registration, email),
          });
        } catch (error) {
          if (!givesUp(error, registration, email, deps.clock.now())) throw error;
          // Never sendable (or owed for too long): given up once, as the
          // applications' welcome email is, with a line that names no one.
          await deps.ledger.markSent(registration.sessionSlug, registration.id, email);
          deps.log.error('registration_email_abandoned', {
            id: registration.id,
            kind: email,
            code: errorCode(error),
          });
          report.abandoned += 1;
          continue;
        }
        await deps.ledger.markSent(registration.sessionSlug, registration.id, email);
        report.sent += 1;
      }
    } catch (error) {
      deps.log.warn('registration_email_postponed', {
        id: registration.id,
        code: errorCode(error),
      });
      // A provider asking to wait is asked again by the next drain, not now.
      if (error instanceof TemporaryError) return { ...report, stopped: true };
    }
  }
  return report;
}

/** Every owed email, within the run's budget: the scheduled drain's part for registrations. */
export async function drainRegistrationEmails(deps: RegistrationDeps, budgetMs = 20_000) {
  const owed = await deps.ledger.unsent();
  const report = await deliverRegistrationEmails(deps, owed, {
    deadline: deps.clock.now() + budgetMs,
  });
  if (owed.length > 0) {
    deps.log.info('registration_drain_finished', { count: report.sent, pending: owed.length });
  }
  return report;
}
