// Upcoming sessions, from the catalog the build leaves beside the functions
// (built from content/sessions/ or Airtable): for the welcome email (which
// links to the training page anyway, so a failure just leaves the list out)
// and as the catalogue of sessions open to registration.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { t } from '../i18n/index.ts';
import type { SessionLink } from './emails/welcome.ts';
import { sessionSchema, type SessionData } from '../schemas/session.ts';
import { sessionInstants } from '../calendar/session-instants.ts';
import { PermanentError } from './errors.ts';
import type { ApplicationRecord, SessionCatalog } from './ports.ts';
import { sitePath } from './site-paths.ts';

/** What the welcome email needs of a session. */
type SessionSummary = Pick<
  SessionData,
  'slug' | 'title' | 'start' | 'place' | 'audience' | 'status'
>;

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
      place: s.place?.name[record.locale] ?? t(record.locale, 'email.sessionOnline'),
      url: `${siteUrl}${sitePath('training', record.locale)}#${s.slug}`,
    }));
}

/**
 * Where the build leaves the sessions for the functions, from the project's
 * root: written by the sessions loader (src/loaders/sessions-loader.ts) on
 * every build and under `astro dev`, and bundled with the functions deployed
 * (netlify.toml, `included_files`). A registration thus never waits on an HTTP
 * call to our own site, which timed out under load.
 */
export const sessionCatalogPath = 'netlify/generated/sessions.json';

/** Writes the catalog: every published session, by slug (the reader drops those that are over). */
export function writeSessionCatalog(file: string, sessions: readonly unknown[]): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside then renamed: a function reading meanwhile sees the old list or the new one.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(sessions, null, 2)}\n`);
  renameSync(aside, file);
}

/** The welcome email's list, picked from the catalogue (one reader for both uses). */
export function sessionsForWelcome(catalog: SessionCatalog, siteUrl: string) {
  return async (record: ApplicationRecord): Promise<SessionLink[]> =>
    pickSessions(await catalog.upcoming(), record, siteUrl);
}

const catalogSchema = z.array(z.unknown());

/**
 * The sessions open to registration, from the catalog file the build wrote,
 * read again when it changes (a rebuild under `astro dev`). A session that has
 * ended is no longer open. A missing or unreadable file is a deploy error: it
 * throws a PermanentError (a fixed 500 and a log line), never an empty list
 * that would look like "no such session".
 */
export function sessionCatalogFromFile(file: string, now: () => number = Date.now): SessionCatalog {
  let cache: { mtimeMs: number; sessions: SessionData[] } | undefined;
  const published = (): SessionData[] => {
    try {
      const { mtimeMs } = statSync(file);
      if (cache?.mtimeMs === mtimeMs) return cache.sessions;
      const entries = catalogSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const sessions = entries.flatMap((entry) => {
        const parsed = sessionSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
      cache = { mtimeMs, sessions };
      return sessions;
    } catch {
      throw new PermanentError('sessions_catalog_unreadable');
    }
  };
  const notOver = (session: SessionData) => sessionInstants(session).end.getTime() > now();
  // Through a promise, so that a catalog that cannot be read rejects instead of throwing.
  return {
    find: (slug: string) =>
      Promise.resolve().then(() => {
        const session = published().find((s) => s.slug === slug);
        return session !== undefined && notOver(session) ? session : null;
      }),
    upcoming: () => Promise.resolve().then(() => published().filter(notOver)),
  };
}
