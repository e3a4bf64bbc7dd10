// The retention purge over the whole local stack, as `npm start` wires it, in
// a fresh data folder: with a fixed clock, what is older than its period goes
// from every copy (queue, store, seat ledger, outbox, erasure log), what is
// newer stays; a dry run lists the same and deletes nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPurgeReport, parsePurgeArgs } from '../../../scripts/purge.ts';
import { LocalStore } from '../../../src/server/adapters/local-store.ts';
import { loadConfig } from '../../../src/server/config.ts';
import { createLogger } from '../../../src/server/log.ts';
import { purgeExpired } from '../../../src/server/purge.ts';
import { createServices, type Services } from '../../../src/server/services.ts';
import { emailMessage, pendingDelivery, volunteerRecord } from '../../contract/builders.ts';
import { newRegistration } from '../../registrations/builders.ts';

const day = 86_400_000;
const script = fileURLToPath(new URL('../../../scripts/purge.ts', import.meta.url));
let dir: string | undefined;

afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The services `npm start` would make, over a fresh data folder. */
async function localServices(): Promise<{ services: Services; dataDir: string; lines: string[] }> {
  dir = await mkdtemp(join(tmpdir(), 'purge-'));
  const lines: string[] = [];
  const services = createServices(
    loadConfig({ LOCAL_DATA_DIR: dir }),
    createLogger((line) => lines.push(line)),
  );
  return { services, dataDir: dir, lines };
}

/** Closes the SQLite store, so that the next process opens it alone. */
function close(services: Services) {
  if (services.deps.store instanceof LocalStore) services.deps.store.close();
}

/** One item of each kind on each side of its period, as seen from `now`. */
async function plant(services: Services, now: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const ids = {
    oldPending: volunteerRecord({ submittedAt: iso(now - 8 * day) }),
    freshPending: volunteerRecord({ submittedAt: iso(now - 6 * day) }),
    oldApplication: volunteerRecord({ submittedAt: iso(now - 740 * day) }),
    recentApplication: volunteerRecord({ submittedAt: iso(now - 700 * day) }),
    oldSpam: volunteerRecord({ status: 'suspected-spam', submittedAt: iso(now - 31 * day) }),
    recentSpam: volunteerRecord({ status: 'suspected-spam', submittedAt: iso(now - 29 * day) }),
  };
  await services.deps.queue.put(pendingDelivery(ids.oldPending));
  await services.deps.queue.put(pendingDelivery(ids.freshPending));
  await services.deps.store.saveAll([
    ids.oldApplication,
    ids.recentApplication,
    ids.oldSpam,
    ids.recentSpam,
  ]);
  const { ledger } = services.registrations;
  await ledger.register(
    newRegistration({
      id: 'reg_past-session',
      sessionSlug: 'past',
      sessionAt: iso(now - 370 * day),
    }),
  );
  await ledger.register(
    newRegistration({
      id: 'reg_recent-session',
      sessionSlug: 'recent',
      sessionAt: iso(now - 360 * day),
    }),
  );
  // The outbox writes with the real clock: this email is "now", and old once the purge runs 31 days on.
  const sent = await services.outbox?.send(emailMessage(), { idempotencyKey: 'app_x:welcome' });
  await services.registrations.erasures.add('k'.repeat(43), iso(now - day));
  await services.registrations.erasures.add('f'.repeat(43), iso(now + day));
  return { ids, email: sent?.id ?? '' };
}

const purgeAt = (services: Services, now: number, dryRun: boolean) =>
  purgeExpired(
    {
      places: services.retention,
      clock: { now: () => now, sleep: () => Promise.resolve() },
      log: services.deps.log,
    },
    { dryRun },
  );

