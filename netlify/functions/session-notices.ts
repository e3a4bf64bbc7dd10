// Every 15 minutes: owes and sends the reminders of sessions less than 48 h
// away and the notices of each change a trainer made to a session (time,
// place, link, cancelled, back on), each once; gives seats a raised capacity frees.
import type { Config } from '@netlify/functions';
import { internalFunction } from '../../src/server/handlers/internal.ts';
import { runSessionNotices } from '../../src/server/handlers/session-notices.ts';

// Started by Netlify's scheduler, or by a signed request (src/server/internal-call.ts).
export default internalFunction('session-notices', 'scheduled', () => runSessionNotices());

export const config: Config = { schedule: '*/15 * * * *' };
