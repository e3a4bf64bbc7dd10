// The drainer's runs: started by a request that queued work (right after its
// answer), by the scheduled function every minute, or by the background one
// for a backlog. Whoever holds the writer lease delivers, in rounds: the
// applications' queue, the emails training registrations are still owed, then
// the copies of registrations for the trainers' table. The others leave.
import { drainPending, hasDueItems } from '../applications/drain.ts';
import { runAsDrainer, type DrainerOutcome } from '../drainer.ts';
import { internalCallHeaders } from '../internal-call.ts';
import { errorCode } from '../log.ts';
import { copyRegistrations } from '../registrations/copy.ts';
import { drainRegistrationEmails } from '../registrations/deliver.ts';
import type { Services } from '../services.ts';
import type { RequestContext } from './context.ts';
import { servicesForRun } from './failure.ts';

/** A scheduled function has 30 s in all. */
export const scheduledBudgetMs = 24_000;
/** After a request's answer: within a synchronous function's 10 s. */
export const kickBudgetMs = 8_000;

/**
 * A round starts once this instance has taken no request for this long (at
 * most maxQuietWaitMs later): during a burst, the requests still arriving are
 * answered first and their applications go in the same round, instead of a
 * round reading the queue while they write to it. A lone request waits this little.
 */
const quietMs = 50;
const maxQuietWaitMs = 2_000;
/** When this instance last kicked the drainer, by services (each with its own clock). */
const lastKick = new WeakMap<Services, number>();

export async function runDrain(
  budgetMs: number = scheduledBudgetMs,
  kicked = false,
): Promise<void> {
  const services = servicesForRun('drain_setup_failed');
  if (services === undefined) return;
  if (kicked) lastKick.set(services, services.deps.clock.now());
  const outcome = await drainWith(services, budgetMs);
  // A burst outlasts a request's budget: the background function (15 minutes)
  // takes the rest at once, rather than the scheduled run a minute later.
  if (kicked && outcome === 'ran' && services.config.deployed && (await hasDueItems(services.deps)))
    await handOff(services);
}

/** Starts deliver-background with the signed header it needs (see internal-call.ts). */
async function handOff({ config, deps }: Services): Promise<void> {
  try {
    const response = await fetch(`${config.siteUrl}/.netlify/functions/deliver-background`, {
      method: 'POST',
      headers: internalCallHeaders('deliver-background', config.signingSecret, deps.clock.now()),
      signal: AbortSignal.timeout(5_000),
    });
    deps.log.info('drain_handed_off', { status: response.status });
  } catch (error) {
    // The scheduled run comes within a minute.
    deps.log.warn('drain_hand_off_failed', { code: errorCode(error) });
  }
}

/**
 * Starts a drainer after the answer, for work a request has just queued: it
 * delivers at once if no other holds the lease, and otherwise the holder takes
 * the work in its next round. Nothing is lost if it fails: the scheduled run comes.
 */
export function kickDrainer(context: RequestContext): void {
  // From the next turn of the event loop: asking for the lease (a short
  // transaction locally) must not delay the answer it follows.
  context.waitUntil(
    new Promise((resolve) => setImmediate(resolve)).then(() => runDrain(kickBudgetMs, true)),
  );
}

/** The drainer over these services (the tests and the benchmark pass their own). */
export async function drainWith(services: Services, budgetMs: number): Promise<DrainerOutcome> {
  const { deps, registrations, lease } = services;
  try {
    return await runAsDrainer(
      { lease, clock: deps.clock, log: deps.log },
      {
        round: (deadline) => round(services, deadline),
        due: async () =>
          (await hasDueItems(deps)) || (await registrations.ledger.unsent()).length > 0,
      },
      budgetMs,
    );
  } catch (error) {
    // Nothing is lost: the work stays in the queue and the ledger for the next run.
    deps.log.error('drain_failed', { code: errorCode(error) });
    return 'busy';
  }
}

/**
 * One round. The registrations' owed emails and trainers' copies go first, a
 * quarter of the round each at most: they are few, and a confirmation link is
 * awaited by someone at their screen. Then the applications get all the time
 * left, so that a round with no registration work does not end early and
 * read the whole queue again in the next one.
 */
async function round(
  services: Services,
  deadline: number,
): Promise<{ more: boolean; progress: boolean }> {
  const { deps, registrations } = services;
  const { clock } = deps;
  const waitUntil = Math.min(deadline, clock.now() + maxQuietWaitMs);
  const sinceKick = () => clock.now() - (lastKick.get(services) ?? Number.NEGATIVE_INFINITY);
  while (sinceKick() < quietMs && clock.now() < waitUntil) await clock.sleep(quietMs);
  const left = () => Math.max(0, deadline - clock.now());
  const share = left() / 4;
  let more = false;
  let progress = false;
  try {
    const report = await drainRegistrationEmails(registrations, share);
    progress ||= report.sent > 0;
  } catch (error) {
    // Nothing is lost: owed emails stay recorded in the ledger.
    registrations.log.error('registration_drain_failed', { code: errorCode(error) });
  }
  try {
    const report = await copyRegistrations(registrations, share);
    progress ||= report.copied > 0;
  } catch (error) {
    // Nothing is lost: owed copies stay recorded in the ledger.
    registrations.log.error('registration_copy_failed', { code: errorCode(error) });
  }
  try {
    const report = await drainPending(deps, { budgetMs: left() });
    more = report.dueLeft > 0;
    progress ||= report.delivered > 0;
  } catch (error) {
    // Nothing is lost: the items stay in the queue for the next run.
    deps.log.error('drain_failed', { code: errorCode(error) });
  }
  return { more, progress };
}
