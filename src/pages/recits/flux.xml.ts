// The French stories as RSS 2.0, for feed readers.
import type { APIRoute } from 'astro';
import { storiesRssResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => storiesRssResponse('fr', site);
