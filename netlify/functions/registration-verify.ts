// /api/registrations/verify: the emailed link that confirms a registration's
// address. GET shows a button, POST confirms: a seat, or the waiting list.
import type { Config, Context } from '@netlify/functions';
import { handleVerify } from '../../src/server/handlers/registrations.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint((req: Request, context: Context) => handleVerify(req, context));

export const config: Config = {
  path: '/api/registrations/verify',
  method: ['GET', 'POST'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
