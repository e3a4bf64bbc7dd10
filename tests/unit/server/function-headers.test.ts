// Every function response, of every kind (success, redirect, 4xx, 5xx), carries
// the security headers (src/server/security-headers.ts). Netlify applies
// public/_headers to static files only, so nothing else would set them.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutboxMailer } from '../../../src/server/adapters/outbox-mailer.ts';
import { internalCallHeaders } from '../../../src/server/internal-call.ts';
import { renderPage } from '../../../src/server/pages/layout.ts';
import { html } from '../../../src/server/markup.ts';
import {
  contentSecurityPolicies,
  withSecurityHeaders,
} from '../../../src/server/security-headers.ts';
import { setServices } from '../../../src/server/services.ts';
import { signErasureToken } from '../../../src/server/tokens.ts';
import { emailMessage } from '../../contract/builders.ts';
import { registrationDeps, sessionData } from '../../registrations/builders.ts';
import { formBody, volunteerForm } from '../../support-server/forms.ts';
import { entryPoint, netlifyContext } from '../../support-server/functions.ts';
import { installServices } from '../../support-server/services.ts';

const site = 'https://calais.example.org';
const slug = sessionData().slug;
const secret = 'test-secret-test-secret-test-secret-0123';
const clockNow = Date.parse('2026-12-01T09:00:00Z');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'function-headers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  setServices(undefined);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Working services: one session, an outbox with one email. */
async function working() {
  const { base, deps } = registrationDeps([sessionData()]);
  const outbox = new OutboxMailer({ dir: join(dir, 'outbox') });
  const { id } = await outbox.send(emailMessage(), { idempotencyKey: 'headers-test' });
  installServices(base, outbox, deps);
  return { emailId: id };
}

/** Services that cannot be built: every function fails on its configuration. */
function broken() {
  setServices(undefined);
  vi.stubEnv('LOCAL_DATA_DIR', dir);
  vi.stubEnv('RESEND_API_KEY', 're_1234567890');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}

const erasureToken = () =>
  signErasureToken(
    { id: 'app_test-0001', locale: 'fr', expiresAt: new Date(clockNow + 86_400_000) },
    secret,
  );
