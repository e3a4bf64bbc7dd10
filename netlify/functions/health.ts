// GET /api/health: the adapters in use, or the configuration variables to fix.
import type { Config } from '@netlify/functions';
import { handleHealth } from '../../src/server/handlers/health.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint(() => handleHealth());

export const config: Config = { path: '/api/health', method: 'GET' };
