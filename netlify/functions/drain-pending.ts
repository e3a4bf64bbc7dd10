// Every minute: delivers the applications still pending (after a rate limit,
// an outage, or a crash between acceptance and delivery).
import type { Config } from '@netlify/functions';
import { runDrain } from '../../src/server/handlers/drain.ts';
import { internalFunction } from '../../src/server/handlers/internal.ts';

// Started by Netlify's scheduler, or by a signed request (src/server/internal-call.ts).
export default internalFunction('drain-pending', 'scheduled', () => runDrain());

export const config: Config = { schedule: '* * * * *' };
