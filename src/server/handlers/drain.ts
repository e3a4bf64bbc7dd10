// The scheduled and background runs that deliver what is still pending: the
// applications' queue, then the emails training registrations are still owed.
import { drainPending } from '../applications/drain.ts';
import { drainRegistrationEmails } from '../registrations/deliver.ts';
import { errorCode } from '../log.ts';
import { getServices } from '../services.ts';

export async function runDrain(budgetMs?: number): Promise<void> {
  const { deps, registrations } = getServices();
  // A scheduled function has 30 s in all: two thirds for the applications.
  const total = budgetMs ?? 24_000;
  try {
    await drainPending(deps, { budgetMs: (total * 2) / 3 });
  } catch (error) {
    // Nothing is lost: the items stay in the queue for the next run.
    deps.log.error('drain_failed', { code: errorCode(error) });
  }
  try {
    await drainRegistrationEmails(registrations, total / 3);
  } catch (error) {
    // Nothing is lost: owed emails stay recorded in the ledger.
    registrations.log.error('registration_drain_failed', { code: errorCode(error) });
  }
}