describe('the retention purge over the local stack', () => {
  it('lists in a dry run exactly what is past its period, everywhere, and deletes nothing', async () => {
    const { services } = await localServices();
    const now = Date.now() + 31 * day;
    const { ids, email } = await plant(services, now);

    const report = await purgeAt(services, now, true);

    expect(report.places.map((p) => [p.place, p.ids, p.deleted])).toEqual([
      ['pending queue', [ids.oldPending.id], 0],
      ['local store', [ids.oldApplication.id], 0],
      ['local store (suspected spam)', [ids.oldSpam.id], 0],
      ['seat ledger', ['reg_past-session'], 0],
      ['local outbox', [email], 0],
      ['erasure log', ['k'.repeat(43)], 0],
    ]);
    expect(await services.deps.queue.get(ids.oldPending.id)).not.toBeNull();
    expect(await services.deps.store.find(ids.oldApplication.id)).not.toBeNull();
    expect(await services.outbox?.read(email)).not.toBeNull();
    close(services);
  });

  it('deletes what is past its period from every copy and keeps what is newer', async () => {
    const { services, lines } = await localServices();
    const now = Date.now() + 31 * day;
    const { ids, email } = await plant(services, now);

    await purgeAt(services, now, false);
    const again = await purgeAt(services, now, true);

    const { queue, store } = services.deps;
    expect(await queue.get(ids.oldPending.id)).toBeNull();
    expect(await queue.get(ids.freshPending.id)).not.toBeNull();
    expect(await store.find(ids.oldApplication.id)).toBeNull();
    expect(await store.find(ids.oldSpam.id)).toBeNull();
    expect(await store.find(ids.recentApplication.id)).not.toBeNull();
    expect(await store.find(ids.recentSpam.id)).not.toBeNull();
    const { ledger, erasures } = services.registrations;
    expect(await ledger.find('past', 'reg_past-session')).toBeNull();
    expect(await ledger.find('recent', 'reg_recent-session')).not.toBeNull();
    expect(await services.outbox?.read(email)).toBeNull();
    expect(await erasures.erased(['k'.repeat(43), 'f'.repeat(43)])).toEqual(
      new Set(['f'.repeat(43)]),
    );
    expect(again.places).toEqual([]);
    // A pending application that never reached the store is named in the logs, by id only.
    expect(lines.join('\n')).toContain('pending_expired_unstored');
    expect(lines.join('\n')).not.toMatch(/Camille|camille@/);
    close(services);
  });
});

describe('npm run purge', () => {
  it('reads --dry-run and a fixed --now, and refuses anything else', () => {
    expect(parsePurgeArgs(['--dry-run', '--now=2027-06-01T00:00:00Z'])).toEqual({
      dryRun: true,
      now: new Date('2027-06-01T00:00:00Z'),
    });
    expect(parsePurgeArgs(['--now=tomorrow'])).toHaveProperty('error');
    expect(parsePurgeArgs(['--force'])).toHaveProperty('error');
  });

  it('prints what would go, by place and id, from the command line, and deletes nothing', async () => {
    const { services, dataDir } = await localServices();
    const now = Date.now() + 31 * day;
    const { ids } = await plant(services, now);
    close(services);
    const env = { PATH: process.env['PATH'] ?? '', LOCAL_DATA_DIR: dataDir };

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [script, '--dry-run', `--now=${new Date(now).toISOString()}`],
      { env, cwd: dataDir },
    );

    expect(stdout).toContain('dry run, nothing is deleted');
    expect(stdout).toContain('pending queue: 1 would go');
    expect(stdout).toContain(`  ${ids.oldApplication.id}`);
    expect(stdout).toContain('seat ledger: 1 would go');
    expect(stdout).not.toContain(ids.recentApplication.id);
    expect(stdout).not.toMatch(/Camille|camille@/);
    const after = createServices(loadConfig({ LOCAL_DATA_DIR: dataDir }));
    expect(await after.deps.store.find(ids.oldApplication.id)).not.toBeNull();
    close(after);
  });

  it('says so when nothing is past its period', () => {
    const lines = formatPurgeReport({
      dryRun: true,
      cutoffs: {
        now: '2027-06-01T00:00:00.000Z',
        applications: '2025-06-01T00:00:00.000Z',
        suspectedSpam: '2027-05-02T00:00:00.000Z',
        registrations: '2026-06-01T00:00:00.000Z',
        pending: '2027-05-25T00:00:00.000Z',
        localOutbox: '2027-05-02T00:00:00.000Z',
      },
      places: [],
      failures: [],
    });

    expect(lines.at(-1)).toBe('Nothing is past its retention period.');
  });
});
