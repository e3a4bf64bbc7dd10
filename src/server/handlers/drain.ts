// The scheduled and background runs that deliver what is still pending: the
// applications' queue, the emails training registrations are still owed, then
// the copies of registrations for the trainers' table.
import { drainPending } from '../applications/drain.ts';
import { copyRegistrations } from '../registrations/copy.ts';
import { drainRegistrationEmails } from '../registrations/deliver.ts';
import { errorCode } from '../log.ts';
import { servicesForRun } from './failure.ts';

export async function runDrain(budgetMs?: number): Promise<void> {
  const services = servicesForRun('drain_setup_failed');
  if (services === undefined) return;
  const { deps, registrations } = services;
  // A scheduled function has 30 s in all: half for the applications, a quarter for registration emails, a quarter for copies.
  const total = budgetMs ?? 24_000;
  try {
    await drainPending(deps, { budgetMs: total / 2 });
  } catch (error) {
    // Nothing is lost: the items stay in the queue for the next run.
    deps.log.error('drain_failed', { code: errorCode(error) });
  }
  try {
    await drainRegistrationEmails(registrations, total / 4);
  } catch (error) {
    // Nothing is lost: owed emails stay recorded in the ledger.
    registrations.log.error('registration_drain_failed', { code: errorCode(error) });
  }
  try {
    await copyRegistrations(registrations, total / 4);
  } catch (error) {
    // Nothing is lost: owed copies stay recorded in the ledger.
    registrations.log.error('registration_copy_failed', { code: errorCode(error) });
  }
}
