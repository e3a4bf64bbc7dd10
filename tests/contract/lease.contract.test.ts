// One suite for every WriterLease adapter: the same behaviours whether the
// lease lives in Netlify Blobs (its local server, behind the proxy that makes
// its compare-and-swap atomic as Netlify's is) or in a local SQLite file. Two
// adapter objects over one storage stand for two function instances.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsLease } from '../../src/server/adapters/blobs-lease.ts';
import { LocalLease } from '../../src/server/adapters/local-lease.ts';
import type { WriterLease } from '../../src/server/ports.ts';
import { localBlobs } from '../support-server/local-blobs.ts';
import { MemoryLease } from '../support-server/memory-ports.ts';

interface LeaseHarness {
  /** `count` leases over one fresh storage, as many instances would open it. */
  instances(count: number): WriterLease[];
  close(): Promise<void>;
}

const adapters: [string, () => Promise<LeaseHarness>][] = [
  [
    // The lease the use-case and fault tests run over: it must keep the same contract.
    "MemoryLease (the tests' in-memory port)",
    () =>
      Promise.resolve({
        instances: (count: number) => {
          const cell = { record: null };
          return Array.from({ length: count }, () => new MemoryLease(cell));
        },
        close: () => Promise.resolve(),
      }),
  ],
  [
    'BlobsLease (local Netlify Blobs server)',
    async () => {
      const blobs = await localBlobs('blobs-lease-', { serialised: true });
      let stores = 0;
      return {
        instances: (count) => {
          stores += 1;
          const name = `writer-lease-${stores}`;
          return Array.from({ length: count }, () => new BlobsLease({ store: blobs.store(name) }));
        },
        close: () => blobs.close(),
      };
    },
  ],
  [
    'LocalLease (SQLite file)',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'local-lease-'));
      let files = 0;
      return {
        instances: (count) => {
          files += 1;
          const file = join(root, `lease-${files}.sqlite`);
          return Array.from({ length: count }, () => new LocalLease({ file }));
        },
        close: () => rm(root, { recursive: true, force: true }),
      };
    },
  ],
];

const now = Date.parse('2026-12-01T09:00:00Z');
const ttl = 45_000;

describe.each(adapters)('%s', (_name, setUp) => {
  let harness: LeaseHarness;

  beforeAll(async () => {
    harness = await setUp();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('gives the lease to exactly one of eight instances asking at once', async () => {
    const leases = harness.instances(8);

    const grants = await Promise.all(
      leases.map((lease, index) => lease.acquire(`instance-${index}:1`, now, ttl)),
    );

    expect(grants.filter((grant) => grant !== null)).toHaveLength(1);
  });

  it('refuses the lease while it is held, and gives it once it was released, saying when and by whom', async () => {
    const [first, second] = harness.instances(2) as [WriterLease, WriterLease];
    await first.acquire('a:1', now, ttl);

    const whileHeld = await second.acquire('b:1', now + 1_000, ttl);
    await first.release('a:1', now + 2_000);
    const afterRelease = await second.acquire('b:1', now + 3_000, ttl);

    expect(whileHeld).toBeNull();
    expect(afterRelease).toEqual({ releasedAt: now + 2_000, previous: 'a:1' });
  });

  it('gives the lease of a holder that stopped renewing it to another once its time is over', async () => {
    const [crashed, next] = harness.instances(2) as [WriterLease, WriterLease];
    await crashed.acquire('a:1', now, ttl);

    const before = await next.acquire('b:1', now + ttl - 1, ttl);
    const after = await next.acquire('b:1', now + ttl, ttl);
    const renewed = await crashed.renew('a:1', now + ttl + 1, ttl);

    expect(before).toBeNull();
    expect(after).toEqual({ previous: 'a:1' });
    expect(renewed).toBe(false);
  });

  it('keeps the lease of a holder that renews it, and ignores a release by anyone else', async () => {
    const [holder, other] = harness.instances(2) as [WriterLease, WriterLease];
    await holder.acquire('a:1', now, ttl);

    expect(await holder.renew('a:1', now + ttl - 1, ttl)).toBe(true);
    await other.release('b:1', now + ttl);
    expect(await other.acquire('b:1', now + ttl + 1, ttl)).toBeNull();
  });
});
