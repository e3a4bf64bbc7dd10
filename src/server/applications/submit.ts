// Accepting an application: it is made durable in the pending queue before the
// applicant gets an answer; delivery to the store and the mailer comes after.
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import type { FormKind } from '../../schemas/forms/validate.ts';
import { errorCode } from '../log.ts';
import type { ApplicationRecord, PendingDelivery } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import type { SpamVerdict } from './spam.ts';
import { applicationIdFor } from './submission-id.ts';

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

export interface Acceptance {
  record: ApplicationRecord;
  /** True if this submission was already accepted: nothing was queued again. */
  replay: boolean;
}

/**
 * Makes an application durable. With a submission id (see submission-id.ts) a
 * replay of an accepted one, still queued or already stored, is answered with
 * the first one's id and queues nothing.
 */
export async function acceptApplication(
  deps: Pick<AppDeps, 'queue' | 'store' | 'clock' | 'log' | 'newId' | 'signingSecret'>,
  kind: FormKind,
  application: ValidApplication,
  spam: SpamVerdict,
  submissionId?: string,
): Promise<Acceptance> {
  const now = deps.clock.now();
  const acceptedAt = new Date(now).toISOString();
  const fields = Object.fromEntries(
    Object.entries(application).filter(([key]) => !envelope.has(key)),
  );
  const record: ApplicationRecord = {
    id:
      submissionId === undefined
        ? (deps.newId ?? newApplicationId)()
        : applicationIdFor(deps.signingSecret, kind, submissionId),
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
  const item: PendingDelivery = {
    record,
    stored: false,
    mailed: false,
    // Due at once: the drainer (src/server/drainer.ts) takes it in its next round.
    attempts: 0,
  };
  if (submissionId === undefined) {
    await deps.queue.put(item);
  } else {
    const replay = (await alreadyStored(deps, record.id)) || !(await deps.queue.putIfAbsent(item));
    if (replay) {
      deps.log.info('application_replayed', { id: record.id, kind });
      return { record, replay: true };
    }
  }
  deps.log.info('application_accepted', {
    id: record.id,
    kind,
    ...(spam.suspect ? { code: `spam_${spam.reason}` } : {}),
  });
  return { record, replay: false };
}

/**
 * Whether a replay's application already left the queue for the store. Best
 * effort: if the store cannot tell now, the replay is queued, and delivery,
 * idempotent by the id (store write, email key), still makes nothing twice.
 */
async function alreadyStored(deps: Pick<AppDeps, 'store' | 'log'>, id: string): Promise<boolean> {
  try {
    return (await deps.store.find(id)) !== null;
  } catch (error) {
    deps.log.warn('replay_check_failed', { id, code: errorCode(error) });
    return false;
  }
}
