// Subscribable calendar of every upcoming session, in French.
import type { APIRoute } from 'astro';
import { sessionCalendarResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => sessionCalendarResponse('fr', site);
