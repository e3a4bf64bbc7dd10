// The scheduled run of the session notices (reminders, changed and cancelled sessions).
import { errorCode } from '../log.ts';
import { sendSessionNotices } from '../registrations/notify.ts';
import { servicesForRun } from './failure.ts';

export async function runSessionNotices(budgetMs = 24_000): Promise<void> {
  const services = servicesForRun('session_notices_setup_failed');
  if (services === undefined) return;
  const { registrations } = services;
  try {
    await sendSessionNotices(registrations, budgetMs);
  } catch (error) {
    // Nothing is lost: notices already owed stay in the ledger for the drain, the rest for the next run.
    registrations.log.error('session_notices_failed', { code: errorCode(error) });
  }
}
