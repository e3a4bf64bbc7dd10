// Signed registration links: "<version>.<session>.<id>.<locale>.<expires>.<signature>",
// signed by signed-links.ts under a context per purpose so that one link can
// never serve as another. Whoever holds the link may act on that one registration:
// - cancel ("r1"): cancel or erase it, for a year;
// - verify ("v1"): confirm its address, within `verifyTokenHours`.
import type { Locale } from '../../schemas/common.ts';
import { pickLocale } from '../../schemas/forms/validate.ts';
import type { Registration } from '../ports.ts';
import { signLink, verifyLink, type LinkKind } from '../signed-links.ts';
import { localeField } from '../tokens.ts';

/** A cancellation link works this long after registering: well past any session. */
export const cancelTokenDays = 365;
/** The link confirming an address works this long; unconfirmed registrations are dropped after it. */
export const verifyTokenHours = 48;

export type LinkPurpose = 'cancel' | 'verify';

const registrationFields = [/^[a-z0-9]+(?:-[a-z0-9]+)*$/, /^reg_[\w-]{8,64}$/, localeField];
const kinds: Record<LinkPurpose, LinkKind> = {
  cancel: { version: 'r1', context: 'registration-cancel', fields: registrationFields },
  verify: { version: 'v1', context: 'registration-verify', fields: registrationFields },
};
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

/** Derived from the registration only, so that a resent email carries the same link. */
export function signCancelToken(
  registration: Registration,
  secret: string,
  purpose: LinkPurpose = 'cancel',
): string {
  const expiresAt = new Date(Date.parse(registration.registeredAt) + lifetimeMs[purpose]);
  const { sessionSlug, id, locale } = registration;
  return signLink(kinds[purpose], [sessionSlug, id, locale], expiresAt, secret);
}

export function verifyCancelToken(
  token: string,
  secret: string,
  now: Date,
  purpose: LinkPurpose = 'cancel',
): CancelTokenCheck {
  const check = verifyLink(kinds[purpose], token, secret, now);
  if (!check.ok) return { ...check, locale: pickLocale(token.split('.')[3]) };
  const [sessionSlug = '', id = '', locale] = check.fields;
  return { ok: true, claim: { sessionSlug, id, locale: pickLocale(locale) } };
}
