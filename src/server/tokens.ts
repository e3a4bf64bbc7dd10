// Signed erasure tokens: "v1.<id>.<locale>.<expires>.<signature>", HMAC-SHA256
// over everything before the signature. Anyone holding the link may erase that
// one application until it expires, and nothing else.
import { locales, type Locale } from '../schemas/common.ts';
import { pickLocale } from '../schemas/forms/validate.ts';
import { signLink, verifyLink, type LinkKind } from './signed-links.ts';

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

/** Matches one of the site's languages, whole: the links carry the reader's. */
export const localeField = new RegExp(`^(?:${locales.join('|')})$`);

const erasureLink: LinkKind = {
  version: 'v1',
  // Signed over the bare payload since the first links were sent.
  context: '',
  fields: [/^app_[\w-]{8,64}$/, localeField],
};

export function signErasureToken(claim: ErasureClaim, secret: string): string {
  return signLink(erasureLink, [claim.id, claim.locale], claim.expiresAt, secret);
}

export function verifyErasureToken(token: string, secret: string, now: Date): TokenCheck {
  const check = verifyLink(erasureLink, token, secret, now);
  if (!check.ok) return { ...check, locale: pickLocale(token.split('.')[2]) };
  const [id = '', locale] = check.fields;
  return { ok: true, claim: { id, locale: pickLocale(locale), expiresAt: check.expiresAt } };
}
