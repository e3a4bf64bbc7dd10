// Every minute: runs the drainer (the one writer holding the lease, see
// src/server/drainer.ts) for what is still pending after a rate limit, an
// outage, or a crash between acceptance and delivery; leaves if another holds it.
import type { Config } from '@netlify/functions';
import { runDrain } from '../../src/server/handlers/drain.ts';
import { internalFunction } from '../../src/server/handlers/internal.ts';

// Started by Netlify's scheduler, or by a signed request (src/server/internal-call.ts).
export default internalFunction('drain-pending', 'scheduled', () => runDrain());

export const config: Config = { schedule: '* * * * *' };
