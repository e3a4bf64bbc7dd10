// Signed cancellation links: "r1.<session>.<id>.<locale>.<expires>.<signature>",
// HMAC-SHA256 over everything before the signature (as tokens.ts does for
// erasure links). Whoever holds the link may cancel that one registration.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import { pickLocale } from '../../schemas/forms/validate.ts';
import type { Registration } from '../ports.ts';

/** A cancellation link works this long after registering: well past any session. */
export const cancelTokenDays = 365;

export interface CancelClaim {
  sessionSlug: string;
  id: string;
  locale: Locale;
}

export type CancelTokenCheck =
  | { ok: true; claim: CancelClaim }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired'; locale: Locale };

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`registration-cancel:${payload}`).digest('base64url');

/** Derived from the registration only, so that a resent email carries the same link. */
export function signCancelToken(registration: Registration, secret: string): string {
  const expires = Math.floor(
    (Date.parse(registration.registeredAt) + cancelTokenDays * 86_400_000) / 1000,
  );
  const payload = [
    'r1',
    registration.sessionSlug,
    registration.id,
    registration.locale,
    expires,
  ].join('.');
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyCancelToken(token: string, secret: string, now: Date): CancelTokenCheck {
  const parts = token.split('.');
  const [version, slug, id, localeValue, expires, signature] = parts;
  const locale = pickLocale(localeValue);
  if (
    parts.length !== 6 ||
    version !== 'r1' ||
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
  const expected = Buffer.from(sign(parts.slice(0, 5).join('.'), secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature', locale };
  }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired', locale };
  return { ok: true, claim: { sessionSlug: slug, id, locale } };
}
