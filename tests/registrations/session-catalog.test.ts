// The sessions open to registration, read from the site's published feed.
import { describe, expect, it } from 'vitest';
import { sessionCatalogFromSite } from '../../src/server/sessions.ts';
import { sessionPath, sitePath } from '../../src/server/site-paths.ts';
import { sessionData } from './builders.ts';

const feed =
  (sessions: unknown[]): typeof fetch =>
  () =>
    Promise.resolve(new Response(JSON.stringify(sessions), { status: 200 }));

describe('the session catalogue', () => {
  it('finds a published session by slug, with its capacity and status', async () => {
    const catalog = sessionCatalogFromSite(
      'https://calais.example.org',
      feed([sessionData({ capacity: 12, status: 'cancelled' })]),
      () => Date.parse('2027-01-01T00:00:00Z'),
    );

    const session = await catalog.find('2027-01-16-induction');

    expect(session).toMatchObject({ capacity: 12, status: 'cancelled' });
    expect(await catalog.find('something-else')).toBeNull();
  });

  it('no longer offers a session once it has started and ended', async () => {
    const catalog = sessionCatalogFromSite(
      'https://calais.example.org',
      feed([sessionData()]),
      () => Date.parse('2027-01-16T12:00:00Z'),
    );

    expect(await catalog.find('2027-01-16-induction')).toBeNull();
  });

  it('lists the sessions not over yet, cancelled ones included, for the scheduled notices', async () => {
    const catalog = sessionCatalogFromSite(
      'https://calais.example.org',
      feed([
        sessionData({ slug: 'past', start: '2026-12-01T09:30' }),
        sessionData({ slug: 'cancelled', status: 'cancelled' }),
        sessionData({ slug: 'next' }),
      ]),
      () => Date.parse('2027-01-01T00:00:00Z'),
    );

    const upcoming = await catalog.upcoming();

    expect(upcoming.map((s) => s.slug)).toEqual(['cancelled', 'next']);
  });

  it('links to session pages inside the training section, in each language', () => {
    expect(sessionPath('a-session', 'fr')).toBe(`${sitePath('training', 'fr')}a-session/`);
    expect(sessionPath('a-session', 'en')).toBe(`${sitePath('training', 'en')}a-session/`);
  });
});
