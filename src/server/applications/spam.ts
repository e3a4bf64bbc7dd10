// Signs that a sign-up comes from a bot. A suspect is kept apart for a person
// to review, never dropped, and its sender sees the usual thank-you page.
import { honeypotField, startedAtField } from '../../schemas/forms/fields.ts';

/** Fewer seconds than this between showing the form and sending it is not human. */
export const minSecondsToSubmit = 3;

export type SpamVerdict =
  { suspect: false } | { suspect: true; reason: 'honeypot' | 'too-fast' | 'no-start-time' };

export function spamVerdict(raw: Record<string, unknown>, now: number): SpamVerdict {
  const trap = raw[honeypotField];
  if (typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined && trap !== null) {
    return { suspect: true, reason: 'honeypot' };
  }
  // The page writes when the form was shown (milliseconds since 1970); without
  // JavaScript, the build time stands in, which is always long enough ago.
  const started = Number(raw[startedAtField]);
  if (raw[startedAtField] === undefined || !Number.isFinite(started))
    return { suspect: true, reason: 'no-start-time' };
  if (now - started < minSecondsToSubmit * 1000) return { suspect: true, reason: 'too-fast' };
  return { suspect: false };
}
