// The daily retention purge (see src/server/purge.ts), as a scheduled run.
import { errorCode } from '../log.ts';
import { purgeExpired } from '../purge.ts';
import { getServices } from '../services.ts';

export async function runPurge(): Promise<void> {
  const { retention, deps } = getServices();
  try {
    await purgeExpired({ places: retention, clock: deps.clock, log: deps.log }, { dryRun: false });
  } catch (error) {
    // What is left is past its period still: the next day's run deletes it.
    deps.log.error('retention_purge_failed', { code: errorCode(error) });
  }
}
