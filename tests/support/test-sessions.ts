// The browser tests' own training sessions, dated from the day the site is
// built for them, so that no test depends on the dates of shipped content (a
// shipped session leaves the site once it is over). `npm run build:test` runs
// this file, which writes them to .data/test-sessions/, then builds the site
// with SESSIONS_EXTRA_DIR naming that folder; production builds never read it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** The folder, from the project's root. */
export const testSessionsDir = '.data/test-sessions';

/** A session open to registration, with seats enough for every run on a kept test server. */
export const openSession = {
  slug: 'essai-accueil-benevoles-calais',
  title: { fr: 'Séance d’essai : accueil des bénévoles', en: 'Test session: volunteer induction' },
  daysAhead: 21,
  capacity: 500,
};

/** The day `days` from today, YYYY-MM-DD (UTC: a few hours either way do not matter here). */
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function writeTestSessions(root: string): void {
  const dir = join(root, testSessionsDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const session = {
    title: openSession.title,
    slug: openSession.slug,
    description: {
      fr: 'Une séance créée pour les tests du site, datée du jour où il a été construit.',
      en: 'A session made for the site’s tests, dated from the day it was built.',
    },
    start: `${inDays(openSession.daysAhead)}T09:30`,
    timeZone: 'Europe/Paris',
    durationMinutes: 120,
    place: {
      name: { fr: 'Délégation de Calais', en: 'Calais delegation' },
      address: '62100 Calais',
    },
    delegation: 'calais',
    audience: 'volunteers',
    capacity: openSession.capacity,
    trainerRole: { fr: 'Équipe de test', en: 'Test team' },
    notes: {
      fr: 'Apportez de quoi écrire.',
      en: 'Bring something to write with.',
    },
    status: 'scheduled',
  };
  writeFileSync(join(dir, `${openSession.slug}.yaml`), stringify(session));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeTestSessions(join(import.meta.dirname, '..', '..'));
}
