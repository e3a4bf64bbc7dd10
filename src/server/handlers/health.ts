// GET /api/health: which adapters the configuration selects, or which
// variables are wrong (names only, never values).
import { ConfigError, loadConfig } from '../config.ts';
import { json } from '../http.ts';
import { adapterNames } from '../services.ts';

export function handleHealth(env: Record<string, string | undefined> = process.env): Response {
  try {
    const config = loadConfig(env);
    return json({ status: 'ok', adapters: adapterNames(config) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return json({ status: 'error', problems: error.problems }, { status: 503 });
  }
}
