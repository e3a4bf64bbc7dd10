// The hand-off of a backlog from a request's drainer to deliver-background, over
// real HTTP: the request's run signs its call with SIGNING_SECRET, a local
// server answers 202 as Netlify does for a background function and runs the
// real function, which checks the signature and delivers the rest. A stranger's
// call to the same address starts nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import deliverBackground from '../../../netlify/functions/deliver-background.ts';
import { fromFormEntries } from '../../../src/schemas/forms/form-data.ts';
import { validateForm } from '../../../src/schemas/forms/validate.ts';
import { acceptApplication } from '../../../src/server/applications/submit.ts';
import { handleApplication } from '../../../src/server/handlers/applications.ts';
import { setServices } from '../../../src/server/services.ts';
import { testDeps, type TestDeps } from '../../support-server/deps.ts';
import { formBody, volunteerForm } from '../../support-server/forms.ts';
import { installServices, requestContext } from '../../support-server/services.ts';

const backgroundPath = '/.netlify/functions/deliver-background';

/** A site at a local address whose background function runs after its 202, as on Netlify. */
async function localSite(onCall: () => void = () => undefined) {
  const runs: Promise<Response>[] = [];
  const answered: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== backgroundPath) {
        res.writeHead(404).end();
        return;
      }
      onCall();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value);
      const url = `http://${req.headers.host ?? 'localhost'}${req.url}`;
      runs.push(
        deliverBackground(
          new Request(url, { method: 'POST', headers, body: Buffer.concat(chunks) }),
        ).then((response) => {
          answered.push(response.status);
          return response;
        }),
      );
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    runs,
    /** The statuses the background function itself gave (Netlify discards them). */
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

function volunteer(n: number) {
  const result = validateForm(
    'volunteer',
    fromFormEntries(formBody(volunteerForm({ email: `backlog${String(n)}@example.org` }))),
    'fr',
  );
  if (!result.ok) throw new Error('invalid test application');
  return result.data;
}

/** Deployed services over in-memory ports, whose store takes 5 s (fake time) a request. */
async function deployedWithBacklog(siteUrl: string, backlog: number): Promise<TestDeps> {
  const deps = testDeps();
  const services = installServices(deps);
  Object.assign(services.config, { deployed: true, siteUrl });
  await Promise.all(
    Array.from({ length: backlog }, (_, n) =>
      acceptApplication(deps, 'volunteer', volunteer(n), { suspect: false }),
    ),
  );
  const save = deps.store.saveAll.bind(deps.store);
  deps.store.saveAll = async (records) => {
    await deps.clock.sleep(5_000);
    return save(records);
  };
  return deps;
}

let site: Awaited<ReturnType<typeof localSite>> | undefined;

afterEach(async () => {
  setServices(undefined);
  await site?.close();
  site = undefined;
});

describe('hand-off to the background function over HTTP', () => {
  it('lets deliver-background finish, exactly once, a backlog the request could not', async () => {
    /** The records the request's own run had stored when it handed off. */
    const atHandOff: { deps?: TestDeps; stored?: number | undefined } = {};
    site = await localSite(() => {
      atHandOff.stored ??= atHandOff.deps?.store.writes.length;
    });
    const deps = await deployedWithBacklog(site.url, 40);
    atHandOff.deps = deps;
    const ctx = requestContext();
    const form = new Request(`${site.url}/api/volunteers`, {
      method: 'POST',
      body: formBody(volunteerForm({ email: 'last@example.org' })),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    const answer = await handleApplication('volunteer', form, ctx);
    await ctx.settle();
    await Promise.all(site.runs);

    expect(answer.status).toBe(303);
    // The request's 8 s (5 s a store call) stored one or two batches, then handed off.
    expect(atHandOff.stored).toBeGreaterThan(0);
    expect(atHandOff.stored).toBeLessThan(41);
    expect(site.runs).toHaveLength(1);
    expect(site.answered).toEqual([204]);
    expect(deps.queue.items.size).toBe(0);
    expect(deps.store.writes).toHaveLength(41);
    expect(new Set(deps.store.writes.map((record) => record.id)).size).toBe(41);
    expect(deps.mailer.to('last@example.org')).toHaveLength(1);
    for (let n = 0; n < 40; n += 1)
      expect(deps.mailer.to(`backlog${String(n)}@example.org`)).toHaveLength(1);
    expect(deps.logLines.some((line) => line.includes('"drain_handed_off"'))).toBe(true);
  });

  it('starts nothing for a stranger who posts to the background function', async () => {
    site = await localSite();
    const deps = await deployedWithBacklog(site.url, 3);

    const response = await fetch(`${site.url}${backgroundPath}`, { method: 'POST' });
    await Promise.all(site.runs);

    expect(response.status).toBe(202);
    expect(site.answered).toEqual([403]);
    expect(deps.store.writes).toHaveLength(0);
    expect(deps.queue.items.size).toBe(3);
  });
});
