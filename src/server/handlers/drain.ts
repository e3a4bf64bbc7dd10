// The scheduled and background runs that deliver what is still pending.
import { drainPending } from '../applications/drain.ts';
import { errorCode } from '../log.ts';
import { getServices } from '../services.ts';

export async function runDrain(budgetMs?: number): Promise<void> {
  const { deps } = getServices();
  try {
    await drainPending(deps, budgetMs === undefined ? {} : { budgetMs });
  } catch (error) {
    // Nothing is lost: the items stay in the queue for the next run.
    deps.log.error('drain_failed', { code: errorCode(error) });
  }
}