const formPost = (path: string, body: URLSearchParams, headers: Record<string, string> = {}) =>
  new Request(`${site}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const jsonPost = (path: string, body: unknown) =>
  new Request(`${site}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const registration = new URLSearchParams({
  locale: 'fr',
  name: 'Camille Martin',
  email: 'camille@example.org',
  consent: 'on',
  privacyVersion: '2026-11-22',
  startedAt: '0',
});
const signed = (name: string) =>
  new Request(`${site}/.netlify/functions/${name}`, {
    method: 'POST',
    headers: internalCallHeaders(name, secret, clockNow),
  });
const unsigned = (name: string) =>
  new Request(`${site}/.netlify/functions/${name}`, { method: 'POST' });

interface Case {
  /** What the case shows, e.g. "303 after a form post". */
  kind: string;
  services: 'working' | 'broken';
  request: (ctx: { emailId: string }) => Request;
  params?: (ctx: { emailId: string }) => Record<string, string>;
  status: number;
}

/** Every function, each with the kinds of answer it gives. */
const cases: Record<string, Case[]> = {
  volunteers: [
    {
      kind: 'redirect after a form post',
      services: 'working',
      request: () => formPost('/api/volunteers', formBody(volunteerForm())),
      status: 303,
    },
    {
      kind: 'fields to fix',
      services: 'working',
      request: () => formPost('/api/volunteers', formBody(volunteerForm({ email: 'x' }))),
      status: 422,
    },
    {
      kind: 'cross-site refusal',
      services: 'working',
      request: () =>
        formPost('/api/volunteers', formBody(volunteerForm()), { origin: 'https://evil.example' }),
      status: 403,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => formPost('/api/volunteers', formBody(volunteerForm())),
      status: 500,
    },
  ],
  observers: [
    {
      kind: 'unsupported body',
      services: 'working',
      request: () =>
        new Request(`${site}/api/observers`, {
          method: 'POST',
          body: 'x',
          headers: { 'content-type': 'text/plain' },
        }),
      status: 415,
    },
    {
      kind: 'problem+json',
      services: 'working',
      request: () => jsonPost('/api/observers', {}),
      status: 422,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => jsonPost('/api/observers', {}),
      status: 500,
    },
  ],
  erasure: [
    {
      kind: 'confirmation page',
      services: 'working',
      request: () => new Request(`${site}/api/erasure?token=${erasureToken()}`),
      status: 200,
    },
    {
      kind: 'erasure done',
      services: 'working',
      request: () => formPost('/api/erasure', new URLSearchParams({ token: erasureToken() })),
      status: 200,
    },
    {
      kind: 'invalid link',
      services: 'working',
      request: () => new Request(`${site}/api/erasure?token=nope`),
      status: 400,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => new Request(`${site}/api/erasure?token=nope`),
      status: 500,
    },
  ],
  'registration-cancel': [
    {
      kind: 'invalid link',
      services: 'working',
      request: () => new Request(`${site}/api/registrations/cancel?token=nope`),
      status: 400,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => new Request(`${site}/api/registrations/cancel?token=nope`),
      status: 500,
    },
  ],
  'registration-verify': [
    {
      kind: 'invalid link',
      services: 'working',
      request: () => new Request(`${site}/api/registrations/verify?token=nope`),
      status: 400,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => new Request(`${site}/api/registrations/verify?token=nope`),
      status: 500,
    },
  ],
  'session-registrations': [
    {
      kind: 'registered',
      services: 'working',
      request: () => formPost(`/api/sessions/${slug}/registrations`, registration),
      params: () => ({ slug }),
      status: 303,
    },
    {
      kind: 'no such session',
      services: 'working',
      request: () => formPost('/api/sessions/none/registrations', registration),
      params: () => ({ slug: 'none' }),
      status: 404,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => formPost(`/api/sessions/${slug}/registrations`, registration),
      params: () => ({ slug }),
      status: 500,
    },
  ],
  'session-seats': [
    {
      kind: 'seat count',
      services: 'working',
      request: () => new Request(`${site}/api/sessions/${slug}/seats`),
      params: () => ({ slug }),
      status: 200,
    },
    {
      kind: 'no such session',
      services: 'working',
      request: () => new Request(`${site}/api/sessions/none/seats`),
      params: () => ({ slug: 'none' }),
      status: 404,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => new Request(`${site}/api/sessions/${slug}/seats`),
      params: () => ({ slug }),
      status: 500,
    },
  ],
  health: [
    {
      kind: 'adapters',
      services: 'working',
      request: () => new Request(`${site}/api/health`),
      status: 200,
    },
    {
      kind: 'variables to fix',
      services: 'broken',
      request: () => new Request(`${site}/api/health`),
      status: 503,
    },
  ],
  outbox: [
    {
      kind: 'list',
      services: 'working',
      request: () => new Request(`${site}/api/outbox`),
      status: 200,
    },
    {
      kind: 'one email',
      services: 'working',
      request: ({ emailId }) => new Request(`${site}/api/outbox/${emailId}`),
      params: ({ emailId }) => ({ id: emailId }),
      status: 200,
    },
    {
      kind: 'one email as text',
      services: 'working',
      request: ({ emailId }) => new Request(`${site}/api/outbox/${emailId}?format=text`),
      params: ({ emailId }) => ({ id: emailId }),
      status: 200,
    },
    {
      kind: 'no such email',
      services: 'working',
      request: () => new Request(`${site}/api/outbox/out_000000000000000000000000`),
      params: () => ({ id: 'out_000000000000000000000000' }),
      status: 404,
    },
    {
      kind: 'misconfigured server',
      services: 'broken',
      request: () => new Request(`${site}/api/outbox`),
      status: 500,
    },
  ],
  ...Object.fromEntries(
    ['deliver-background', 'drain-pending', 'session-notices', 'rebuild-site', 'purge-expired'].map(
      (name) => [
        name,
        [
          { kind: 'run', services: 'working', request: () => signed(name), status: 204 },
          { kind: 'refused', services: 'working', request: () => unsigned(name), status: 403 },
          {
            kind: 'misconfigured server',
            services: 'broken',
            request: () => signed(name),
            status: 500,
          },
        ] satisfies Case[],
      ],
    ),
  ),
};

const functionNames = async () =>
  (await readdir('netlify/functions')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

describe('the security headers of the functions', () => {
  it('are checked for every function in netlify/functions/', async () => {
    expect(Object.keys(cases).sort()).toEqual((await functionNames()).sort());
  });

  for (const [name, list] of Object.entries(cases)) {
    for (const c of list) {
      it(`are on ${name}'s ${c.status} (${c.kind})`, async () => {
        let emailId = '';
        if (c.services === 'working') ({ emailId } = await working());
        else broken();
        const { context, settle } = netlifyContext(c.params?.({ emailId }) ?? {});

        const response = await (await entryPoint(name))(c.request({ emailId }), context);
        await settle();

        expect(response?.status).toBe(c.status);
        const headers = response?.headers ?? new Headers();
        const csp = headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(headers.get('referrer-policy')).toBe('no-referrer');
        expect(headers.get('x-content-type-options')).toBe('nosniff');
        expect(headers.get('x-frame-options')).toBe('DENY');
        const isHtml = (headers.get('content-type') ?? '').startsWith('text/html');
        if (isHtml) {
          expect(csp).toContain("base-uri 'none'");
          expect(csp).toMatch(/style-src ('sha256-[\w+/=]+'|'unsafe-inline')/);
        }
        const cacheable = name === 'session-seats' && c.status === 200;
        expect(headers.get('cache-control')).toBe(cacheable ? 'public, max-age=10' : 'no-store');
      });
    }
  }
});

describe('the policy of the pages the functions render', () => {
  it('allows exactly their one inline style, nothing else', () => {
    const page = renderPage({ locale: 'fr', title: 'Essai', body: html`<p>Bonjour</p>` });
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');

    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(contentSecurityPolicies.page).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
  });
});

describe('a response whose headers cannot be changed', () => {
  it('gets the security headers on a copy with the same status, headers and body', async () => {
    // Response.redirect's headers are immutable, like those of a response from fetch.
    const frozen = Response.redirect(`${site}/merci/`, 303);

    const answer = withSecurityHeaders(frozen);

    expect(answer).not.toBe(frozen);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${site}/merci/`);
    expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicies.data);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.text()).toBe('');
  });
});
