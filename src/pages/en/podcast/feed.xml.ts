// The podcast's feed in English, for podcast apps (fileTo('en', { name: 'podcastFeed' })).
import type { APIRoute } from 'astro';
import { podcastFeedResponse } from '../../../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => podcastFeedResponse('en', site);
