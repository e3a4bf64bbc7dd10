import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateForm } from '../../../src/schemas/forms/validate.ts';
import { fromFormEntries } from '../../../src/schemas/forms/form-data.ts';
import { acceptApplication } from '../../../src/server/applications/submit.ts';
import { TemporaryError } from '../../../src/server/errors.ts';
import { maxBodyBytes } from '../../../src/server/http.ts';
import { handleApplication } from '../../../src/server/handlers/applications.ts';
import { setServices } from '../../../src/server/services.ts';
import { testDeps } from '../../support-server/deps.ts';
import {
  formBody,
  observerJson,
  visitFrom,
  visitTo,
  volunteerForm,
} from '../../support-server/forms.ts';
import { installServices, requestContext } from '../../support-server/services.ts';

const post = (path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) =>
  new Request(`https://calais.example.org${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...headers },
  });
const formPost = (fields: Record<string, string | string[]>) =>
  post('/api/volunteers', formBody(fields), 'application/x-www-form-urlencoded');
const jsonPost = (data: unknown) =>
  post('/api/observers', JSON.stringify(data), 'application/json');

afterEach(() => {
  setServices(undefined);
});

/** A valid volunteer application, as the handler would pass it on. */
function validVolunteer(n: number) {
  const result = validateForm(
    'volunteer',
    fromFormEntries(formBody(volunteerForm({ email: `queued${n}@example.org` }))),
    'fr',
  );
  if (!result.ok) throw new Error('invalid test application');
  return result.data;
}

describe('POST /api/volunteers and /api/observers', () => {
  it('redirects a plain form post to the French thank-you page, then stores it and sends one email', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const response = await handleApplication('volunteer', formPost(volunteerForm()), ctx);
    await ctx.settle();

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/nous-rejoindre/merci/');
    const [record] = deps.store.writes;
    expect(deps.store.writes).toHaveLength(1);
    expect(record?.status).toBe('new');
    expect(record?.fields['languages']).toEqual([
      { code: 'ar', level: 'fluent' },
      { code: 'en', level: 'basic' },
    ]);
    expect(record?.consent.privacyVersion).toBe('2026-11-22');
    expect(deps.mailer.to('camille.martin@example.org')).toHaveLength(1);
    expect(deps.mailer.to('camille.martin@example.org')[0]?.subject).toMatch(/bénévole/);
    expect(deps.queue.items.size).toBe(0);
  });

  it('delivers 25 posts sent at once, each once, with never two drainers holding the lease', async () => {
    const deps = testDeps();
    const services = installServices(deps);
    const { lease } = services;
    let holding = 0;
    let mostAtOnce = 0;
    const save = deps.store.saveAll.bind(deps.store);
    deps.store.saveAll = async (records) => {
      holding += 1;
      mostAtOnce = Math.max(mostAtOnce, holding);
      await new Promise((resolve) => setTimeout(resolve, 5));
      holding -= 1;
      return save(records);
    };
    const ctx = requestContext();

    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        handleApplication(
          'volunteer',
          formPost(volunteerForm({ email: `person${n}@example.org` })),
          ctx,
        ),
      ),
    );
    await ctx.settle();

    expect(responses.every((response) => response.status === 303)).toBe(true);
    expect(mostAtOnce).toBe(1);
    expect(lease.grants.length).toBeGreaterThan(0);
    expect(new Set(deps.store.writes.map((r) => r.id)).size).toBe(25);
    expect(deps.store.writes).toHaveLength(25);
    expect(Math.max(...deps.store.batchSizes)).toBeLessThanOrEqual(10);
    for (let n = 0; n < 25; n += 1)
      expect(deps.mailer.to(`person${n}@example.org`)).toHaveLength(1);
    expect(deps.queue.items.size).toBe(0);
  });

  it('hands a backlog its own run cannot finish over to the background function, once deployed', async () => {
    const deps = testDeps();
    const services = installServices(deps);
    Object.assign(services.config, { deployed: true });
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        acceptApplication(deps, 'volunteer', validVolunteer(n), { suspect: false }),
      ),
    );
    const save = deps.store.saveAll.bind(deps.store);
    deps.store.saveAll = async (records) => {
      await deps.clock.sleep(5_000);
      return save(records);
    };
    const calls: { url: string; headers: Headers }[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push({ url, headers: new Headers(init.headers) });
      return Promise.resolve(new Response(null, { status: 202 }));
    });
    const ctx = requestContext();

    await handleApplication('volunteer', formPost(volunteerForm()), ctx);
    await ctx.settle();
    vi.unstubAllGlobals();

    expect(deps.queue.items.size).toBeGreaterThan(0);
    expect(calls.map((call) => call.url)).toEqual([
      'https://calais.example.org/.netlify/functions/deliver-background',
    ]);
    expect(calls[0]?.headers.get('x-internal-proof')).toMatch(/^\d+\./);
  });

  it('answers a JSON observer sign-up with 201, its id and the English thank-you page', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const response = await handleApplication('observer', jsonPost(observerJson()), ctx);
    await ctx.settle();

    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; next: string };
    expect(body.next).toBe('/en/join-us/thank-you/');
    const stored = await deps.store.find(body.id);
    expect(stored?.kind).toBe('observer');
    expect(stored?.consent.charterVersion).toBe('2026-11-22');
    expect(deps.mailer.to('sam.taylor@example.org')[0]?.subject).toBe(
      'Your Speak Out observer request',
    );
  });

  it('sends a stranger none of the words an attacker typed with their address', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();
    const lure = 'Your donation failed, update your card at https://evil.example/pay';

    const response = await handleApplication(
      'observer',
      jsonPost(
        observerJson({
          name: 'Billing Department',
          email: 'stranger@example.net',
          organisation: lure,
          project: `${lure} — this is urgent, act within 24 hours.`,
        }),
      ),
      ctx,
    );
    await ctx.settle();

    expect(response.status).toBe(201);
    const [email] = deps.mailer.to('stranger@example.net');
    expect(email).toBeDefined();
    expect(`${email?.subject} ${email?.text} ${email?.html}`).not.toMatch(
      /evil\.example|donation|Billing Department|urgent/,
    );
  });

  it('makes the application durable before answering, even while the store does not answer', async () => {
    const deps = testDeps();
    installServices(deps);
    deps.store.saveAll = () => new Promise<void>(() => undefined);

    const response = await handleApplication('volunteer', formPost(volunteerForm()), {
      waitUntil: () => undefined,
    });

    expect(response.status).toBe(303);
    expect(deps.queue.items.size).toBe(1);
    expect(deps.store.writes).toHaveLength(0);
  });

  it('refuses a body that is neither a form nor JSON with 415, storing nothing', async () => {
    const deps = testDeps();
    installServices(deps);

    const response = await handleApplication(
      'volunteer',
      post('/api/volunteers', 'hello', 'text/plain'),
      requestContext(),
    );

    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(deps.queue.items.size).toBe(0);
  });

  it('refuses a body over the size limit with 413, storing nothing', async () => {
    const deps = testDeps();
    installServices(deps);
    const huge = volunteerForm({ motivation: 'x'.repeat(maxBodyBytes + 1) });

    const response = await handleApplication('volunteer', formPost(huge), requestContext());

    expect(response.status).toBe(413);
    expect(deps.queue.items.size).toBe(0);
  });

  it('refuses a body over the size limit even without a Content-Length header', async () => {
    const deps = testDeps();
    installServices(deps);
    const stream = new Blob(['{"a":"', 'x'.repeat(maxBodyBytes), '"}']).stream();
    const request = new Request('https://calais.example.org/api/observers', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);

    const response = await handleApplication('observer', request, requestContext());

    expect(response.status).toBe(413);
  });

  it('lists each faulty field with a French message for a French JSON sign-up, storing nothing', async () => {
    const deps = testDeps();
    installServices(deps);

    const response = await handleApplication(
      'observer',
      jsonPost(observerJson({ locale: 'fr', email: 'not-an-email', charter: false })),
      requestContext(),
    );

    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['charter', 'email']);
    expect(body.errors['email']).toMatch(/adresse e-mail valide/);
    expect(body.errors['charter']).toMatch(/charte/);
    expect(deps.queue.items.size).toBe(0);
  });

  it('lists each faulty field with an English message for an English sign-up', async () => {
    const deps = testDeps();
    installServices(deps);

    const response = await handleApplication(
      'observer',
      jsonPost(observerJson({ dateFrom: visitTo, dateTo: visitFrom, formats: [] })),
      requestContext(),
    );

    const body = (await response.json()) as { errors: Record<string, string> };
    expect(body.errors).toEqual({
      formats: 'Tick at least one format.',
      dateTo: 'Enter a valid end date, on or after the start date.',
    });
  });

  it('answers a plain form post with faulty fields by a 422 page naming them, with a way back', async () => {
    const deps = testDeps();
    installServices(deps);
    const request = post(
      '/api/volunteers',
      formBody(volunteerForm({ email: '', availability: [] })),
      'application/x-www-form-urlencoded',
      { referer: 'https://calais.example.org/nous-rejoindre/benevole/' },
    );

    const response = await handleApplication('volunteer', request, requestContext());

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('Adresse e-mail');
    expect(page).toContain('Cochez au moins un moment où vous êtes disponible.');
    expect(page).toContain('href="/nous-rejoindre/benevole/"');
    expect(deps.queue.items.size).toBe(0);
  });

  it('answers a plain form post that fails on our side with a page in its language, not JSON', async () => {
    const deps = testDeps();
    installServices(deps);
    deps.queue.put = () => Promise.reject(new TemporaryError('blobs_unavailable', 10_000));
    const fields: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(observerJson())) {
      fields[k] = v === true ? 'yes' : (v as string | string[]);
    }
    const request = post('/api/observers', formBody(fields), 'application/x-www-form-urlencoded', {
      referer: 'https://calais.example.org/en/join-us/observer/',
    });

    const response = await handleApplication('observer', request, requestContext());

    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(await response.text()).toContain('Your application could not be recorded');
  });

  it('ignores fields it does not know', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const response = await handleApplication(
      'observer',
      jsonPost(observerJson({ isAdmin: true, nationality: 'x' })),
      ctx,
    );
    await ctx.settle();

    expect(response.status).toBe(201);
    const [record] = deps.store.writes;
    expect(JSON.stringify(record)).not.toMatch(/isAdmin|nationality/);
  });

  it('keeps a sign-up with the honeypot filled apart, sends no email, and still thanks the sender', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const response = await handleApplication(
      'volunteer',
      formPost(volunteerForm({ website: 'http://spam.example' })),
      ctx,
    );
    await ctx.settle();

    expect(response.status).toBe(303);
    expect(deps.store.writes[0]?.status).toBe('suspected-spam');
    expect(deps.mailer.delivered.size).toBe(0);
  });

  it('keeps a sign-up sent within seconds of showing the form apart', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    await handleApplication(
      'observer',
      jsonPost(observerJson({ startedAt: deps.clock.now() - 1_000 })),
      ctx,
    );
    await ctx.settle();

    expect(deps.store.writes[0]?.status).toBe('suspected-spam');
    expect(deps.mailer.delivered.size).toBe(0);
  });

  it('never writes the applicant’s name, email or texts to the logs', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();
    deps.mailer.fault = () => new Error('boom camille.martin@example.org');

    await handleApplication('volunteer', formPost(volunteerForm()), ctx);
    await handleApplication(
      'volunteer',
      formPost(volunteerForm({ email: 'camille.martin@' })),
      ctx,
    );
    await ctx.settle();

    const logs = deps.logLines.join('\n');
    expect(deps.logLines.length).toBeGreaterThan(2);
    expect(logs).not.toMatch(/camille|martin|Infirmière|example\.org/i);
  });
});

describe('a retried JSON sign-up (same submission id)', () => {
  const submissionId = '3f2b8c1e-7d4a-4c9e-9b1a-2e5f6a7b8c9d';
  const send = async (data: unknown, ctx = requestContext()) => {
    const response = await handleApplication('observer', jsonPost(data), ctx);
    return { status: response.status, body: (await response.json()) as { id: string } };
  };

  it('answers a replay after delivery with the same id, storing and mailing nothing more', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();
    const first = await send(observerJson({ submissionId }), ctx);
    await ctx.settle();

    const again = await send(observerJson({ submissionId }), ctx);
    await ctx.settle();

    expect(again).toEqual(first);
    expect(first.status).toBe(201);
    expect(deps.store.writes).toHaveLength(1);
    expect(deps.store.writes[0]?.fields).not.toHaveProperty('submissionId');
    expect(deps.mailer.calls).toBe(1);
    expect(deps.mailer.to('sam.taylor@example.org')).toHaveLength(1);
    expect(deps.queue.items.size).toBe(0);
  });

  it('answers a replay while the first is still queued with the same id, queueing nothing more', async () => {
    const deps = testDeps();
    installServices(deps);
    deps.store.saveAll = () => new Promise<void>(() => undefined);
    const first = await send(observerJson({ submissionId }));

    const again = await send(observerJson({ submissionId: submissionId.toUpperCase() }));

    expect(again).toEqual(first);
    expect(deps.queue.items.size).toBe(1);
  });

  it('makes one application and one email of two identical posts sent at the same time', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const answers = await Promise.all([
      send(observerJson({ submissionId }), ctx),
      send(observerJson({ submissionId }), ctx),
    ]);
    await ctx.settle();

    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[1].body.id).toBe(answers[0].body.id);
    expect(deps.store.writes).toHaveLength(1);
    expect(deps.store.calls).toBe(1);
    expect(deps.mailer.calls).toBe(1);
    expect(deps.queue.items.size).toBe(0);
  });

  it('makes two applications of two posts with different submission ids', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const first = await send(observerJson({ submissionId }), ctx);
    const second = await send(
      observerJson({ submissionId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }),
      ctx,
    );
    await ctx.settle();

    expect(second.body.id).not.toBe(first.body.id);
    expect(deps.store.writes).toHaveLength(2);
    expect(deps.mailer.to('sam.taylor@example.org')).toHaveLength(2);
  });

  it('derives an id that does not show the submission id it came from', async () => {
    const deps = testDeps();
    installServices(deps);

    const { body } = await send(observerJson({ submissionId }));

    expect(body.id).toMatch(/^app_[\w-]{32}$/);
    expect(body.id).not.toContain(submissionId.slice(0, 8));
  });

  it('refuses a malformed submission id with 422 naming that field, queueing nothing', async () => {
    const deps = testDeps();
    installServices(deps);

    const response = await handleApplication(
      'observer',
      jsonPost(observerJson({ submissionId: 'app_test-0001' })),
      requestContext(),
    );

    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors)).toEqual(['submissionId']);
    expect(deps.queue.items.size).toBe(0);
  });

  it('still accepts a sign-up when the store cannot tell whether a replay was stored', async () => {
    const deps = testDeps();
    installServices(deps);
    deps.store.find = () => Promise.reject(new TemporaryError('airtable_503'));
    const ctx = requestContext();

    const { status } = await send(observerJson({ submissionId }), ctx);
    await ctx.settle();

    expect(status).toBe(201);
    expect(deps.mailer.to('sam.taylor@example.org')).toHaveLength(1);
  });
});
