// Upcoming sessions for the welcome email, read from the site's published list
// (SITE_URL/sessions.json, built from content/sessions/). The email links to
// the training page anyway, so any failure here just leaves the list out.
import { z } from 'zod';
import type { Locale } from '../schemas/common.ts';
import type { SessionLink } from './emails/welcome.ts';
import type { ApplicationRecord } from './ports.ts';
import { sitePath } from './site-paths.ts';

export const sessionsFeedPath = '/sessions.json';

const feedSchema = z.array(
  z.object({
    slug: z.string(),
    title: z.object({ fr: z.string(), en: z.string() }),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    place: z.object({ name: z.string() }).optional(),
    audience: z.enum(['volunteers', 'observers', 'all']),
    status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
  }),
);
type FeedSession = z.infer<typeof feedSchema>[number];

const online: Record<Locale, string> = { fr: 'en ligne', en: 'online' };

/** The next few sessions open to this applicant, after the day they applied. */
export function pickSessions(
  sessions: readonly FeedSession[],
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

/** Reads the feed with a short timeout; the list is cached per process for a few minutes. */
export function sessionsFromSite(siteUrl: string, fetchImpl: typeof fetch = fetch) {
  let cache: { at: number; sessions: FeedSession[] } | undefined;
  return async (record: ApplicationRecord): Promise<SessionLink[]> => {
    if (cache === undefined || Date.now() - cache.at > 5 * 60_000) {
      const response = await fetchImpl(`${siteUrl}${sessionsFeedPath}`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (!response.ok) throw new Error(`sessions_feed_${response.status}`);
      cache = { at: Date.now(), sessions: feedSchema.parse(await response.json()) };
    }
    return pickSessions(cache.sessions, record, siteUrl);
  };
}
