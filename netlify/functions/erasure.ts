// /api/erasure: GET shows the confirmation of an erasure link, POST erases.
import type { Config } from '@netlify/functions';
import { handleErasure } from '../../src/server/handlers/erasure.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint((req: Request) => handleErasure(req));

export const config: Config = {
  path: '/api/erasure',
  method: ['GET', 'POST'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
