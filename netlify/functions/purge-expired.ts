// Every day: deletes what has outlived the retention periods that the privacy
// page promises (src/lib/retention.ts), everywhere we keep it.
import type { Config } from '@netlify/functions';
import { runPurge } from '../../src/server/handlers/purge.ts';

export default async () => {
  await runPurge();
};

// 03:00 UTC, a quiet hour, before the 04:00 rebuild.
export const config: Config = { schedule: '0 3 * * *' };
