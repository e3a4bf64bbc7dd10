// The HTTP answer of a feed endpoint: the upcoming sessions (of one delegation,
// or all), as an iCalendar file. Pure, so that the four endpoint files under
// src/pages/ stay a few lines of content lookup each.
import type { Locale } from '../schemas/common.ts';
import type { SessionData } from '../schemas/session.ts';
import { feedName, feedPath } from './feed-paths.ts';
import { buildFeed, feedContentType } from './ics.ts';
import { upcomingSessions } from './session-instants.ts';
import { uidDomainOf } from './uid.ts';

export interface FeedRequest {
  sessions: readonly SessionData[];
  locale: Locale;
  /** The site's public address (Astro's `site`). */
  site: URL | string | undefined;
  /** Root-relative path of the sessions page in `locale`; a session's URL is this page with its slug as fragment. */
  trainingPath: string;
  /** Only this delegation's sessions, named in the calendar's title. */
  delegation?: { key: string; name: string };
  /** "Upcoming" is judged at this instant: the build's. Default now. */
  now?: Date;
}

export function feedResponse(request: FeedRequest): Response {
  if (request.site === undefined)
    throw new Error('The feeds need `site` in astro.config.mjs for their absolute URLs.');
  const site = request.site;
  const now = request.now ?? new Date();
  const chosen = upcomingSessions(
    request.delegation === undefined
      ? request.sessions
      : request.sessions.filter((session) => session.delegation === request.delegation?.key),
    now,
  );
  const body = buildFeed(chosen, request.locale, {
    name: feedName(request.locale, request.delegation?.name),
    url: new URL(feedPath(request.locale, request.delegation?.key), site).href,
    sessionUrl: (session) => new URL(`${request.trainingPath}#${session.slug}`, site).href,
    uidDomain: uidDomainOf(site),
    now,
  });
  return new Response(body, { headers: { 'Content-Type': feedContentType } });
}
