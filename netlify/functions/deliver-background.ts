// A longer drain (background functions may run 15 minutes), for a backlog after
// an outage: POST /.netlify/functions/deliver-background starts it.
import { runDrain } from '../../src/server/handlers/drain.ts';

export default async () => {
  await runDrain(10 * 60_000);
};
