// Signed registration links: "<version>.<session>.<id>.<locale>.<expires>.<signature>",
// HMAC-SHA256 over everything before the signature (as tokens.ts does for
// erasure links), under a context per purpose so that one link can never serve
// as another. Whoever holds the link may act on that one registration:
// - cancel ("r1"): cancel or erase it, for a year;
// - verify ("v1"): confirm its address, within `verifyTokenHours`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import { pickLocale } from '../../schemas/forms/validate.ts';
import type { Registration } from '../ports.ts';

/** A cancellation link works this long after registering: well past any session. */
export const cancelTokenDays = 365;
/** The link confirming an address works this long; unconfirmed registrations are dropped after it. */
export const verifyTokenHours = 48;

export type LinkPurpose = 'cancel' | 'verify';

const versions: Record<LinkPurpose, string> = { cancel: 'r1', verify: 'v1' };
const lifetimeMs: Record<LinkPurpose, number> = {
  cancel: cancelTokenDays * 86_400_000,
  verify: verifyTokenHours * 3_600_000,
};

export interface CancelClaim {
  sessionSlug: string;
  id: string;
  locale: Locale;
}

export type CancelTokenCheck =
  | { ok: true; claim: CancelClaim }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired'; locale: Locale };

const sign = (purpose: LinkPurpose, payload: string, secret: string) =>
  createHmac('sha256', secret).update(`registration-${purpose}:${payload}`).digest('base64url');

/** Derived from the registration only, so that a resent email carries the same link. */
export function signCancelToken(
  registration: Registration,
  secret: string,
  purpose: LinkPurpose = 'cancel',
): string {
  const expires = Math.floor((Date.parse(registration.registeredAt) + lifetimeMs[purpose]) / 1000);
  const payload = [
    versions[purpose],
    registration.sessionSlug,
    registration.id,
    registration.locale,
    expires,
  ].join('.');
  return `${payload}.${sign(purpose, payload, secret)}`;
}

export function verifyCancelToken(
  token: string,
  secret: string,
  now: Date,
  purpose: LinkPurpose = 'cancel',
): CancelTokenCheck {
  const parts = token.split('.');
  const [version, slug, id, localeValue, expires, signature] = parts;
  const locale = pickLocale(localeValue);
  if (
    parts.length !== 6 ||
    version !== versions[purpose] ||
    slug === undefined ||
    !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ||
    id === undefined ||
    !/^reg_[\w-]{8,64}$/.test(id) ||
    localeValue !== locale ||
    expires === undefined ||
    !/^\d{1,12}$/.test(expires) ||
    signature === undefined
  ) {
    return { ok: false, reason: 'malformed', locale };
  }
  const expected = Buffer.from(sign(purpose, parts.slice(0, 5).join('.'), secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature', locale };
  }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired', locale };
  return { ok: true, claim: { sessionSlug: slug, id, locale } };
}
