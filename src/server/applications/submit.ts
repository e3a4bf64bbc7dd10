// Accepting an application: it is made durable in the pending queue before the
// applicant gets an answer; delivery to the store and the mailer comes after.
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import type { FormKind } from '../../schemas/forms/validate.ts';
import type { ApplicationRecord } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import type { SpamVerdict } from './spam.ts';

/**
 * How long the scheduled drain leaves a fresh application to the delivery
 * started by its own request, so that the two never work on it at once.
 */
export const freshLeaseMs = 2 * 60_000;

export const newApplicationId = () => `app_${randomUUID()}`;

/** The validated fields of either form (see src/schemas/forms/). */
export interface ValidApplication {
  locale: Locale;
  name: string;
  email: string;
  privacyVersion: string;
  charterVersion?: string;
  [field: string]: unknown;
}

/** Fields kept apart in the record, and never copied into `fields`. */
const envelope = new Set([
  'locale',
  'name',
  'email',
  'consent',
  'privacyVersion',
  'charter',
  'charterVersion',
]);

export async function acceptApplication(
  deps: Pick<AppDeps, 'queue' | 'clock' | 'log' | 'newId'>,
  kind: FormKind,
  application: ValidApplication,
  spam: SpamVerdict,
): Promise<ApplicationRecord> {
  const now = deps.clock.now();
  const acceptedAt = new Date(now).toISOString();
  const fields = Object.fromEntries(
    Object.entries(application).filter(([key]) => !envelope.has(key)),
  );
  const record: ApplicationRecord = {
    id: (deps.newId ?? newApplicationId)(),
    kind,
    locale: application.locale,
    submittedAt: acceptedAt,
    status: spam.suspect ? 'suspected-spam' : 'new',
    email: application.email,
    name: application.name,
    fields,
    consent: {
      privacyVersion: application.privacyVersion,
      ...(application.charterVersion === undefined
        ? {}
        : { charterVersion: application.charterVersion }),
      acceptedAt,
    },
  };
  await deps.queue.put({
    record,
    stored: false,
    mailed: false,
    attempts: 0,
    notBefore: new Date(now + freshLeaseMs).toISOString(),
  });
  deps.log.info('application_accepted', {
    id: record.id,
    kind,
    ...(spam.suspect ? { code: `spam_${spam.reason}` } : {}),
  });
  return record;
}
