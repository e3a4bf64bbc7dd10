// One round of the drainer over the applications' queue: every pending
// application whose time has come (a whole email batch at a time), delivered
// within the round's deadline. Only the drainer holding the writer lease runs
// it (src/server/drainer.ts), so no two rounds ever work on the same item.
import { retentionPeriods } from '../../lib/retention.ts';
import type { PendingDelivery } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import { deliverItems, mailAlone, type DeliveryReport } from './deliver.ts';

/**
 * After this, a welcome email still unsent is given up (the record is in the
 * store; a week-late welcome helps no one), as the privacy notice promises. A
 * record not yet stored is never dropped: it is logged as overdue instead.
 */
export const maxPendingMs = retentionPeriods.pending.days * 86_400_000;

export interface DrainOptions {
  /** Time this round may spend. Default 20 s. */
  budgetMs?: number;
  /** Items per round at most. Default 1,000. */
  maxItems?: number;
}

export interface DrainReport extends DeliveryReport {
  /** Items not yet due (waiting after a failure). */
  waiting: number;
  /** Items still due once the round is over (the deadline or maxItems came first): another round has work. */
  dueLeft: number;
}

const isDue = (item: PendingDelivery, at: number) =>
  item.notBefore === undefined || Date.parse(item.notBefore) <= at;
const submittedAt = (item: PendingDelivery) => Date.parse(item.record.submittedAt);

/** Whether any pending application is due now. */
export async function hasDueItems(deps: Pick<AppDeps, 'queue' | 'clock'>): Promise<boolean> {
  const now = deps.clock.now();
  for (const id of await deps.queue.list()) {
    const item = await deps.queue.get(id);
    if (item !== null && isDue(item, now)) return true;
  }
  return false;
}

/** Every queued item, after dropping welcome emails too late to send (see maxPendingMs). */
async function readQueue(deps: AppDeps, now: number): Promise<PendingDelivery[]> {
  const all: PendingDelivery[] = [];
  for (const id of await deps.queue.list()) {
    const item = await deps.queue.get(id);
    if (item === null) continue;
    if (now - submittedAt(item) > maxPendingMs) {
      if (item.stored) {
        await deps.queue.remove(id);
        deps.log.error('welcome_abandoned', { id, code: item.lastError ?? 'unknown' });
        continue;
      }
      deps.log.error('delivery_overdue', {
        id,
        code: item.lastError ?? 'unknown',
        count: item.attempts,
      });
    }
    all.push(item);
  }
  return all;
}

export async function drainPending(
  deps: AppDeps,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const { clock } = deps;
  const started = clock.now();
  const deadline = started + (options.budgetMs ?? 20_000);
  const maxItems = options.maxItems ?? 1_000;

  const all = await readQueue(deps, started);
  // Records not yet in the store come first: ten cost one request, whereas a
  // hundred emails do, so emails must not crowd them out.
  const due = all.filter((item) => isDue(item, started));
  due.sort((a, b) => Number(a.stored) - Number(b.stored));
  const cut = Math.max(0, due.length - maxItems);
  due.length = Math.min(due.length, maxItems);
  // An email batch already handed to the provider goes again whole, or its key would not match.
  const chosen = new Set(due);
  const batches = new Set(
    due.map((item) => item.mailBatch).filter((key) => key !== undefined && key !== mailAlone),
  );
  for (const item of all)
    if (!chosen.has(item) && item.mailBatch !== undefined && batches.has(item.mailBatch))
      due.push(item);
  const waiting = all.length - due.length - cut;

  const report = await deliverItems(deps, due, { deadline });
  const now = clock.now();
  const undone = (item: PendingDelivery) =>
    !item.stored || (item.record.status === 'new' && !item.mailed);
  const dueLeft = cut + due.filter((item) => undone(item) && isDue(item, now)).length;
  deps.log.info('drain_finished', {
    count: report.delivered,
    pending: report.pending + waiting + cut,
    ms: now - started,
  });
  return {
    ...report,
    pending: report.pending + cut,
    waiting,
    dueLeft: Math.min(dueLeft, report.pending + cut),
  };
}
