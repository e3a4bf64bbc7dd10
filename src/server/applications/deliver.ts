// Delivering accepted applications: to the store (in batches), then the welcome
// email, then out of the queue. Every step is recorded in the queue as soon as
// it is done and is idempotent by the application id, so a crash or a retry at
// any point neither loses nor repeats anything. An erasure that comes during a
// delivery is never undone: the delivery checks the erasure log after its
// writes and takes back what it wrote (see erasures.ts).
import { PermanentError, TemporaryError } from '../errors.ts';
import { erasedIds } from '../erasures.ts';
import { errorCode } from '../log.ts';
import type { PendingDelivery } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import { buildWelcome, welcomeKey } from './welcome.ts';

/** Airtable creates at most 10 records per request. */
export const storeBatchSize = 10;
/** Backoff after a failure without a provider's own delay: 1 min, doubling, at most 6 h. */
const firstRetryMs = 60_000;
const maxRetryMs = 6 * 3_600_000;

export interface DeliveryReport {
  /** Fully delivered and out of the queue. */
  delivered: number;
  /** Left in the queue for a later try. */
  pending: number;
}

const backoff = (attempts: number) =>
  Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));

/** The rate limiters' code when a slot would come after the deadline (see retry.ts). */
const isPaced = (error: unknown) =>
  error instanceof TemporaryError && error.code.endsWith('_paced');

const needsEmail = (item: PendingDelivery) => item.record.status === 'new' && !item.mailed;
const isDone = (item: PendingDelivery) => item.stored && !needsEmail(item);

/**
 * Delivers the given items as far as the providers and the deadline allow.
 * Items are updated in the queue after each step; what fails gets a later
 * `notBefore` and stays there for the scheduled drain.
 */
export async function deliverItems(
  deps: AppDeps,
  items: readonly PendingDelivery[],
  options: { deadline: number },
): Promise<DeliveryReport> {
  const failed = new Set<string>();
  const { clock, queue, log } = deps;
  /** Items erased by their author since they were read: nothing more is done for them. */
  const erased = new Set<string>();

  /** Takes back whatever this run may have written of the items erased meanwhile. */
  const dropErased = async (batch: readonly PendingDelivery[]) => {
    const found = await erasedIds(
      deps,
      batch.map((i) => i.record.id).filter((id) => !erased.has(id)),
    );
    for (const id of found) {
      erased.add(id);
      await queue.remove(id);
      await deps.store.erase(id);
      log.info('delivery_dropped_erased', { id });
    }
  };
  await dropErased(items);

  /** Writes an item back, unless it was erased meanwhile: an erasure must not be undone. */
  const save = async (item: PendingDelivery) => {
    if ((await queue.get(item.record.id)) !== null) await queue.put(item);
  };

  const postpone = async (item: PendingDelivery, error: unknown, counts: boolean) => {
    failed.add(item.record.id);
    // Our own pacing ("no slot before the deadline") is a wait, not a failure:
    // it neither counts as an attempt nor earns the failure backoff.
    const paced = isPaced(error);
    const attempts = item.attempts + (counts && !paced ? 1 : 0);
    const asked = error instanceof TemporaryError ? (error.retryAfterMs ?? 0) : 0;
    const delay =
      error instanceof PermanentError
        ? maxRetryMs
        : paced
          ? asked
          : Math.max(asked, backoff(attempts));
    Object.assign(item, {
      attempts,
      lastError: errorCode(error),
      notBefore: new Date(clock.now() + delay).toISOString(),
    });
    await save(item);
    if (counts && !paced)
      log.warn('delivery_postponed', {
        id: item.record.id,
        code: errorCode(error),
        count: attempts,
      });
  };

  // 1. The store, in batches. A temporary failure (rate limit, outage) stops
  // the run's store calls: hammering a provider that said "wait" makes it worse.
  const toStore = items.filter((i) => !i.stored && !erased.has(i.record.id));
  for (let start = 0; start < toStore.length; start += storeBatchSize) {
    const batch = toStore.slice(start, start + storeBatchSize);
    if (clock.now() >= options.deadline) break;
    try {
      await deps.store.saveAll(batch.map((i) => i.record));
      await dropErased(batch);
      for (const item of batch) {
        if (erased.has(item.record.id)) continue;
        item.stored = true;
        await save(item);
      }
    } catch (error) {
      if (error instanceof PermanentError && batch.length > 1) {
        // One bad record must not hold back the others: try them one by one.
        for (const item of batch) {
          try {
            await deps.store.saveAll([item.record]);
            item.stored = true;
            await save(item);
          } catch (single) {
            await postpone(item, single, true);
          }
        }
        continue;
      }
      for (const item of batch) await postpone(item, error, true);
      for (const item of toStore.slice(start + storeBatchSize)) await postpone(item, error, false);
      break;
    }
  }

  // 2. The welcome emails, only for what is safely in the store and not erased since.
  await dropErased(items);
  const toMail = items.filter(
    (i) => i.stored && needsEmail(i) && !failed.has(i.record.id) && !erased.has(i.record.id),
  );
  for (const [index, item] of toMail.entries()) {
    if (clock.now() >= options.deadline) break;
    try {
      const message = await buildWelcome(deps, item.record);
      await deps.mailer.send(message, { idempotencyKey: welcomeKey(item.record) });
      item.mailed = true;
      await save(item);
    } catch (error) {
      await postpone(item, error, true);
      if (error instanceof TemporaryError) {
        for (const rest of toMail.slice(index + 1)) await postpone(rest, error, false);
        break;
      }
    }
  }

  // 3. Done items leave the queue. Last, a look at the erasure log after every
  // write of this run: an erasure recorded before it is undone by us, one
  // recorded after it deletes what we wrote itself.
  await dropErased(items);
  let delivered = 0;
  for (const item of items) {
    if (erased.has(item.record.id)) continue;
    if (isDone(item)) {
      await queue.remove(item.record.id);
      delivered += 1;
      log.info('application_delivered', {
        id: item.record.id,
        kind: item.record.kind,
        count: item.attempts,
      });
    }
  }
  return { delivered, pending: items.length - delivered - erased.size };
}

/** Delivers one application right after it was accepted, within a short deadline. */
export async function deliverNow(
  deps: AppDeps,
  id: string,
  budgetMs = 8_000,
): Promise<DeliveryReport> {
  const item = await deps.queue.get(id);
  if (item === null) return { delivered: 0, pending: 0 };
  return deliverItems(deps, [item], { deadline: deps.clock.now() + budgetMs });
}
