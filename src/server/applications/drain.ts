// The scheduled retry: every pending application whose time has come is
// claimed, then delivered in batches within the function's time budget.
import { retentionPeriods } from '../../lib/retention.ts';
import type { PendingDelivery } from '../ports.ts';
import type { AppDeps } from './deps.ts';
import { deliverItems, type DeliveryReport } from './deliver.ts';

/** How long a claimed item is left alone by other runs, in case this one dies. */
export const claimMs = 2 * 60_000;

/**
 * After this, a welcome email still unsent is given up (the record is in the
 * store; a week-late welcome helps no one), as the privacy notice promises. A
 * record not yet stored is never dropped: it is logged as overdue instead.
 */
export const maxPendingMs = retentionPeriods.pending.days * 86_400_000;

export interface DrainOptions {
  /** Time this run may spend; a scheduled function has 30 s in all. Default 20 s. */
  budgetMs?: number;
  /** Items per run at most. Default 100. */
  maxItems?: number;
}

export interface DrainReport extends DeliveryReport {
  /** Items not yet due (waiting after a failure, or fresh). */
  waiting: number;
}

export async function drainPending(
  deps: AppDeps,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const { clock, queue } = deps;
  const started = clock.now();
  const deadline = started + (options.budgetMs ?? 20_000);
  const maxItems = options.maxItems ?? 100;

  const due: PendingDelivery[] = [];
  let waiting = 0;
  for (const id of await queue.list()) {
    const item = await queue.get(id);
    if (item === null) continue;
    if (started - Date.parse(item.record.submittedAt) > maxPendingMs) {
      if (item.stored) {
        await queue.remove(id);
        deps.log.error('welcome_abandoned', { id, code: item.lastError ?? 'unknown' });
        continue;
      }
      deps.log.error('delivery_overdue', {
        id,
        code: item.lastError ?? 'unknown',
        count: item.attempts,
      });
    }
    if (item.notBefore !== undefined && Date.parse(item.notBefore) > started) waiting += 1;
    else due.push(item);
  }
  // Records not yet in the store come first: they cost two requests per ten,
  // whereas each email is a request of its own, so emails must not crowd them out.
  due.sort((a, b) => Number(a.stored) - Number(b.stored));
  waiting += Math.max(0, due.length - maxItems);
  due.length = Math.min(due.length, maxItems);
  // Claim before working, so that an overlapping run skips these items.
  for (const item of due) {
    item.notBefore = new Date(started + claimMs).toISOString();
    await queue.put(item);
  }
  const report = await deliverItems(deps, due, { deadline });
  deps.log.info('drain_finished', {
    count: report.delivered,
    pending: report.pending + waiting,
    ms: clock.now() - started,
  });
  return { ...report, waiting };
}
