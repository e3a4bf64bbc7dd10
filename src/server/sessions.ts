// Upcoming sessions, read from the site's published list (SITE_URL/sessions.json,
// built from content/sessions/): for the welcome email (which links to the
// training page anyway, so a failure just leaves the list out) and as the
// catalogue of sessions open to registration.
import { z } from 'zod';
import type { Locale } from '../schemas/common.ts';
import type { SessionLink } from './emails/welcome.ts';
import { sessionSchema, type SessionData } from '../schemas/session.ts';
import { sessionInstants } from '../calendar/session-instants.ts';
import type { ApplicationRecord, SessionCatalog } from './ports.ts';
import { sitePath } from './site-paths.ts';

export const sessionsFeedPath = '/sessions.json';

/** What the welcome email needs of a session. */
type SessionSummary = Pick<
  SessionData,
  'slug' | 'title' | 'start' | 'place' | 'audience' | 'status'
>;

const online: Record<Locale, string> = { fr: 'en ligne', en: 'online' };

/** The next few sessions open to this applicant, after the day they applied. */
export function pickSessions(
  sessions: readonly SessionSummary[],
  record: ApplicationRecord,
  siteUrl: string,
  max = 3,
): SessionLink[] {
  const audience = record.kind === 'volunteer' ? 'volunteers' : 'observers';
  const after = record.submittedAt.slice(0, 16);
  return sessions
    .filter(
      (s) =>
        s.status === 'scheduled' &&
        (s.audience === audience || s.audience === 'all') &&
        s.start > after,
    )
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, max)
    .map((s) => ({
      title: s.title[record.locale],
      start: s.start,
      place: s.place?.name ?? online[record.locale],
      url: `${siteUrl}${sitePath('training', record.locale)}#${s.slug}`,
    }));
}

/** The feed's JSON, fetched with a short timeout and kept per process for `ttlMs`. */
function cachedFeed(siteUrl: string, fetchImpl: typeof fetch, ttlMs: number) {
  let cache: { at: number; body: unknown } | undefined;
  return async (): Promise<unknown> => {
    if (cache === undefined || Date.now() - cache.at > ttlMs) {
      const response = await fetchImpl(`${siteUrl}${sessionsFeedPath}`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (!response.ok) throw new Error(`sessions_feed_${response.status}`);
      cache = { at: Date.now(), body: await response.json() };
    }
    return cache.body;
  };
}

/** The welcome email's list, picked from the catalogue (one fetch and one cache for both uses). */
export function sessionsForWelcome(catalog: SessionCatalog, siteUrl: string) {
  return async (record: ApplicationRecord): Promise<SessionLink[]> =>
    pickSessions(await catalog.upcoming(), record, siteUrl);
}

const catalogSchema = z.array(z.unknown());

/**
 * The sessions open to registration, from the same feed, cached for a minute:
 * a session cancelled or changed on the site stops taking registrations within
 * a minute of the rebuild. A session that has started is no longer open.
 */
export function sessionCatalogFromSite(
  siteUrl: string,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): SessionCatalog {
  const feed = cachedFeed(siteUrl, fetchImpl, 60_000);
  const published = async (): Promise<SessionData[]> =>
    catalogSchema.parse(await feed()).flatMap((entry) => {
      const parsed = sessionSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  const notOver = (session: SessionData) => sessionInstants(session).end.getTime() > now();
  return {
    async find(slug: string): Promise<SessionData | null> {
      const session = (await published()).find((s) => s.slug === slug);
      return session !== undefined && notOver(session) ? session : null;
    },
    async upcoming(): Promise<SessionData[]> {
      return (await published()).filter(notOver);
    },
  };
}
