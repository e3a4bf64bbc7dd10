// One writer at a time: every write to the providers (Airtable, Resend) is made
// by the drainer that holds the writer lease, whichever function instance runs
// it, so that all instances together stay under the providers' rate limits
// (Airtable counts per base, Resend per team, not per instance). A drainer
// that finds the lease held leaves at once: the holder takes new work in its
// next round, and looks once more after giving the lease up, so that work
// which came while it was finishing does not wait for the scheduled run.
import { randomUUID } from 'node:crypto';
import type { Logger } from './log.ts';
import { errorCode } from './log.ts';
import type { WriterLease } from './ports.ts';
import type { Clock } from './retry.ts';

/**
 * How long a holder's lease lasts without renewal: longer than one round (at
 * most roundMs, plus one provider call's own deadline), so that a live holder
 * never loses it; a crashed one blocks the others for this long at most.
 */
export const leaseTtlMs = 45_000;
/** A round's length at most; the lease is renewed before each. */
export const roundMs = 20_000;
/**
 * Providers count requests per second: a new holder from another instance
 * waits until the previous holder's last second is over, since its own pacing
 * does not know the other's requests.
 */
export const handoverGapMs = 1_000;
/**
 * A round that would start with less time than this left ends the run
 * instead: it would read the whole queue and stop its store calls (a second
 * before its deadline, for the emails) before making any. The next run, or
 * the hand-off, takes over at once.
 */
export const minRoundMs = 2_500;

let runs = 0;
/** Each lease object's part of its holders' names (one per instance): a holder that follows one of ours needs no gap. */
const instances = new WeakMap<WriterLease, string>();
/**
 * The leases a drainer of this process holds now: another one here then
 * leaves without asking the store. Cleared before the lease is given up, so
 * that the holder's last look for work comes after any drainer it turned away.
 */
const held = new WeakSet<WriterLease>();

export interface DrainerDeps {
  lease: WriterLease;
  clock: Clock;
  log: Logger;
}

export interface DrainerWork {
  /** One round within `deadline`; true if work is still due (the deadline came first). */
  round(deadline: number): Promise<{ more: boolean; progress: boolean }>;
  /** Whether anything is due now (checked after giving the lease up). */
  due(): Promise<boolean>;
}

export type DrainerOutcome = 'ran' | 'busy';

/**
 * Runs rounds of `work` for at most `budgetMs` if this drainer gets the lease;
 * answers 'busy' at once if another holds it.
 */
export async function runAsDrainer(
  deps: DrainerDeps,
  work: DrainerWork,
  budgetMs: number,
): Promise<DrainerOutcome> {
  const { lease, clock, log } = deps;
  if (held.has(lease)) return 'busy';
  let instance = instances.get(lease);
  if (instance === undefined) {
    instance = randomUUID();
    instances.set(lease, instance);
  }
  const end = clock.now() + budgetMs;
  runs += 1;
  const holder = `${instance}:${String(runs)}`;
  let outcome: DrainerOutcome = 'busy';
  for (;;) {
    const grant = await lease.acquire(holder, clock.now(), leaseTtlMs);
    if (grant === null) return outcome;
    held.add(lease);
    outcome = 'ran';
    let progress = false;
    try {
      const fromElsewhere = !(grant.previous ?? '').startsWith(`${instance}:`);
      if (fromElsewhere && grant.releasedAt !== undefined) {
        const wait = grant.releasedAt + handoverGapMs - clock.now();
        if (wait > 0) await clock.sleep(wait);
      }
      for (;;) {
        if (!(await lease.renew(holder, clock.now(), leaseTtlMs))) {
          log.warn('drainer_lease_lost', { code: 'lease_expired' });
          return outcome;
        }
        const result = await work.round(Math.min(end, clock.now() + roundMs));
        progress ||= result.progress;
        if (!result.more || !result.progress || end - clock.now() < minRoundMs) break;
      }
    } finally {
      held.delete(lease);
      await lease.release(holder, clock.now()).catch((error: unknown) => {
        // It expires by itself.
        log.warn('drainer_release_failed', { code: errorCode(error) });
      });
    }
    // Work that came while this drainer was finishing found the lease held and
    // left: it is taken now. A round that moved nothing (providers failing) ends the run.
    if (!progress || end - clock.now() < minRoundMs || !(await work.due())) return outcome;
  }
}
