import { afterEach, describe, expect, it } from 'vitest';
import { acceptApplication } from '../../../src/server/applications/submit.ts';
import { erasureUrl } from '../../../src/server/applications/welcome.ts';
import { drainPending } from '../../../src/server/applications/drain.ts';
import { handleErasure } from '../../../src/server/handlers/erasure.ts';
import { setServices } from '../../../src/server/services.ts';
import { signErasureToken, verifyErasureToken } from '../../../src/server/tokens.ts';
import { testDeps, type TestDeps } from '../../support-server/deps.ts';
import { installServices } from '../../support-server/services.ts';

const secret = 'another-secret-another-secret-another-42';
const claim = {
  id: 'app_0f6d3c1e-aaaa-bbbb',
  locale: 'en' as const,
  expiresAt: new Date('2027-01-01T00:00:00Z'),
};

async function storedApplication(deps: TestDeps) {
  const { record } = await acceptApplication(
    deps,
    'observer',
    {
      locale: 'fr',
      name: 'Sam',
      email: 'sam@example.org',
      privacyVersion: '2026-11-22',
      profile: 'artist',
    },
    { suspect: false },
  );
  await drainPending(deps);
  return record;
}

const confirm = (token: string) =>
  new Request('https://calais.example.org/api/erasure', {
    method: 'POST',
    body: new URLSearchParams({ token }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

afterEach(() => {
  setServices(undefined);
});

describe('erasure tokens', () => {
  it('accepts its own token before expiry', () => {
    const token = signErasureToken(claim, secret);

    const check = verifyErasureToken(token, secret, new Date('2026-12-31T23:59:00Z'));

    expect(check).toEqual({ ok: true, claim });
  });

  it('refuses an expired token', () => {
    const token = signErasureToken(claim, secret);

    const check = verifyErasureToken(token, secret, new Date('2027-01-01T00:00:00Z'));

    expect(check).toMatchObject({ ok: false, reason: 'expired', locale: 'en' });
  });

  it('refuses a token whose id or expiry was changed', () => {
    const token = signErasureToken(claim, secret);
    const otherId = token.replace('app_0f6d3c1e-aaaa-bbbb', 'app_0f6d3c1e-aaaa-cccc');
    const later = token.replace(/\.(\d+)\./, (_, s: string) => `.${String(Number(s) + 86_400)}.`);

    expect(verifyErasureToken(otherId, secret, new Date('2026-12-01'))).toMatchObject({
      reason: 'bad-signature',
    });
    expect(verifyErasureToken(later, secret, new Date('2026-12-01'))).toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('refuses a token signed with another secret, and garbage', () => {
    const token = signErasureToken(claim, 'x'.repeat(40));

    expect(verifyErasureToken(token, secret, new Date('2026-12-01'))).toMatchObject({
      reason: 'bad-signature',
    });
    expect(verifyErasureToken('v1.../etc/passwd', secret, new Date())).toMatchObject({
      reason: 'malformed',
    });
  });
});

describe('/api/erasure', () => {
  it('only shows a confirmation on GET, so that a mail scanner opening the link erases nothing', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await storedApplication(deps);

    const response = await handleErasure(new Request(erasureUrl(deps, record)));

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<form method="post" action="/api/erasure">');
    expect(page).toContain('Effacer ma candidature');
    expect(await deps.store.find(record.id)).not.toBeNull();
  });

  it('erases the record from the store on POST', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await storedApplication(deps);
    const token = new URL(erasureUrl(deps, record)).searchParams.get('token') ?? '';

    const response = await handleErasure(confirm(token));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Votre candidature est effacée');
    expect(await deps.store.find(record.id)).toBeNull();
  });

  it('answers 410 with the coordinator’s address once the link has expired', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await storedApplication(deps);
    const token = new URL(erasureUrl(deps, record)).searchParams.get('token') ?? '';
    deps.clock.advance(31 * 86_400_000);

    const response = await handleErasure(confirm(token));

    expect(response.status).toBe(410);
    expect(await response.text()).toContain('coordination@example.org');
    expect(await deps.store.find(record.id)).not.toBeNull();
  });

  it('answers 400 to a tampered token and erases nothing', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await storedApplication(deps);
    const token = new URL(erasureUrl(deps, record)).searchParams.get('token') ?? '';

    const response = await handleErasure(confirm(`${token.slice(0, -2)}xx`));

    expect(response.status).toBe(400);
    expect(await deps.store.find(record.id)).not.toBeNull();
  });
});
