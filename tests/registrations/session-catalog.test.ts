// The sessions open to registration, read from the catalog file the build
// leaves beside the functions (never from the site over HTTP).
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/server/errors.ts';
import { sessionCatalogFromFile, writeSessionCatalog } from '../../src/server/sessions.ts';
import { sessionPath, sitePath } from '../../src/server/site-paths.ts';
import { sessionData } from './builders.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdm-catalog-'));
  file = join(dir, 'generated', 'sessions.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const before = () => Date.parse('2027-01-01T00:00:00Z');

describe('the session catalogue', () => {
  it('finds a published session by slug, with its capacity and status', async () => {
    writeSessionCatalog(file, [sessionData({ capacity: 12, status: 'cancelled' })]);
    const catalog = sessionCatalogFromFile(file, before);

    const session = await catalog.find('induction-calais');

    expect(session).toMatchObject({ capacity: 12, status: 'cancelled' });
    expect(await catalog.find('something-else')).toBeNull();
  });

  it('no longer offers a session once it has started and ended', async () => {
    writeSessionCatalog(file, [sessionData()]);
    const catalog = sessionCatalogFromFile(file, () => Date.parse('2027-01-16T12:00:00Z'));

    expect(await catalog.find('induction-calais')).toBeNull();
  });

  it('lists the sessions not over yet, cancelled ones included, for the scheduled notices', async () => {
    writeSessionCatalog(file, [
      sessionData({ slug: 'past', start: '2026-12-01T09:30' }),
      sessionData({ slug: 'cancelled', status: 'cancelled' }),
      sessionData({ slug: 'next' }),
    ]);
    const catalog = sessionCatalogFromFile(file, before);

    const upcoming = await catalog.upcoming();

    expect(upcoming.map((s) => s.slug)).toEqual(['cancelled', 'next']);
  });

  it('reads the file again once a rebuild has rewritten it', async () => {
    writeSessionCatalog(file, [sessionData({ capacity: 12 })]);
    const catalog = sessionCatalogFromFile(file, before);
    await catalog.find('induction-calais');

    writeSessionCatalog(file, [sessionData({ capacity: 30 })]);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));

    expect(await catalog.find('induction-calais')).toMatchObject({ capacity: 30 });
  });

  it('leaves out an entry the schema refuses, keeping the others', async () => {
    writeSessionCatalog(file, [{ slug: 'broken' }, sessionData({ slug: 'fine' })]);
    const catalog = sessionCatalogFromFile(file, before);

    expect((await catalog.upcoming()).map((s) => s.slug)).toEqual(['fine']);
  });

  it('fails with a permanent error, not an empty list, when the build left no catalog', async () => {
    const catalog = sessionCatalogFromFile(join(dir, 'missing.json'), before);

    await expect(catalog.find('induction-calais')).rejects.toBeInstanceOf(PermanentError);
    writeFileSync(file.replace('generated/sessions.json', 'bad.json'), '{not json');
    await expect(
      sessionCatalogFromFile(join(dir, 'bad.json'), before).upcoming(),
    ).rejects.toMatchObject({ code: 'sessions_catalog_unreadable' });
  });

  it('links to session pages inside the training section, in each language', () => {
    expect(sessionPath('a-session', 'fr')).toBe(`${sitePath('training', 'fr')}a-session/`);
    expect(sessionPath('a-session', 'en')).toBe(`${sitePath('training', 'en')}a-session/`);
  });
});
