// Every 15 minutes: owes and sends the reminders of sessions less than 48 h
// away and the notices of sessions a trainer has cancelled (each once).
import type { Config } from '@netlify/functions';
import { runSessionNotices } from '../../src/server/handlers/session-notices.ts';

export default async () => {
  await runSessionNotices();
};

export const config: Config = { schedule: '*/15 * * * *' };
