// The welcome email of a record, with its signed erasure link. Everything is
// derived from the record, so a retry rebuilds the very same message.
import { welcomeEmail } from '../emails/welcome.ts';
import type { ApplicationRecord, EmailMessage } from '../ports.ts';
import { erasureTokenDays, signErasureToken } from '../tokens.ts';
import type { AppDeps } from './deps.ts';

export const erasurePath = '/api/erasure';

export function erasureUrl(
  deps: Pick<AppDeps, 'siteUrl' | 'signingSecret'>,
  record: ApplicationRecord,
): string {
  const expiresAt = new Date(Date.parse(record.submittedAt) + erasureTokenDays * 86_400_000);
  const token = signErasureToken(
    { id: record.id, locale: record.locale, expiresAt },
    deps.signingSecret,
  );
  return `${deps.siteUrl}${erasurePath}?token=${encodeURIComponent(token)}`;
}

export async function buildWelcome(
  deps: AppDeps,
  record: ApplicationRecord,
): Promise<EmailMessage> {
  let sessions: Awaited<ReturnType<AppDeps['upcomingSessions']>> = [];
  try {
    sessions = await deps.upcomingSessions(record);
  } catch (error) {
    // The email is still worth sending without the list: it links to the calendar.
    deps.log.warn('sessions_unavailable', {
      id: record.id,
      code: error instanceof Error ? error.name : 'unknown',
    });
  }
  return welcomeEmail(record, {
    siteUrl: deps.siteUrl,
    coordinatorEmail: deps.coordinatorEmail,
    erasureUrl: erasureUrl(deps, record),
    erasureDays: erasureTokenDays,
    sessions,
  });
}

/** Idempotency key of the welcome email: one per application, whatever the retries. */
export const welcomeKey = (record: ApplicationRecord) => `${record.id}:welcome`;
