// Delivering accepted applications: to the store (upserts of 10), then the
// welcome emails (batches of up to 100), then out of the queue. Every write is
// idempotent by the application id (the store merges on it) or by the batch's
// key (derived from the ids it holds), and an email batch's members are
// recorded in the queue before it is sent, so that a crash or a lost answer is
// followed by the very same batch under the very same key, which the provider
// drops: nothing is lost or repeated. An erasure that comes during a delivery
// is never undone: the delivery checks the erasure log after its writes and
// takes back what it wrote (see erasures.ts).
import { createHash } from 'node:crypto';
import { PermanentError, TemporaryError } from '../errors.ts';
import { erasedIds } from '../erasures.ts';
import { errorCode } from '../log.ts';
import { maxMailBatch, type PendingDelivery } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import { buildWelcome, welcomeKey } from './welcome.ts';

/** Airtable upserts at most 10 records per request. */
export const storeBatchSize = 10;
/** Backoff after a failure without a provider's own delay: 1 min, doubling, at most 6 h. */
const firstRetryMs = 60_000;
const maxRetryMs = 6 * 3_600_000;
/** Time kept at the end of a run for the last email batches (one request each). */
const mailReserveMs = 500;
/** `mailBatch` of an email the batch refused: it goes alone, under its own key. */
export const mailAlone = 'alone';

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

/** The key of a batch of welcome emails: the same ids, in the same order, give the same key. */
export function welcomeBatchKey(ids: readonly string[]): string {
  const digest = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 40);
  return `welcome-batch_${digest}`;
}

/**
 * The welcome emails' batches: first those already handed to the provider
 * (their recorded members, in order), then the others, up to maxMailBatch each.
 */
function mailBatches(items: readonly PendingDelivery[]): PendingDelivery[][] {
  const recorded = new Map<string, PendingDelivery[]>();
  const alone: PendingDelivery[][] = [];
  const fresh: PendingDelivery[] = [];
  for (const item of items) {
    if (item.mailBatch === mailAlone) alone.push([item]);
    else if (item.mailBatch === undefined) fresh.push(item);
    else recorded.set(item.mailBatch, [...(recorded.get(item.mailBatch) ?? []), item]);
  }
  const batches = [...recorded.values()];
  for (let start = 0; start < fresh.length; start += maxMailBatch)
    batches.push(fresh.slice(start, start + maxMailBatch));
  return [...batches, ...alone];
}

/**
 * Delivers the given items as far as the providers and the deadline allow.
 * Items are updated in the queue after each step; what fails gets a later
 * `notBefore` and stays there for the next drain. The emails of each hundred
 * records stored go while the next records are being stored.
 */
