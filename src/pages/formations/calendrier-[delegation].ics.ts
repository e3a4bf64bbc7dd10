// Subscribable calendar of one delegation's upcoming sessions, in French:
// /formations/calendrier-calais.ics, /formations/calendrier-grande-synthe.ics.
import type { APIRoute, GetStaticPaths } from 'astro';
import { delegationCalendarPaths, sessionCalendarResponse } from '../../lib/feeds.ts';

export const getStaticPaths = (() => delegationCalendarPaths('fr')) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { delegation: string }> = ({ site, params, props }) =>
  sessionCalendarResponse('fr', site, { key: params.delegation, name: props.name });
