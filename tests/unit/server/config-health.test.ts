import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config.ts';
import { handleApplication } from '../../../src/server/handlers/applications.ts';
import { handleHealth } from '../../../src/server/handlers/health.ts';
import { setServices } from '../../../src/server/services.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ LOCAL_DATA_DIR: dir, ...env });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.variable);
  }
};

describe('configuration', () => {
  it('runs everything locally when nothing is set, with a signing secret made once and kept', async () => {
    const first = loadConfig({ LOCAL_DATA_DIR: dir });
    const second = loadConfig({ LOCAL_DATA_DIR: dir });

    expect(first.store.kind).toBe('local');
    expect(first.mailer.kind).toBe('outbox');
    expect(first.queue.kind).toBe('files');
    expect(first.signingSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.signingSecret).toBe(first.signingSecret);
    expect((await readFile(join(dir, 'signing-secret'), 'utf8')).trim()).toBe(first.signingSecret);
  });

  it('picks Airtable and Resend when their variables are set', () => {
    const config = loadConfig({
      AIRTABLE_API_KEY: 'patXXXXXXXXXXXXXX.secret',
      AIRTABLE_BASE_ID: 'appABCDEFGHIJKLMN',
      RESEND_API_KEY: 're_1234567890',
      MAIL_FROM: 'MdM Calais <calais@example.org>',
      SIGNING_SECRET: 's'.repeat(32),
      COORDINATOR_EMAIL: 'coordination@example.org',
    });

    expect(config.store.kind).toBe('airtable');
    expect(config.mailer.kind).toBe('resend');
  });

  it('names the missing partner of a half-set Airtable or Resend configuration', () => {
    expect(problemsOf({ AIRTABLE_API_KEY: 'patXXXXXXXXXXXXXX.secret' })).toEqual(
      expect.arrayContaining(['AIRTABLE_BASE_ID', 'SIGNING_SECRET']),
    );
    expect(problemsOf({ RESEND_API_KEY: 're_1234567890' })).toContain('MAIL_FROM');
  });

  it('reads every value as the build does: trimmed, an API address without its trailing slash', () => {
    const config = loadConfig({
      LOCAL_DATA_DIR: dir,
      SITE_URL: ' https://example.org/ ',
      AIRTABLE_API_KEY: 'patXXXXXXXXXXXXXX.secret\n',
      AIRTABLE_BASE_ID: 'appAAAAAAAAAAAAAA',
      AIRTABLE_ENDPOINT_URL: 'http://127.0.0.1:8861/',
      SIGNING_SECRET: 'x'.repeat(32),
      COORDINATOR_EMAIL: 'coordination@example.org',
    });

    expect(config.siteUrl).toBe('https://example.org');
    expect(config.store).toMatchObject({
      kind: 'airtable',
      apiKey: 'patXXXXXXXXXXXXXX.secret',
      endpointUrl: 'http://127.0.0.1:8861',
    });
  });

  it('names a variable with a wrong value', () => {
    expect(problemsOf({ SIGNING_SECRET: 'short' })).toEqual(['SIGNING_SECRET']);
    expect(problemsOf({ SITE_URL: 'example.org' })).toEqual(['SITE_URL']);
    expect(problemsOf({ QUEUE_BACKEND: 'redis' })).toEqual(['QUEUE_BACKEND']);
  });

  it('refuses to fall back to local adapters once deployed on Netlify', () => {
    const problems = problemsOf({ SITE_ID: '1d01c0c0-4554-4747-93b8-34ce3448ab95' });

    expect(problems).toEqual(
      expect.arrayContaining([
        'AIRTABLE_API_KEY',
        'AIRTABLE_BASE_ID',
        'RESEND_API_KEY',
        'MAIL_FROM',
        'SIGNING_SECRET',
      ]),
    );
  });

  it('falls back to local adapters under the Netlify CLI, which sets AWS and CLI variables but no SITE_ID', () => {
    const underServe = {
      AWS_LAMBDA_FUNCTION_NAME: 'handler',
      NETLIFY_LOCAL: 'true',
      NETLIFY_DEV: 'true',
    };

    const problems = problemsOf(underServe);

    expect(problems).toEqual([]);
  });
});

describe('GET /api/health', () => {
  it('names the adapters in use', async () => {
    const response = await handleHealth({ LOCAL_DATA_DIR: dir });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      adapters: { store: 'local', mailer: 'outbox', queue: 'local', ledger: 'sqlite' },
    });
  });

  it('lists the sessions whose capacity was lowered below the seats given, by slug and counts', async () => {
    const over = [{ slug: 'induction-calais', capacity: 1, confirmed: 2 }];

    const response = await handleHealth({ LOCAL_DATA_DIR: dir }, () => Promise.resolve(over));
    const failing = await handleHealth({ LOCAL_DATA_DIR: dir }, () =>
      Promise.reject(new Error('ledger unreadable')),
    );

    expect(await response.json()).toMatchObject({ status: 'ok', sessionsOverCapacity: over });
    expect(failing.status).toBe(200);
    expect(await failing.json()).toMatchObject({
      status: 'ok',
      sessionsOverCapacity: null,
      seatsError: 'unexpected_Error',
    });
  });

  it('names a wrong variable without ever showing its value', async () => {
    const response = await handleHealth({
      LOCAL_DATA_DIR: dir,
      RESEND_API_KEY: 're_secret_value_123',
    });

    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('MAIL_FROM');
    expect(text).not.toContain('re_secret_value_123');
  });
});

describe('a sign-up on a misconfigured server', () => {
  it('answers 500 naming the variables to fix, never their values', async () => {
    setServices(undefined);
    vi.stubEnv('LOCAL_DATA_DIR', dir);
    vi.stubEnv('RESEND_API_KEY', 're_secret_value_456');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const request = new Request('https://calais.example.org/api/volunteers', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });

    const response = await handleApplication('volunteer', request, { waitUntil: () => undefined });

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('MAIL_FROM');
    expect(text).not.toContain('re_secret_value_456');
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    setServices(undefined);
  });
});
