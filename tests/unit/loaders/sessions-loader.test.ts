// The Astro side of the loader, with a stand-in for the context Astro gives it:
// entries keyed by slug, each through parseData (the collection's schema).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionsLoader } from '../../../src/loaders/sessions-loader.ts';
import { sessionSchema } from '../../../src/schemas/session.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
  filePath?: string;
}

function context() {
  const entries = new Map<string, StoredEntry>();
  const parsed: string[] = [];
  const logged: string[] = [];
  const ctx = {
    collection: 'sessions',
    store: {
      clear: () => {
        entries.clear();
      },
      set: (entry: StoredEntry) => {
        entries.set(entry.id, entry);
        return true;
      },
    },
    parseData: ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return Promise.resolve(sessionSchema.parse(data));
    },
    generateDigest: (data: unknown) => JSON.stringify(data).length.toString(36),
    logger: { info: (message: string) => logged.push(message), error: () => undefined },
    config: { root: pathToFileURL(`${process.cwd()}/`) },
  } as unknown as LoaderContext;
  return { ctx, entries, parsed, logged };
}

const fixtures = 'tests/unit/loaders/fixtures/sessions';
let tmp: string;
let catalog: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mdm-loader-'));
  catalog = join(tmp, 'sessions.json');
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('sessionsLoader', () => {
  it('stores the session files under their slugs, each parsed by the collection schema', async () => {
    const { ctx, entries, parsed, logged } = context();

    await sessionsLoader({ env: {}, sessionsDir: fixtures, catalogPath: catalog }).load(ctx);

    expect([...entries.keys()]).toEqual(['accueil-benevoles-calais']);
    expect(parsed).toEqual([...entries.keys()]);
    const entry = entries.get('accueil-benevoles-calais');
    expect(entry?.data).toMatchObject({
      timeZone: 'Europe/Paris',
      status: 'scheduled',
      delegation: 'calais',
    });
    expect(entry?.filePath).toBe(`${fixtures}/volunteer-induction-calais.yaml`);
    expect(entry?.digest).toBeDefined();
    expect(logged.at(-1)).toBe(`1 sessions from ${fixtures}/`);
  });

  it('leaves the parsed sessions for the functions in the catalog file', async () => {
    const { ctx, entries } = context();

    await sessionsLoader({ env: {}, sessionsDir: fixtures, catalogPath: catalog }).load(ctx);

    const written = JSON.parse(readFileSync(catalog, 'utf8')) as unknown[];
    expect(written).toEqual([entries.get('accueil-benevoles-calais')?.data]);
  });

  it('adds the sessions of SESSIONS_EXTRA_DIR when it is set', async () => {
    const { ctx, entries } = context();
    const extra = join(tmp, 'extra');
    mkdirSync(extra);
    const text = readFileSync(join(fixtures, 'volunteer-induction-calais.yaml'), 'utf8');
    writeFileSync(
      join(extra, 'other.yaml'),
      text.replace('slug: accueil-benevoles-calais', 'slug: other'),
    );

    await sessionsLoader({
      env: { SESSIONS_EXTRA_DIR: extra },
      sessionsDir: fixtures,
      catalogPath: catalog,
    }).load(ctx);

    expect([...entries.keys()]).toEqual(['accueil-benevoles-calais', 'other']);
  });

  it('stops the build when the sessions folder is missing, storing nothing', async () => {
    const { ctx, entries } = context();

    const load = sessionsLoader({ env: {}, sessionsDir: 'tests/unit/loaders/no-such-folder' }).load(
      ctx,
    );

    await expect(load).rejects.toThrow(/no-such-folder/);
    expect(entries.size).toBe(0);
  });
});
