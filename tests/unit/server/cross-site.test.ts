// A page on another site cannot make its visitors' browsers post our forms
// (applications, registrations, erasures, cancellations): every state-changing
// request goes through one check (src/server/cross-site.ts, via endpoint.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { setServices } from '../../../src/server/services.ts';
import { signErasureToken } from '../../../src/server/tokens.ts';
import { registrationDeps, sessionData } from '../../registrations/builders.ts';
import { formBody, observerJson, volunteerForm } from '../../support-server/forms.ts';
import { entryPoint, netlifyContext } from '../../support-server/functions.ts';
import { installServices } from '../../support-server/services.ts';

const site = 'https://calais.example.org';
const form = 'application/x-www-form-urlencoded';
const slug = sessionData().slug;

afterEach(() => {
  setServices(undefined);
});

function setup() {
  const { base, deps } = registrationDeps([sessionData({ capacity: 16 })]);
  installServices(base, null, deps);
  return { base, deps };
}

const post = (path: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`${site}${path}`, { method: 'POST', body, headers });

/** What a third-party page's form makes its visitor's browser send. */
const fromElsewhere = {
  'content-type': form,
  origin: 'https://evil.example',
  'sec-fetch-site': 'cross-site',
  'accept-language': 'fr-FR,fr;q=0.9',
};
/** What our own page's form sends. */
const fromOurPage = { 'content-type': form, origin: site, 'sec-fetch-site': 'same-origin' };

async function call(name: string, req: Request, params: Record<string, string> = {}) {
  const { context, settle } = netlifyContext(params);
  const response = await (await entryPoint(name))(req, context);
  await settle();
  if (response === undefined) throw new Error(`${name} answered nothing`);
  return response;
}

const volunteerPost = (headers: Record<string, string>) =>
  post('/api/volunteers', formBody(volunteerForm()), headers);

describe('a state-changing request from another site', () => {
  it('is refused with a French page when it is a volunteer form post, and nothing is kept', async () => {
    const { base } = setup();

    const response = await call('volunteers', volunteerPost(fromElsewhere));

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('lang="fr"');
    expect(page).toContain('Envoi refusé');
    expect(base.queue.items.size).toBe(0);
    expect(base.store.writes).toHaveLength(0);
    expect(base.mailer.calls).toBe(0);
  });

  it('is refused in English for a visitor whose browser prefers English', async () => {
    setup();

    const response = await call(
      'volunteers',
      volunteerPost({ ...fromElsewhere, 'accept-language': 'en-GB,en;q=0.8' }),
    );

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request refused');
  });

  it('is refused with problem+json when it is JSON', async () => {
    const { base } = setup();

    const response = await call(
      'observers',
      post('/api/observers', JSON.stringify(observerJson()), {
        'content-type': 'application/json',
        origin: 'https://evil.example',
      }),
    );

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 403, code: 'cross_site' });
    expect(base.queue.items.size).toBe(0);
  });

  it('is refused when only Origin gives it away (a browser without Sec-Fetch-Site)', async () => {
    setup();

    const response = await call(
      'volunteers',
      volunteerPost({ 'content-type': form, origin: 'https://evil.example' }),
    );

    expect(response.status).toBe(403);
  });

  it('is refused when only Sec-Fetch-Site gives it away', async () => {
    setup();

    const response = await call(
      'volunteers',
      volunteerPost({ 'content-type': form, 'sec-fetch-site': 'cross-site' }),
    );

    expect(response.status).toBe(403);
  });

  it('is refused from a sandboxed frame (Origin: null) or from a sibling subdomain', async () => {
    setup();

    const fromNull = await call(
      'volunteers',
      volunteerPost({ 'content-type': form, origin: 'null' }),
    );
    const fromSibling = await call(
      'volunteers',
      volunteerPost({
        'content-type': form,
        origin: 'https://preview.example.org',
        'sec-fetch-site': 'same-site',
      }),
    );

    expect(fromNull.status).toBe(403);
    expect(fromSibling.status).toBe(403);
  });

  it('cannot take a training seat', async () => {
    const { deps } = setup();
    const body = new URLSearchParams({
      locale: 'fr',
      name: 'Camille Martin',
      email: 'camille@example.org',
      consent: 'on',
      privacyVersion: '2026-11-22',
      startedAt: '0',
    });

    const response = await call(
      'session-registrations',
      post(`/api/sessions/${slug}/registrations`, body, fromElsewhere),
      { slug },
    );

    expect(response.status).toBe(403);
    expect(await deps.ledger.seats(slug, 16)).toMatchObject({ confirmed: 0, waiting: 0 });
  });

  it('cannot erase an application, cancel a registration or confirm its address', async () => {
    const { base } = setup();
    const token = signErasureToken(
      { id: 'app_test-0001', locale: 'fr', expiresAt: new Date(base.clock.now() + 86_400_000) },
      base.signingSecret,
    );

    const erasure = await call(
      'erasure',
      post('/api/erasure', new URLSearchParams({ token }), fromElsewhere),
    );
    const cancel = await call(
      'registration-cancel',
      post('/api/registrations/cancel', new URLSearchParams({ token: 'x' }), fromElsewhere),
    );

    const verify = await call(
      'registration-verify',
      post('/api/registrations/verify', new URLSearchParams({ token: 'x' }), fromElsewhere),
    );

    expect(erasure.status).toBe(403);
    expect(cancel.status).toBe(403);
    expect(verify.status).toBe(403);
  });
});

describe('a request that is not a cross-site one', () => {
  it('goes through from our own page', async () => {
    const { base } = setup();

    const response = await call('volunteers', volunteerPost(fromOurPage));

    expect([201, 303]).toContain(response.status);
    expect(base.queue.items.size + base.store.writes.length).toBeGreaterThan(0);
  });

  it('goes through from our own no-referrer pages, whose posts say Origin: null but Sec-Fetch-Site: same-origin', async () => {
    const { base } = setup();
    const token = signErasureToken(
      { id: 'app_test-0001', locale: 'fr', expiresAt: new Date(base.clock.now() + 86_400_000) },
      base.signingSecret,
    );

    const response = await call(
      'erasure',
      post('/api/erasure', new URLSearchParams({ token }), { ...fromOurPage, origin: 'null' }),
    );

    expect(response.status).toBe(200);
  });

  it('goes through from the configured site address when the request came in by another name', async () => {
    setup();

    const response = await call(
      'volunteers',
      new Request('https://www.calais.example.org/api/volunteers', {
        method: 'POST',
        body: formBody(volunteerForm()),
        headers: { 'content-type': form, origin: site, 'sec-fetch-site': 'same-site' },
      }),
    );

    expect([201, 303]).toContain(response.status);
  });

  it('goes through without Origin or Sec-Fetch-Site (curl, an API client), since no browser sends those cross-site', async () => {
    setup();

    const response = await call('volunteers', volunteerPost({ 'content-type': form }));

    expect([201, 303]).toContain(response.status);
  });

  it('goes through when it only reads (the erasure link opened from an email client)', async () => {
    const { base } = setup();
    const token = signErasureToken(
      { id: 'app_test-0001', locale: 'fr', expiresAt: new Date(base.clock.now() + 86_400_000) },
      base.signingSecret,
    );

    const response = await call(
      'erasure',
      new Request(`${site}/api/erasure?token=${token}`, {
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
    );

    expect(response.status).toBe(200);
  });
});
