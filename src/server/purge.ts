// The retention purge: what the privacy page promises to delete, deleted.
// Each place that keeps personal data (the pending queue, the store, the seat
// ledger, the local outbox, the erasure log) lists what has outlived its period
// (src/lib/retention.ts) and deletes it. A dry run lists and deletes nothing.
// The daily scheduled function and `npm run purge` both run it.
import { cutoff } from '../lib/retention.ts';
import { errorCode, type Logger } from './log.ts';
import type {
  ErasureLog,
  ExpiredItem,
  PendingQueue,
  RetentionCutoffs,
  RetentionPurge,
} from './ports.ts';
import type { Clock } from './retry.ts';

export interface PurgeDeps {
  /** Every place that keeps personal data, as services.ts wires them. */
  places: readonly RetentionPurge[];
  clock: Clock;
  log: Logger;
}

export interface PurgePlaceReport {
  place: string;
  /** Ids of what is past its period (application, registration, email ids; hashes for the erasure log). */
  ids: string[];
  /** How many were deleted (0 in a dry run). */
  deleted: number;
}

export interface PurgeReport {
  dryRun: boolean;
  cutoffs: RetentionCutoffs;
  places: PurgePlaceReport[];
  /** Short codes of the places that failed; what they hold is tried again the next day. */
  failures: string[];
}

/** The cutoffs of every period, seen at `now`. */
export function retentionCutoffs(now: Date): RetentionCutoffs {
  const at = (kind: Parameters<typeof cutoff>[0]) => cutoff(kind, now).toISOString();
  return {
    now: now.toISOString(),
    applications: at('applications'),
    suspectedSpam: at('suspectedSpam'),
    registrations: at('registrations'),
    pending: at('pending'),
    localOutbox: at('localOutbox'),
  };
}

export async function purgeExpired(
  deps: PurgeDeps,
  options: { dryRun: boolean },
): Promise<PurgeReport> {
  const cutoffs = retentionCutoffs(new Date(deps.clock.now()));
  const report: PurgeReport = { dryRun: options.dryRun, cutoffs, places: [], failures: [] };
  for (const place of deps.places) {
    try {
      const items = await place.expired(cutoffs);
      const deleted = options.dryRun || items.length === 0 ? 0 : await place.purge(items);
      for (const [name, ids] of byPlace(items)) {
        report.places.push({ place: name, ids, deleted: options.dryRun ? 0 : ids.length });
      }
      if (!options.dryRun && items.length > 0)
        deps.log.info('retention_purged', { count: deleted, pending: items.length - deleted });
    } catch (error) {
      // The rest still goes; this place is tried again by the next run.
      report.failures.push(errorCode(error));
      deps.log.error('retention_purge_failed', { code: errorCode(error) });
    }
  }
  if (!options.dryRun) {
    const count = report.places.reduce((sum, p) => sum + p.deleted, 0);
    deps.log.info('retention_purge_finished', { count, pending: report.failures.length });
  }
  return report;
}

function byPlace(items: readonly ExpiredItem[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(item.place, [...(groups.get(item.place) ?? []), item.id]);
  return groups;
}

/**
 * The pending queue as a place to purge: an application still waiting after
 * the pending period goes, as the privacy page promises, even if it never
 * reached the store (the drain has logged it as overdue every run by then).
 */
export function pendingQueuePurge(queue: PendingQueue, log: Logger): RetentionPurge {
  return {
    async expired(cutoffs) {
      const items: ExpiredItem[] = [];
      for (const id of await queue.list()) {
        const item = await queue.get(id);
        if (item !== null && item.record.submittedAt < cutoffs.pending)
          items.push({ place: 'pending queue', id, ref: id });
      }
      return items;
    },
    async purge(items) {
      for (const item of items) {
        const pending = await queue.get(item.ref);
        await queue.remove(item.ref);
        if (pending !== null && !pending.stored)
          log.error('pending_expired_unstored', {
            id: item.ref,
            code: pending.lastError ?? 'unknown',
          });
      }
      return items.length;
    },
  };
}

/** The erasure log as a place to purge: its entries are forgotten once their `until` has passed. */
export function erasureLogPurge(erasures: ErasureLog): RetentionPurge {
  return {
    async expired(cutoffs) {
      return (await erasures.expired(cutoffs.now)).map((key) => ({
        place: 'erasure log',
        id: key,
        ref: key,
      }));
    },
    async purge(items) {
      await erasures.remove(items.map((item) => item.ref));
      return items.length;
    },
  };
}
