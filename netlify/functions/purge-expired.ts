// Every day: deletes what has outlived the retention periods that the privacy
// page promises (src/lib/retention.ts), everywhere we keep it.
import type { Config } from '@netlify/functions';
import { runPurge } from '../../src/server/handlers/purge.ts';
import { internalFunction } from '../../src/server/handlers/internal.ts';

// Started by Netlify's scheduler, or by a signed request (src/server/internal-call.ts).
export default internalFunction('purge-expired', 'scheduled', () => runPurge());

// 03:00 UTC, a quiet hour, before the 04:00 rebuild.
export const config: Config = { schedule: '0 3 * * *' };
