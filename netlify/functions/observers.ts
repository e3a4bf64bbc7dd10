// POST /api/observers: a Speak Out observer application, from the form or as JSON.
import type { Config, Context } from '@netlify/functions';
import { handleApplication } from '../../src/server/handlers/applications.ts';
import { endpoint } from '../../src/server/endpoint.ts';

export default endpoint((req: Request, context: Context) =>
  handleApplication('observer', req, context),
);

// Literal values: Netlify reads this object from the source without running it.
// 10 posts a minute per address is plenty for people (an office behind one IP), not for a bot.
export const config: Config = {
  path: '/api/observers',
  method: 'POST',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
