// GET /api/sessions/:slug/seats: seats left, for the session page's script.
import type { Config, Context } from '@netlify/functions';
import { handleSeats } from '../../src/server/handlers/registrations.ts';
import { endpoint } from '../../src/server/endpoint.ts';

// A count of seats holds no personal data: its short public cache is kept.
export default endpoint(
  (_req: Request, context: Context) => handleSeats(context.params['slug'] ?? ''),
  { cacheable: true },
);

export const config: Config = {
  path: '/api/sessions/:slug/seats',
  method: 'GET',
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
