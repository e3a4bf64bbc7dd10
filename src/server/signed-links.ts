// The one way this site signs a link that lets its holder act on one record:
// "<version>.<field>….<expires>.<signature>", HMAC-SHA256 over everything
// before the signature, compared in constant time. Each kind of link (erasure,
// registration cancel, address confirmation) gives its version, the pattern
// of each field and a context mixed into the HMAC, so that a link of one kind
// never verifies as another. tokens.ts and registrations/cancel-token.ts say
// what their links carry; this module only signs and checks.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkKind {
  /** First segment; a kind changes it when its fields change. */
  version: string;
  /**
   * Mixed into the HMAC ("<context>:<payload>"). Empty for the erasure links,
   * signed over the bare payload before contexts existed: links already sent
   * keep working.
   */
  context: string;
  /** One pattern per segment between the version and the expiry. */
  fields: readonly RegExp[];
}

/** Why a link is refused. */
export type LinkProblem = 'malformed' | 'bad-signature' | 'expired';

/** The HTTP status of a refused link: gone once expired, a bad request otherwise. */
export const linkProblemStatus = (reason: LinkProblem): number =>
  reason === 'expired' ? 410 : 400;

export type LinkCheck =
  { ok: true; fields: string[]; expiresAt: Date } | { ok: false; reason: LinkProblem };

function signature(kind: LinkKind, payload: string, secret: string): string {
  const signed = kind.context === '' ? payload : `${kind.context}:${payload}`;
  return createHmac('sha256', secret).update(signed).digest('base64url');
}

/** The link for `fields` (in the kind's order), valid until `expiresAt` (to the second). */
export function signLink(
  kind: LinkKind,
  fields: readonly string[],
  expiresAt: Date,
  secret: string,
): string {
  const payload = [kind.version, ...fields, Math.floor(expiresAt.getTime() / 1000)].join('.');
  return `${payload}.${signature(kind, payload, secret)}`;
}

/**
 * The fields of a link this site signed for `kind`, if it is whole, its
 * signature right and it has not expired at `now`.
 */
export function verifyLink(kind: LinkKind, token: string, secret: string, now: Date): LinkCheck {
  const parts = token.split('.');
  const fields = parts.slice(1, -2);
  const expires = parts.at(-2);
  const given = parts.at(-1);
  if (
    parts.length !== kind.fields.length + 3 ||
    parts[0] !== kind.version ||
    !fields.every((value, i) => kind.fields[i]?.test(value) === true) ||
    expires === undefined ||
    !/^\d{1,12}$/.test(expires) ||
    given === undefined
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(signature(kind, parts.slice(0, -1).join('.'), secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, fields, expiresAt };
}
