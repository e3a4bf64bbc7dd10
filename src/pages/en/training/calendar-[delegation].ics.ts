// Subscribable calendar of one delegation's upcoming sessions, in English:
// /en/training/calendar-calais.ics, /en/training/calendar-grande-synthe.ics.
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../calendar/feed-response.ts';
import { delegations, sessions } from '../../../lib/content.ts';
import { keyOf } from '../../../lib/entries.ts';
import { pathTo } from '../../../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await delegations('en')).map((entry) => ({
    params: { delegation: keyOf(entry.id) },
    props: { name: entry.data.title },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { delegation: string }> = async ({
  site,
  params,
  props,
}) =>
  feedResponse({
    sessions: (await sessions()).map((entry) => entry.data),
    locale: 'en',
    site,
    trainingPath: pathTo('en', { name: 'training' }),
    delegation: { key: params.delegation, name: props.name },
  });
