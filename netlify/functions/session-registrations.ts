// POST /api/sessions/:slug/registrations: a registration for a training session.
import type { Config, Context } from '@netlify/functions';
import { handleRegistration } from '../../src/server/handlers/registrations.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint((req: Request, context: Context) =>
  handleRegistration(req, context, context.params['slug'] ?? ''),
);

export const config: Config = {
  path: '/api/sessions/:slug/registrations',
  method: 'POST',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
