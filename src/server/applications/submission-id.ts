// The submission id that the page's script makes once per form view, so that a
// retry of the same form (lost answer, flaky connection, a 5xx after queueing)
// maps to the same application instead of a second one. The no-JS path sends
// none: a static page cannot carry a per-visit value without a script.
import { createHmac } from 'node:crypto';
import type { FormKind } from '../../schemas/forms/validate.ts';

/** What crypto.randomUUID() makes: a version 4 UUID, in any letter case. */
const uuidV4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;

export type SubmissionIdCheck = { ok: true; value: string | undefined } | { ok: false };

/** Absent or empty means "none" (the no-JS form posts its hidden field empty); anything else must be a UUID. */
export function parseSubmissionId(value: unknown): SubmissionIdCheck {
  if (value === undefined || value === '') return { ok: true, value: undefined };
  if (typeof value === 'string' && uuidV4.test(value))
    return { ok: true, value: value.toLowerCase() };
  return { ok: false };
}

/**
 * The application id of a submission: an HMAC with the server's secret, so that
 * a replay gets the same id while nobody can choose, or guess, the id of
 * someone else's application from a submission id of their own.
 */
export function applicationIdFor(secret: string, kind: FormKind, submissionId: string): string {
  const digest = createHmac('sha256', secret)
    .update(`application:${kind}:${submissionId.toLowerCase()}`)
    .digest('base64url');
  return `app_${digest.slice(0, 32)}`;
}
