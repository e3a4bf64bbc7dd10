// GET /api/outbox and /api/outbox/:id: the local outbox (404 when Resend sends the emails).
import type { Config, Context } from '@netlify/functions';
import { handleOutbox } from '../../src/server/handlers/outbox.ts';
import { endpoint } from '../../src/server/endpoint.ts';

// The emails it shows keep their inline style attributes.
export default endpoint(
  (req: Request, context: Context) => handleOutbox(req, context.params['id']),
  { html: 'email' },
);

export const config: Config = { path: ['/api/outbox', '/api/outbox/:id'], method: 'GET' };