export async function deliverItems(
  deps: AppDeps,
  items: readonly PendingDelivery[],
  options: { deadline: number },
): Promise<DeliveryReport> {
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

  /**
   * Items changed since they were last written to the queue. A step that a
   * repeat makes harmless (an upsert, a batch sent again under its key) is
   * written only when the item stays in the queue; what a repeat must know
   * (a batch's members, before it is sent) is written at once.
   */
  const unsaved = new Set<PendingDelivery>();
  /** Writes an item back, unless it was erased meanwhile: an erasure must not be undone. */
  const save = async (item: PendingDelivery) => {
    unsaved.delete(item);
    if (erased.has(item.record.id)) return;
    if ((await queue.get(item.record.id)) !== null) await queue.put(item);
  };
  const saveAll = (batch: readonly PendingDelivery[]) => Promise.all(batch.map(save));

  const postpone = async (item: PendingDelivery, error: unknown, counts: boolean) => {
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

  /** Set once a mail request failed for a reason that holds for the others (rate limit, outage). */
  let mailStopped: unknown;

  /** Sends one batch of welcome emails (or one alone), recording its members first. */
  const mailBatch = async (batch: PendingDelivery[]): Promise<void> => {
    if (mailStopped !== undefined) {
      for (const item of batch) await postpone(item, mailStopped, false);
      return;
    }
    if (clock.now() >= options.deadline) return;
    const first = batch[0];
    if (batch.length === 1 && first !== undefined && first.mailBatch === mailAlone) {
      await mailOne(first);
      return;
    }
    // A recorded batch goes again under its key only if all its members are
    // here; one erased since gives a new batch (and a new key) of the others.
    // Members go in the order of their ids, so that a repeat is the same payload.
    batch.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
    const key = welcomeBatchKey(batch.map((i) => i.record.id));
    if (batch.some((item) => item.mailBatch !== key)) {
      for (const item of batch) item.mailBatch = key;
      await saveAll(batch);
    }
    try {
      const emails = await Promise.all(
        batch.map(async (item) => ({
          message: await buildWelcome(deps, item.record),
          idempotencyKey: welcomeKey(item.record),
        })),
      );
      const outcomes = await deps.mailer.sendBatch(emails, { idempotencyKey: key });
      const refused: PendingDelivery[] = [];
      for (const [index, item] of batch.entries()) {
        const outcome = outcomes[index];
        if (outcome !== undefined && 'id' in outcome) {
          item.mailed = true;
          unsaved.add(item);
        } else {
          item.mailBatch = mailAlone;
          refused.push(item);
        }
      }
      await saveAll(refused);
      // What the batch refused goes alone: the single endpoint says why, and a refusal there is final.
      for (const item of refused) await mailOne(item);
    } catch (error) {
      if (
        error instanceof PermanentError &&
        errorCode(error) === 'resend_409_idempotency_conflict'
      ) {
        // This key was answered before, for the same members: the emails went.
        // (Their text changed since, e.g. the sessions listed; the first one stands.)
        log.warn('welcome_batch_already_sent', { code: errorCode(error), count: batch.length });
        for (const item of batch) {
          item.mailed = true;
          unsaved.add(item);
        }
        return;
      }
      if (error instanceof TemporaryError) mailStopped = error;
      for (const item of batch) await postpone(item, error, true);
    }
  };

  const mailOne = async (item: PendingDelivery): Promise<void> => {
    try {
      const message = await buildWelcome(deps, item.record);
      await deps.mailer.send(message, { idempotencyKey: welcomeKey(item.record) });
      item.mailed = true;
      unsaved.add(item);
    } catch (error) {
      if (error instanceof TemporaryError) mailStopped = error;
      await postpone(item, error, true);
    }
  };

  /** The mail batches under way, sent one after the other while the store goes on. */
  let mailing: Promise<void> = Promise.resolve();
  /** Stored items whose email is owed, not yet handed to a batch. */
  let toMail: PendingDelivery[] = [];
  const mailReady = async (final: boolean) => {
    if (!final && toMail.length < maxMailBatch) return;
    const ready = toMail.filter((i) => !erased.has(i.record.id));
    toMail = [];
    if (ready.length === 0) return;
    await dropErased(ready);
    const batches = mailBatches(ready.filter((i) => !erased.has(i.record.id)));
    mailing = mailing.then(async () => {
      for (const batch of batches) await mailBatch(batch);
    });
  };
  toMail = items.filter(
    (i) => i.stored && needsEmail(i) && !erased.has(i.record.id) && i.mailBatch !== undefined,
  );
  const storedEarlier = items.filter(
    (i) => i.stored && needsEmail(i) && !erased.has(i.record.id) && i.mailBatch === undefined,
  );
  await mailReady(true);
  toMail = storedEarlier;

  // 1. The store, in upserts of 10. A temporary failure (rate limit, outage)
  // stops the run's store calls: hammering a provider that said "wait" makes it worse.
  const toStore = items.filter((i) => !i.stored && !erased.has(i.record.id));
  // The store stops a little before the deadline, so that the emails of what
  // it stored still go in this run rather than wait for the next one.
  const storeDeadline = options.deadline - mailReserveMs;
  for (let start = 0; start < toStore.length; start += storeBatchSize) {
    const batch = toStore.slice(start, start + storeBatchSize);
    if (clock.now() >= storeDeadline) break;
    try {
      await deps.store.saveAll(batch.map((i) => i.record));
      await dropErased(batch);
      const kept = batch.filter((i) => !erased.has(i.record.id));
      for (const item of kept) {
        item.stored = true;
        unsaved.add(item);
      }
      toMail.push(...kept.filter(needsEmail));
    } catch (error) {
      if (error instanceof PermanentError && batch.length > 1) {
        // One bad record must not hold back the others: try them one by one.
        for (const item of batch) {
          try {
            await deps.store.saveAll([item.record]);
            item.stored = true;
            unsaved.add(item);
            if (needsEmail(item)) toMail.push(item);
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
    await mailReady(false);
  }

  // 2. The welcome emails still to go, only for what is safely in the store.
  await mailReady(true);
  await mailing;

  // 3. Done items leave the queue. Last, a look at the erasure log after every
  // write of this run: an erasure recorded before it is undone by us, one
  // recorded after it deletes what we wrote itself.
  await dropErased(items);
  const done = items.filter((item) => !erased.has(item.record.id) && isDone(item));
  await saveAll([...unsaved].filter((item) => !isDone(item)));
  await Promise.all(
    done.map(async (item) => {
      await queue.remove(item.record.id);
      log.info('application_delivered', {
        id: item.record.id,
        kind: item.record.kind,
        count: item.attempts,
      });
    }),
  );
  return { delivered: done.length, pending: items.length - done.length - erased.size };
}
