// Subscribable calendar of every upcoming session, in English.
import type { APIRoute } from 'astro';
import { sessionCalendarResponse } from '../../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => sessionCalendarResponse('en', site);
