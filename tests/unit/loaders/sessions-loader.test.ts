// The Astro side of the loader, with a stand-in for the context Astro gives it:
// entries keyed by slug, each through parseData (the collection's schema).
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
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

describe('sessionsLoader', () => {
  it('stores the repository sessions under their slugs, each parsed by the collection schema', async () => {
    const { ctx, entries, parsed, logged } = context();

    await sessionsLoader({ env: {} }).load(ctx);

    expect([...entries.keys()]).toContain('2027-01-16-accueil-benevoles-calais');
    expect(parsed).toEqual([...entries.keys()]);
    const entry = entries.get('2027-01-16-accueil-benevoles-calais');
    expect(entry?.data).toMatchObject({
      timeZone: 'Europe/Paris',
      status: 'scheduled',
      delegation: 'calais',
    });
    expect(entry?.filePath).toBe('content/sessions/2027-01-volunteer-induction-calais.yaml');
    expect(entry?.digest).toBeDefined();
    expect(logged.at(-1)).toMatch(/^\d+ sessions from content\/sessions\/$/);
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
