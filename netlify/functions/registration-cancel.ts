// /api/registrations/cancel: GET shows the confirmation of a cancellation link, POST cancels.
import type { Config, Context } from '@netlify/functions';
import { handleCancel } from '../../src/server/handlers/registrations.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint((req: Request, context: Context) => handleCancel(req, context));

export const config: Config = {
  path: '/api/registrations/cancel',
  method: ['GET', 'POST'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
