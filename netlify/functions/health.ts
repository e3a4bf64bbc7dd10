// GET /api/health: the adapters in use, or the configuration variables to fix,
// and the sessions with more seats given than their capacity.
import type { Config } from '@netlify/functions';
import { handleHealth } from '../../src/server/handlers/health.ts';
import { endpoint } from '../../src/server/endpoint.ts';
import { sessionsOverCapacity } from '../../src/server/registrations/notify.ts';
import { getServices } from '../../src/server/services.ts';

export default endpoint(() =>
  handleHealth(process.env, () => sessionsOverCapacity(getServices().registrations)),
);

export const config: Config = { path: '/api/health', method: 'GET' };
