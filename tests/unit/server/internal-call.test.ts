// Background and scheduled work starts only when the platform or we start it
// (src/server/internal-call.ts), never for a stranger's POST.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkInternalCall,
  internalCallHeaders,
  internalProofHeader,
  signInternalCall,
} from '../../../src/server/internal-call.ts';
import { setServices } from '../../../src/server/services.ts';
import { pendingDelivery, volunteerRecord } from '../../contract/builders.ts';
import { testDeps } from '../../support-server/deps.ts';
import { entryPoint, netlifyContext } from '../../support-server/functions.ts';
import { installServices } from '../../support-server/services.ts';

afterEach(() => {
  setServices(undefined);
});

/** Services with one application waiting in the queue, so that a run shows. */
async function withPendingApplication(deployed = false) {
  const deps = testDeps();
  const services = installServices(deps);
  services.config = { ...services.config, deployed };
  await deps.queue.put(pendingDelivery(volunteerRecord()));
  return deps;
}

const functionUrl = (name: string) => `https://calais.example.org/.netlify/functions/${name}`;

async function start(name: string, init: RequestInit = {}) {
  const { context } = netlifyContext();
  const response = await (
    await entryPoint(name)
  )(new Request(functionUrl(name), { method: 'POST', ...init }), context);
  if (response === undefined) throw new Error(`${name} answered nothing`);
  return response;
}

describe('POST /.netlify/functions/deliver-background', () => {
  it('starts nothing for a stranger', async () => {
    const deps = await withPendingApplication();

    const response = await start('deliver-background');

    expect(response.status).toBe(403);
    expect(deps.queue.items.size).toBe(1);
    expect(deps.store.writes).toHaveLength(0);
  });

  it('starts the long drain for a request signed with our key', async () => {
    const deps = await withPendingApplication();

    const response = await start('deliver-background', {
      headers: internalCallHeaders('deliver-background', deps.signingSecret, deps.clock.now()),
    });

    expect(response.status).toBe(204);
    expect(deps.queue.items.size).toBe(0);
    expect(deps.store.writes).toHaveLength(1);
  });

  it('starts nothing with a proof made for another function, too old, or with another key', async () => {
    const deps = await withPendingApplication();
    const now = deps.clock.now();
    const proofs = [
      signInternalCall('drain-pending', deps.signingSecret, now),
      signInternalCall('deliver-background', deps.signingSecret, now - 10 * 60_000),
      signInternalCall('deliver-background', 'another-key-another-key-another-key!', now),
      'not a proof',
    ];

    const statuses = [];
    for (const proof of proofs) {
      statuses.push(
        (await start('deliver-background', { headers: { [internalProofHeader]: proof } })).status,
      );
    }

    expect(statuses).toEqual([403, 403, 403, 403]);
    expect(deps.store.writes).toHaveLength(0);
  });

  it('starts nothing deployed either, even with the scheduler’s body: only a scheduled function is the platform’s to start', async () => {
    const deps = await withPendingApplication(true);

    const response = await start('deliver-background', {
      body: JSON.stringify({ next_run: '2026-12-01T09:01:00.000Z' }),
    });

    expect(response.status).toBe(403);
    expect(deps.store.writes).toHaveLength(0);
  });
});

describe('the scheduled functions', () => {
  const schedulerBody = JSON.stringify({ next_run: '2026-12-01T09:01:00.000Z' });

  it('run when deployed Netlify’s scheduler invokes them', async () => {
    const deps = await withPendingApplication(true);

    const response = await start('drain-pending', {
      body: schedulerBody,
      headers: { 'user-agent': 'Netlify Clockwork', 'x-nf-event': 'schedule' },
    });

    expect(response.status).toBe(204);
    expect(deps.store.writes).toHaveLength(1);
  });

  it('do not run for a plain POST, deployed or not', async () => {
    const deps = await withPendingApplication(true);

    const response = await start('drain-pending');

    expect(response.status).toBe(403);
    expect(deps.store.writes).toHaveLength(0);
  });

  it('do not run under the CLI for a request it dressed as the scheduler’s, without our proof', async () => {
    const deps = await withPendingApplication(false);

    const statuses = [];
    for (const name of ['drain-pending', 'session-notices', 'rebuild-site']) {
      statuses.push(
        (await start(name, { body: schedulerBody, headers: { 'x-nf-event': 'schedule' } })).status,
      );
    }

    expect(statuses).toEqual([403, 403, 403]);
    expect(deps.store.writes).toHaveLength(0);
  });

  it('run under the CLI for a request signed with our key', async () => {
    const deps = await withPendingApplication(false);

    const response = await start('drain-pending', {
      headers: internalCallHeaders('drain-pending', deps.signingSecret, deps.clock.now()),
    });

    expect(response.status).toBe(204);
    expect(deps.store.writes).toHaveLength(1);
  });
});

describe('checkInternalCall', () => {
  const secret = 's'.repeat(32);
  const now = Date.parse('2026-12-01T09:00:00Z');
  const check = (headers: Record<string, string>, at = now) =>
    checkInternalCall(new Request(functionUrl('drain-pending'), { method: 'POST', headers }), {
      name: 'drain-pending',
      kind: 'scheduled',
      secret,
      deployed: false,
      now: at,
    });

  it('accepts a proof for five minutes either side of its time, and no longer', async () => {
    const headers = internalCallHeaders('drain-pending', secret, now);

    expect(await check(headers, now + 299_000)).toEqual({ ok: true, by: 'proof' });
    expect(await check(headers, now - 299_000)).toEqual({ ok: true, by: 'proof' });
    expect(await check(headers, now + 301_000)).toEqual({ ok: false, reason: 'expired_proof' });
  });

  it('names what is missing or wrong', async () => {
    expect(await check({})).toEqual({ ok: false, reason: 'no_proof' });
    expect(await check({ [internalProofHeader]: '123.abc' })).toEqual({
      ok: false,
      reason: 'bad_proof',
    });
  });
});
