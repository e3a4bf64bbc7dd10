// The one signing helper: links keep the format already sent in emails, a link
// of one kind never verifies as another, and any change to a link is refused.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLink, verifyLink, type LinkKind } from '../../../src/server/signed-links.ts';
import { signErasureToken, verifyErasureToken } from '../../../src/server/tokens.ts';
import {
  signCancelToken,
  verifyCancelToken,
} from '../../../src/server/registrations/cancel-token.ts';

const secret = 'a-test-secret-of-enough-length-0123456789';
const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-03-02T12:00:00Z');
const kind: LinkKind = { version: 'k1', context: 'test-kind', fields: [/^[a-z]+$/, /^\d+$/] };

describe('signed links', () => {
  it('reads back the fields and the expiry of a link it signed', () => {
    const token = signLink(kind, ['alpha', '42'], later, secret);
    expect(verifyLink(kind, token, secret, now)).toEqual({
      ok: true,
      fields: ['alpha', '42'],
      expiresAt: later,
    });
  });

  it('signs "<context>:<payload>", or the bare payload when the context is empty', () => {
    const payload = `k1.alpha.42.${later.getTime() / 1000}`;
    const hmac = (text: string) => createHmac('sha256', secret).update(text).digest('base64url');
    expect(signLink(kind, ['alpha', '42'], later, secret)).toBe(
      `${payload}.${hmac(`test-kind:${payload}`)}`,
    );
    expect(signLink({ ...kind, context: '' }, ['alpha', '42'], later, secret)).toBe(
      `${payload}.${hmac(payload)}`,
    );
  });

  it('refuses a changed field, another kind, another secret, an expired link and bad shapes', () => {
    const token = signLink(kind, ['alpha', '42'], later, secret);
    const reason = (t: string, k = kind, s = secret, at = now) => {
      const check = verifyLink(k, t, s, at);
      return check.ok ? 'ok' : check.reason;
    };
    expect(reason(token.replace('.42.', '.43.'))).toBe('bad-signature');
    expect(reason(token, { ...kind, context: 'other-kind' })).toBe('bad-signature');
    expect(reason(token, kind, `${secret}x`)).toBe('bad-signature');
    expect(reason(token, kind, secret, later)).toBe('expired');
    expect(reason(token.replace('alpha', 'ALPHA'))).toBe('malformed');
    expect(reason(token.replace('k1.', 'k2.'))).toBe('malformed');
    expect(reason(`${token}.extra`)).toBe('malformed');
    expect(reason('')).toBe('malformed');
  });

  it('keeps the erasure, cancel and confirmation links apart', () => {
    const registration = {
      id: 'reg_abcdefgh12',
      sessionSlug: 'induction-calais',
      locale: 'en' as const,
      registeredAt: now.toISOString(),
    };
    const cancel = signCancelToken(registration as never, secret, 'cancel');
    const verify = signCancelToken(registration as never, secret, 'verify');
    expect(verifyCancelToken(cancel, secret, now, 'cancel').ok).toBe(true);
    expect(verifyCancelToken(verify, secret, now, 'verify').ok).toBe(true);
    // Same fields, other version and context: neither serves as the other.
    expect(verifyCancelToken(cancel.replace(/^r1/, 'v1'), secret, now, 'verify')).toMatchObject({
      ok: false,
      reason: 'bad-signature',
      locale: 'en',
    });
    const erasure = signErasureToken(
      { id: 'app_abcdefgh12', locale: 'en', expiresAt: later },
      secret,
    );
    expect(verifyErasureToken(erasure, secret, now).ok).toBe(true);
    expect(verifyCancelToken(erasure, secret, now, 'verify').ok).toBe(false);
  });
});
