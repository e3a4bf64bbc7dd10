// "Deployed on Netlify" is one explicit fact (SITE_ID, config.ts); once it holds,
// no local adapter can exist and the local outbox is not served.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, isDeployedOnNetlify, loadConfig } from '../../../src/server/config.ts';
import { OutboxMailer } from '../../../src/server/adapters/outbox-mailer.ts';
import { handleOutbox } from '../../../src/server/handlers/outbox.ts';
import { createServices, setServices } from '../../../src/server/services.ts';
import { testDeps } from '../../support-server/deps.ts';
import { installServices } from '../../support-server/services.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deployed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  setServices(undefined);
});

const siteId = '1d01c0c0-4554-4747-93b8-34ce3448ab95';
const production = {
  SITE_ID: siteId,
  AIRTABLE_API_KEY: 'patXXXXXXXXXXXXXX.secret',
  AIRTABLE_BASE_ID: 'appABCDEFGHIJKLMN',
  RESEND_API_KEY: 're_1234567890',
  MAIL_FROM: 'MdM Calais <calais@example.org>',
  SIGNING_SECRET: 's'.repeat(32),
  COORDINATOR_EMAIL: 'coordination@example.org',
};

const variablesOf = (run: () => unknown) => {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.variable);
  }
};

describe('the fact "deployed on Netlify"', () => {
  it("holds exactly when Netlify's read-only SITE_ID is set, not on an AWS variable", () => {
    expect(isDeployedOnNetlify({ SITE_ID: siteId })).toBe(true);
    expect(isDeployedOnNetlify({})).toBe(false);
    expect(isDeployedOnNetlify({ SITE_ID: '' })).toBe(false);
    expect(isDeployedOnNetlify({ AWS_LAMBDA_FUNCTION_NAME: 'volunteers' })).toBe(false);
  });

  it('selects Airtable, Resend and Netlify Blobs once deployed with every variable', () => {
    const config = loadConfig({ LOCAL_DATA_DIR: dir, ...production });

    expect(config.deployed).toBe(true);
    expect([config.store.kind, config.mailer.kind, config.queue.kind]).toEqual([
      'airtable',
      'resend',
      'blobs',
    ]);
  });

  it('cannot select the file queue once deployed', () => {
    expect(
      variablesOf(() => loadConfig({ LOCAL_DATA_DIR: dir, ...production, QUEUE_BACKEND: 'files' })),
    ).toEqual(['QUEUE_BACKEND']);
  });

  it('cannot build the local store, outbox or file queue once deployed, whatever the configuration says', () => {
    const local = { ...loadConfig({ LOCAL_DATA_DIR: dir }), deployed: true };

    expect(variablesOf(() => createServices(local))).toEqual([
      'AIRTABLE_API_KEY',
      'RESEND_API_KEY',
      'QUEUE_BACKEND',
    ]);
  });
});

describe('GET /api/outbox once deployed', () => {
  it('answers 404 even if an outbox were there', async () => {
    const services = installServices(testDeps(), new OutboxMailer({ dir: join(dir, 'outbox') }));
    services.config = { ...services.config, deployed: true };

    const response = await handleOutbox(
      new Request('https://calais.example.org/api/outbox'),
      undefined,
    );

    expect(response.status).toBe(404);
  });

  it('lists the emails on this machine when not deployed', async () => {
    installServices(testDeps(), new OutboxMailer({ dir: join(dir, 'outbox') }));

    const response = await handleOutbox(new Request('http://localhost:8888/api/outbox'), undefined);

    expect(response.status).toBe(200);
  });
});
