// The seats left that the build prints: read from the ledger the functions
// use, left out (never guessed) when it cannot be read in time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuildSeats } from '../../../src/lib/build-seats.ts';
import { LocalLedger } from '../../../src/server/adapters/local-ledger.ts';
import { ledgerForBuild } from '../../../src/server/services.ts';
import { newRegistration } from '../../registrations/builders.ts';

const sessions = [
  { slug: 'induction-calais', capacity: 2 },
  { slug: 'exchange', capacity: 12 },
];
const at = new Date('2027-01-10T09:05:00Z');
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('readBuildSeats', () => {
  it('counts the seats of every session from the ledger, and says when', async () => {
    const ledger = new LocalLedger({ file: ':memory:' });
    await ledger.register(newRegistration({ sessionSlug: 'induction-calais' }));
    await ledger.verify('induction-calais', 'reg_test-0001', '2027-01-01T10:05:00.000Z', 2);

    const seats = await readBuildSeats(sessions, { ledger, now: () => at });

    expect(seats.at).toBe(at);
    expect(seats.counts.get('induction-calais')).toMatchObject({ confirmed: 1, left: 1 });
    expect(seats.counts.get('exchange')).toMatchObject({ confirmed: 0, left: 12 });
  });

  it('leaves out a count that fails or comes too late, and one it has no ledger for', async () => {
    const ledger = {
      seats: (slug: string, capacity: number) =>
        slug === 'exchange'
          ? new Promise<never>(() => {})
          : Promise.reject(new Error(`no count for ${slug} of ${capacity}`)),
    };

    const slow = await readBuildSeats(sessions, { ledger, timeoutMs: 20 });
    const none = await readBuildSeats(sessions, { ledger: null });

    expect([...slow.counts.keys()]).toEqual([]);
    expect([...none.counts.keys()]).toEqual([]);
  });
});

describe('ledgerForBuild', () => {
  it('reads the local ledger file when there is one, and counts no registration when there is none', async () => {
    dir = mkdtempSync(join(tmpdir(), 'build-seats-'));
    const empty = ledgerForBuild({ LOCAL_DATA_DIR: dir });
    const ledger = new LocalLedger({ file: join(dir, 'registrations.sqlite') });
    await ledger.register(newRegistration({ sessionSlug: 'exchange' }));
    await ledger.verify('exchange', 'reg_test-0001', '2027-01-01T10:05:00.000Z', 12);

    const fromFile = ledgerForBuild({ LOCAL_DATA_DIR: dir });

    expect(await empty?.seats('exchange', 12)).toMatchObject({ left: 12 });
    expect(await fromFile?.seats('exchange', 12)).toMatchObject({ confirmed: 1, left: 11 });
  });

  it('gives no ledger on Netlify when the build has no access to Netlify Blobs', () => {
    expect(ledgerForBuild({ SITE_ID: 'site-1' })).toBeNull();
  });
});
