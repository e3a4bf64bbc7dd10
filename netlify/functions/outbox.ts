// GET /api/outbox and /api/outbox/:id: the local outbox (404 when Resend sends the emails).
import type { Config, Context } from '@netlify/functions';
import { handleOutbox } from '../../src/server/handlers/outbox.ts';

export default (req: Request, context: Context) => handleOutbox(req, context.params['id']);

export const config: Config = { path: ['/api/outbox', '/api/outbox/:id'], method: 'GET' };
