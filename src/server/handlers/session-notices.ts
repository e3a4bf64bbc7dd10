// The scheduled run of the session notices (reminders, changed and cancelled
// sessions). It sends emails, so it runs as the drainer (the one writer,
// holding the lease); if another instance holds it, this run leaves and the
// next one (15 minutes later) owes and sends them.
import { runAsDrainer } from '../drainer.ts';
import { errorCode } from '../log.ts';
import { sendSessionNotices } from '../registrations/notify.ts';
import { servicesForRun } from './failure.ts';

export async function runSessionNotices(budgetMs = 24_000): Promise<void> {
  const services = servicesForRun('session_notices_setup_failed');
  if (services === undefined) return;
  const { registrations, lease } = services;
  try {
    const outcome = await runAsDrainer(
      { lease, clock: registrations.clock, log: registrations.log },
      {
        round: async (deadline) => {
          await sendSessionNotices(registrations, deadline - registrations.clock.now());
          return { more: false, progress: true };
        },
        due: () => Promise.resolve(false),
      },
      budgetMs,
    );
    if (outcome === 'busy') registrations.log.info('session_notices_deferred', { code: 'busy' });
  } catch (error) {
    // Nothing is lost: notices already owed stay in the ledger for the drain, the rest for the next run.
    registrations.log.error('session_notices_failed', { code: errorCode(error) });
  }
}
