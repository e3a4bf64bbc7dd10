// One suite for every ErasureLog adapter: the same behaviours whether erasures
// are remembered in Netlify Blobs (here its local server) or in local files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localBlobs } from '../support-server/local-blobs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsErasureLog } from '../../src/server/adapters/blobs-erasure-log.ts';
import { FileErasureLog } from '../../src/server/adapters/file-erasure-log.ts';
import type { ErasureLog } from '../../src/server/ports.ts';
import { erasureKey } from '../../src/server/erasures.ts';
import { MemoryErasureLog } from '../support-server/memory-ports.ts';

interface LogHarness {
  /** A log over empty storage. */
  empty(): ErasureLog;
  /** Another log over the same storage, as another function invocation would see it. */
  reopen(log: ErasureLog): ErasureLog;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<LogHarness>][] = [
  [
    // The log the use-case and fault tests run over: it must keep the same contract.
    "MemoryErasureLog (the tests' in-memory port)",
    () =>
      Promise.resolve({
        empty: () => new MemoryErasureLog(),
        reopen: (log: ErasureLog) => log,
        close: () => Promise.resolve(),
      }),
  ],
  [
    'BlobsErasureLog (local Netlify Blobs server)',
    async () => {
      const blobs = await localBlobs('blobs-erasures-');
      const names = new WeakMap<ErasureLog, string>();
      let count = 0;
      const open = (name: string) => {
        const log = new BlobsErasureLog({ store: blobs.store(name) });
        names.set(log, name);
        return log;
      };
      return {
        empty: () => open(`erasures-${String(++count)}`),
        reopen: (log) => open(names.get(log) ?? 'missing'),
        close: () => blobs.close(),
      };
    },
  ],
  [
    'FileErasureLog (local files)',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'file-erasures-'));
      const dirs = new WeakMap<ErasureLog, string>();
      let count = 0;
      const open = (dir: string) => {
        const log = new FileErasureLog({ dir });
        dirs.set(log, dir);
        return log;
      };
      return {
        empty: () => open(join(root, `erased-${String(++count)}`)),
        reopen: (log) => open(dirs.get(log) ?? join(root, 'missing')),
        close: () => rm(root, { recursive: true, force: true }),
      };
    },
  ],
];

const key = (id: string) => erasureKey('contract-secret-contract-secret-contract', id);

describe.each(adapters)('%s', (_name, setUp) => {
  let harness: LogHarness;

  beforeAll(async () => {
    harness = await setUp();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('tells which keys of a batch were erased, to another instance too', async () => {
    const log = harness.empty();
    await log.add(key('app_1'), '2027-01-01T00:00:00.000Z');
    await log.add(key('reg_2'), '2027-01-01T00:00:00.000Z');

    const found = await harness.reopen(log).erased([key('app_1'), key('app_3'), key('reg_2')]);

    expect(found).toEqual(new Set([key('app_1'), key('reg_2')]));
  });

  it('answers an empty set for no keys and for keys never erased', async () => {
    const log = harness.empty();

    expect(await log.erased([])).toEqual(new Set());
    expect(await log.erased([key('app_never')])).toEqual(new Set());
  });

  it('lists as expired only the keys whose last record is past, then forgets them', async () => {
    const log = harness.empty();
    await log.add(key('old'), '2027-01-01T00:00:00.000Z');
    await log.add(key('renewed'), '2027-01-01T00:00:00.000Z');
    await log.add(key('renewed'), '2027-03-01T00:00:00.000Z');
    await log.add(key('recent'), '2027-02-15T00:00:00.000Z');

    const expired = await log.expired('2027-02-01T00:00:00.000Z');
    await log.remove(expired);

    expect(expired).toEqual([key('old')]);
    expect(await log.erased([key('old'), key('renewed'), key('recent')])).toEqual(
      new Set([key('renewed'), key('recent')]),
    );
  });

  it('never holds the erased id itself', async () => {
    const log = harness.empty();

    await log.add(key('app_visible-id-0001'), '2027-01-01T00:00:00.000Z');

    expect(await log.expired('2028-01-01T00:00:00.000Z')).toEqual([key('app_visible-id-0001')]);
    expect(key('app_visible-id-0001')).not.toContain('visible');
  });
});
