// GET /api/health: which adapters the configuration selects, or which
// variables are wrong (names only, never values); and the sessions whose
// trainer lowered the capacity below the seats already given (nobody loses a
// seat: the trainer is told here, by slug and counts, never a name).
import { ConfigError, loadConfig } from '../config.ts';
import { json } from '../http.ts';
import { errorCode } from '../log.ts';
import type { OverCapacity } from '../registrations/notify.ts';
import { adapterNames } from '../services.ts';

export async function handleHealth(
  env: Record<string, string | undefined> = process.env,
  overCapacity?: () => Promise<OverCapacity[]>,
): Promise<Response> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return json({ status: 'error', problems: error.problems }, { status: 503 });
  }
  const answer = { status: 'ok', adapters: adapterNames(config) };
  if (overCapacity === undefined) return json(answer);
  try {
    return json({ ...answer, sessionsOverCapacity: await overCapacity() });
  } catch (error) {
    // The adapters are fine; the seat ledger or the catalogue could not be read now.
    return json({ ...answer, sessionsOverCapacity: null, seatsError: errorCode(error) });
  }
}
