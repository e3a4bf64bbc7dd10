// One suite for every PendingQueue adapter: the same behaviours whether pending
// sign-ups live in Netlify Blobs (here its local server) or in a local SQLite file.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localBlobs } from '../support-server/local-blobs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsQueue } from '../../src/server/adapters/blobs-queue.ts';
import { SqliteQueue } from '../../src/server/adapters/sqlite-queue.ts';
import type { PendingQueue } from '../../src/server/ports.ts';
import { pendingDelivery, volunteerRecord } from './builders.ts';
import { MemoryQueue } from '../support-server/memory-ports.ts';

interface QueueHarness {
  /** A fresh queue over empty storage. */
  empty(): PendingQueue;
  /** Another queue over the same storage as `queue`, as a later function invocation would see it. */
  reopen(queue: PendingQueue): PendingQueue;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<QueueHarness>][] = [
  [
    // The queue the use-case and fault tests run over: it must keep the same contract.
    "MemoryQueue (the tests' in-memory port)",
    () =>
      Promise.resolve({
        empty: () => new MemoryQueue(),
        reopen: (queue: PendingQueue) => queue,
        close: () => Promise.resolve(),
      }),
  ],
  [
    'BlobsQueue (local Netlify Blobs server)',
    async () => {
      const blobs = await localBlobs('blobs-queue-');
      const names = new WeakMap<PendingQueue, string>();
      let count = 0;
      const open = (name: string) => {
        const queue = new BlobsQueue({ store: blobs.store(name) });
        names.set(queue, name);
        return queue;
      };
      return {
        empty: () => {
          count += 1;
          return open(`pending-signups-${count}`);
        },
        reopen: (queue) => open(names.get(queue) ?? 'missing'),
        close: () => blobs.close(),
      };
    },
  ],
  [
    'SqliteQueue (a local SQLite file)',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'sqlite-queue-'));
      const files = new WeakMap<PendingQueue, string>();
      const opened: SqliteQueue[] = [];
      let count = 0;
      const open = (file: string) => {
        const queue = new SqliteQueue({ file });
        files.set(queue, file);
        opened.push(queue);
        return queue;
      };
      return {
        empty: () => {
          count += 1;
          return open(join(root, `pending-${String(count)}.sqlite`));
        },
        reopen: (queue) => open(files.get(queue) ?? join(root, 'missing.sqlite')),
        close: async () => {
          for (const queue of opened) queue.close();
          await rm(root, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(adapters)('%s', (_name, setUp) => {
  let harness: QueueHarness;

  beforeAll(async () => {
    harness = await setUp();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('gives back an item as it was put', async () => {
    const queue = harness.empty();
    const item = pendingDelivery(volunteerRecord(), { notBefore: '2026-11-05T10:12:00.000Z' });

    await queue.put(item);

    expect(await queue.get(item.record.id)).toEqual(item);
  });

  it('answers null for an id it never held', async () => {
    const queue = harness.empty();

    const item = await queue.get('app_never_put');

    expect(item).toBeNull();
  });

  it('keeps the latest version of an item put again, listed once', async () => {
    const queue = harness.empty();
    const item = pendingDelivery();
    await queue.put(item);
    const updated = { ...item, stored: true, attempts: 1, lastError: 'resend_429' };

    await queue.put(updated);

    expect(await queue.get(item.record.id)).toEqual(updated);
    expect(await queue.list()).toEqual([item.record.id]);
  });

  it('lists ids oldest first, whatever order they were put in', async () => {
    const queue = harness.empty();
    const times = [
      '2026-11-05T10:00:02.000Z',
      '2026-11-05T09:59:59.999Z',
      '2026-11-05T10:00:01.500Z',
    ];
    const items = times.map((submittedAt) => pendingDelivery(volunteerRecord({ submittedAt })));

    for (const item of items) await queue.put(item);

    const [second, first, third] = items.map((item) => item.record.id);
    expect(await queue.list()).toEqual([first, third, second]);
  });

  it('lists oldest first what another instance over the same storage put', async () => {
    const queue = harness.empty();
    const times = ['2026-11-05T10:00:02.000Z', '2026-11-05T09:59:59.999Z'];
    const items = times.map((submittedAt) => pendingDelivery(volunteerRecord({ submittedAt })));
    for (const item of items) await queue.put(item);
    const later = harness.reopen(queue);
    const [second, first] = items.map((item) => item.record.id);

    expect(await later.list()).toEqual([first, second]);
    await later.remove(first ?? '');
    expect(await queue.list()).toEqual([second]);
  });

  it('forgets a removed item and ignores removing an unknown one', async () => {
    const queue = harness.empty();
    const kept = pendingDelivery();
    const removed = pendingDelivery();
    await queue.put(kept);
    await queue.put(removed);

    await queue.remove(removed.record.id);
    await queue.remove('app_never_put');

    expect(await queue.get(removed.record.id)).toBeNull();
    expect(await queue.list()).toEqual([kept.record.id]);
  });

  it('shows items to another instance over the same storage, which can remove them', async () => {
    const queue = harness.empty();
    const item = pendingDelivery();
    await queue.put(item);
    const later = harness.reopen(queue);

    const seen = await later.get(item.record.id);
    await later.remove(item.record.id);

    expect(seen).toEqual(item);
    expect(await queue.list()).toEqual([]);
  });

  it('puts an item only once when the same id is put if absent twice at the same time', async () => {
    const queue = harness.empty();
    const record = volunteerRecord();
    const first = pendingDelivery(record);
    const second = pendingDelivery({ ...record, submittedAt: '2026-11-05T10:12:13.456Z' });

    const added = await Promise.all([queue.putIfAbsent(first), queue.putIfAbsent(second)]);

    expect(added.filter(Boolean)).toHaveLength(1);
    expect(await queue.list()).toEqual([record.id]);
  });

  it('refuses an id that another instance over the same storage already put', async () => {
    const queue = harness.empty();
    const record = volunteerRecord();
    await queue.putIfAbsent(pendingDelivery(record));
    const later = harness.reopen(queue);

    const added = await later.putIfAbsent(
      pendingDelivery({ ...record, submittedAt: '2026-11-05T10:12:13.456Z' }),
    );

    expect(added).toBe(false);
    expect(await later.list()).toEqual([record.id]);
  });

  it('leaves a queued item as it is when the same id is put if absent again', async () => {
    const queue = harness.empty();
    const item = pendingDelivery();
    await queue.put({ ...item, stored: true });

    const added = await queue.putIfAbsent(item);

    expect(added).toBe(false);
    expect(await queue.get(item.record.id)).toEqual({ ...item, stored: true });
    expect(await queue.list()).toEqual([item.record.id]);
  });

  it('puts an item again once the earlier one with its id was removed', async () => {
    const queue = harness.empty();
    const item = pendingDelivery();
    await queue.putIfAbsent(item);
    await queue.remove(item.record.id);

    const added = await queue.putIfAbsent(item);

    expect(added).toBe(true);
    expect(await queue.get(item.record.id)).toEqual(item);
  });
});
