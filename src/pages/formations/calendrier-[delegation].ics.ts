// Subscribable calendar of one delegation's upcoming sessions, in French:
// /formations/calendrier-calais.ics, /formations/calendrier-grande-synthe.ics.
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../calendar/feed-response.ts';
import { delegations, sessions } from '../../lib/content.ts';
import { keyOf } from '../../lib/entries.ts';
import { pathTo } from '../../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await delegations('fr')).map((entry) => ({
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
    locale: 'fr',
    site,
    trainingPath: pathTo('fr', { name: 'training' }),
    delegation: { key: params.delegation, name: props.name },
  });
