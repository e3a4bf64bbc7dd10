// The French stories as JSON Feed 1.1, for feed readers.
import type { APIRoute } from 'astro';
import { storiesJsonResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => storiesJsonResponse('fr', site);
