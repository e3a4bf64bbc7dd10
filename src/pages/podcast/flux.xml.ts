// The podcast's feed in French, for podcast apps (fileTo('fr', { name: 'podcastFeed' })).
import type { APIRoute } from 'astro';
import { podcastFeedResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => podcastFeedResponse('fr', site);
