// Subscribable calendar of one delegation's upcoming sessions, in English:
// /en/training/calendar-calais.ics, /en/training/calendar-grande-synthe.ics.
import type { APIRoute, GetStaticPaths } from 'astro';
import { delegationCalendarPaths, sessionCalendarResponse } from '../../../lib/feeds.ts';

export const getStaticPaths = (() => delegationCalendarPaths('en')) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { delegation: string }> = ({ site, params, props }) =>
  sessionCalendarResponse('en', site, { key: params.delegation, name: props.name });
