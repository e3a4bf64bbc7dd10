// Signed erasure tokens: "v1.<id>.<locale>.<expires>.<signature>", HMAC-SHA256
// over everything before the signature. Anyone holding the link may erase that
// one application until it expires, and nothing else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../schemas/common.ts';
import { pickLocale } from '../schemas/forms/validate.ts';

/** How long an erasure link works (the email says so). */
export const erasureTokenDays = 30;

export interface ErasureClaim {
  id: string;
  locale: Locale;
  /** When the token stops working. */
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; claim: ErasureClaim }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired'; locale: Locale };

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function signErasureToken(claim: ErasureClaim, secret: string): string {
  const payload = ['v1', claim.id, claim.locale, Math.floor(claim.expiresAt.getTime() / 1000)].join(
    '.',
  );
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyErasureToken(token: string, secret: string, now: Date): TokenCheck {
  const parts = token.split('.');
  const [version, id, localeValue, expires, signature] = parts;
  const locale = pickLocale(localeValue);
  if (
    parts.length !== 5 ||
    version !== 'v1' ||
    id === undefined ||
    !/^app_[\w-]{8,64}$/.test(id) ||
    localeValue !== locale ||
    expires === undefined ||
    !/^\d{1,12}$/.test(expires) ||
    signature === undefined
  ) {
    return { ok: false, reason: 'malformed', locale };
  }
  const expected = Buffer.from(sign(parts.slice(0, 4).join('.'), secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature', locale };
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', locale };
  return { ok: true, claim: { id, locale, expiresAt } };
}
