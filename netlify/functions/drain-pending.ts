// Every minute: delivers the applications still pending (after a rate limit,
// an outage, or a crash between acceptance and delivery).
import type { Config } from '@netlify/functions';
import { runDrain } from '../../src/server/handlers/drain.ts';

export default async () => {
  await runDrain();
};

export const config: Config = { schedule: '* * * * *' };
