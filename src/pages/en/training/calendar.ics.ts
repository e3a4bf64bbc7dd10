// Subscribable calendar of every upcoming session, in English.
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../calendar/feed-response.ts';
import { sessions } from '../../../lib/content.ts';
import { pathTo } from '../../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) =>
  feedResponse({
    sessions: (await sessions()).map((entry) => entry.data),
    locale: 'en',
    site,
    trainingPath: pathTo('en', { name: 'training' }),
  });
