// A longer drain (background functions may run 15 minutes), for a backlog after
// an outage: the drainer holds the writer lease for up to 10 minutes. Anyone can POST to a background function, so it runs only for a
// request signed with SIGNING_SECRET: `npm run function -- deliver-background URL`.
import { runDrain } from '../../src/server/handlers/drain.ts';
import { internalFunction } from '../../src/server/handlers/internal.ts';

export default internalFunction('deliver-background', 'background', () => runDrain(10 * 60_000));
