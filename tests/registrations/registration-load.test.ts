// Fifty people registering for the same session at the same moment, through
// the real handler and the services the functions build (local SQLite ledger,
// local outbox, the catalog file the build leaves): every one gets a seat or a
// place on the waiting list, nobody a 500, and no HTTP call to our own site.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/server/config.ts';
import { handleRegistration, handleVerify } from '../../src/server/handlers/registrations.ts';
import { createServices, setServices } from '../../src/server/services.ts';
import { writeSessionCatalog } from '../../src/server/sessions.ts';
import { createLogger } from '../../src/server/log.ts';
import { currentPrivacyNoticeVersion } from '../../src/schemas/forms/consent.ts';
import { requestContext } from '../support-server/services.ts';
import { sessionData } from './builders.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdm-registration-load-'));
});

afterEach(() => {
  setServices(undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A session a month from now, whatever the day the test runs. */
function sessionNextMonth(slug: string, capacity: number) {
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return sessionData({ slug, capacity, start: `${start}T09:30` });
}

function services(sessions: unknown[]) {
  const sessionsFile = join(dir, 'sessions.json');
  writeSessionCatalog(sessionsFile, sessions);
  const config: AppConfig = {
    store: { kind: 'local', file: join(dir, 'store.sqlite') },
    mailer: { kind: 'outbox', dir: join(dir, 'outbox'), from: 'test@example.org' },
    queue: { kind: 'files', file: join(dir, 'pending.sqlite') },
    coordinatorEmail: 'coordination@example.org',
    signingSecret: 'test-secret-test-secret-test-secret-0123',
    // Nothing listens there: a registration that fetched the site would fail.
    siteUrl: 'http://127.0.0.1:9',
    dataDir: dir,
    sessionsFile,
    deployed: false,
  };
  const made = createServices(
    config,
    createLogger(() => undefined),
  );
  setServices(made);
  return made;
}

const registration = (slug: string, n: number) =>
  new Request(`http://127.0.0.1:9/api/sessions/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      locale: n % 2 === 0 ? 'fr' : 'en',
      name: `Personne ${n}`,
      email: `person-${n}@example.org`,
      consent: true,
      privacyVersion: currentPrivacyNoticeVersion,
      startedAt: '0',
    }),
  });

describe('fifty simultaneous registrations', () => {
  it('answers every one, and once the 50 addresses are confirmed at once the 16 seats go to 16 people', async () => {
    services([sessionNextMonth('load-test-session', 16)]);
    const context = requestContext();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        handleRegistration(registration('load-test-session', n), context, 'load-test-session'),
      ),
    );
    await context.settle();
    // Each person follows the link of the email asking to confirm the address, all at once.
    const tokens = readdirSync(join(dir, 'outbox'))
      .map((file) => readFileSync(join(dir, 'outbox', file), 'utf8'))
      .flatMap((text) => [...text.matchAll(/registrations\/verify\?token=([\w.%-]+)/g)])
      .map((match) => decodeURIComponent(match[1] ?? ''));
    const confirming = requestContext();
    const confirmations = await Promise.all(
      [...new Set(tokens)].map((token) =>
        handleVerify(
          new Request('http://127.0.0.1:9/api/registrations/verify', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token }),
          }),
          confirming,
        ),
      ),
    );
    await confirming.settle();

    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 201));
    const outcomes = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome),
    );
    expect(new Set(outcomes)).toEqual(new Set(['pending']));
    const landed = confirmations.map((r) => r.headers.get('location'));
    expect(landed).toHaveLength(50);
    expect(landed.filter((l) => /\/(confirmee|confirmed)\/$/.test(l ?? ''))).toHaveLength(16);
    expect(landed.filter((l) => /\/(liste-d-attente|waiting-list)\/$/.test(l ?? ''))).toHaveLength(
      34,
    );
  });

  it('answers a fixed 500, not an empty catalogue, when the build left no sessions file', async () => {
    const made = services([]);
    rmSync(made.config.sessionsFile ?? '');

    const response = await handleRegistration(
      registration('load-test-session', 1),
      requestContext(),
      'load-test-session',
    );

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'sessions_catalog_unreadable' });
  });
});
