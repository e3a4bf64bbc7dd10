// Where the build takes its sessions from, and how a bad record stops it:
// the Airtable table (against the fake) when configured, the files otherwise.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSessions } from '../../../src/loaders/session-source.ts';
import { createRateLimiter } from '../../../src/server/retry.ts';
import { FakeAirtable } from '../../fakes/fake-airtable.ts';
import { sessionRow, sessionRowWithout, sessionsTable } from './sessions-table.ts';

let fake: FakeAirtable | undefined;
let root: string | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (root !== undefined) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A project folder with the two delegation pages and these session files. */
async function project(files: Record<string, string> = {}): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'sessions-'));
  await mkdir(join(root, 'content/sessions'), { recursive: true });
  await mkdir(join(root, 'content/delegations/fr'), { recursive: true });
  for (const key of ['calais', 'grande-synthe']) {
    await writeFile(join(root, 'content/delegations/fr', `${key}.mdx`), '---\n---\n');
  }
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(root, 'content/sessions', name), text);
  }
  return root;
}

async function airtable(rows: Record<string, unknown>[]) {
  const started = await FakeAirtable.start({ tables: [sessionsTable], ratePerSecond: null });
  fake = started;
  const ids = rows.map((fields) => started.insert('Sessions', fields).id);
  /** The record id of the row at `index`. */
  const recordId = (index: number): string => ids[index] ?? 'missing';
  const env = {
    AIRTABLE_API_KEY: started.apiKey,
    AIRTABLE_BASE_ID: started.baseId,
    AIRTABLE_ENDPOINT_URL: started.url,
  };
  const overrides = {
    limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'airtable_paced' }),
  };
  return { env, recordId, overrides };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the load to fail');
}

const yamlSession = (slug: string, extra = '') => `title:
  fr: Accueil des nouveaux bénévoles
  en: Induction for new volunteers
slug: ${slug}
description:
  fr: Une matinée pour découvrir la délégation.
  en: A morning to get to know the delegation.
start: 2027-01-16T09:30
durationMinutes: 180
place:
  name:
    fr: Délégation de Calais
    en: Calais delegation
  address: 62100 Calais
delegation: calais
audience: volunteers
capacity: 16
trainerRole:
  fr: Coordinatrice bénévoles
  en: Volunteer coordinator
${extra}`;

describe('loadSessions from Airtable', () => {
  it('reads valid rows as sessions whose ids are their slugs', async () => {
    const { env, overrides } = await airtable([
      sessionRow(),
      sessionRow({
        Slug: 'echange-grande-synthe',
        Start: '2027-02-13T13:00:00.000Z',
        Delegation: 'Grande-Synthe',
      }),
    ]);

    const loaded = await loadSessions({ root: await project(), env, airtable: overrides });

    expect(loaded.origin).toBe('airtable');
    expect(loaded.sessions.map((s) => s.id)).toEqual([
      'accueil-benevoles-calais',
      'echange-grande-synthe',
    ]);
    expect(loaded.sessions[1]?.data).toMatchObject({
      start: '2027-02-13T14:00',
      delegation: 'grande-synthe',
    });
  });

  it('ignores the session files when Airtable is configured', async () => {
    const { env, overrides } = await airtable([sessionRow()]);

    const loaded = await loadSessions({
      root: await project({ 'other.yaml': yamlSession('from-a-file') }),
      env,
      airtable: overrides,
    });

    expect(loaded.sessions.map((s) => s.id)).toEqual(['accueil-benevoles-calais']);
  });

  it('fails naming the record, its slug and each bad column', async () => {
    const bad = sessionRow({ Slug: 'bad-one', Start: '2027-01-16', Capacity: 0 });
    const { env, recordId, overrides } = await airtable([sessionRow(), bad]);

    const message = await failure(
      loadSessions({ root: await project(), env, airtable: overrides }),
    );

    expect(message).toContain(`Airtable "Sessions" record ${recordId(1)} (slug "bad-one")`);
    expect(message).toMatch(/"Start": write a local date and time/);
    expect(message).toMatch(/"Capacity": /);
    expect(message).not.toContain(recordId(0));
  });

  it('fails on a translation left empty, naming the row and the column', async () => {
    const untranslated = sessionRow({
      Slug: 'induction-calais',
      'Place name (EN)': '  ',
      'Notes (FR)': 'Apportez une pièce d’identité.',
    });
    const { env, recordId, overrides } = await airtable([untranslated]);

    const message = await failure(
      loadSessions({ root: await project(), env, airtable: overrides }),
    );

    expect(message).toContain(
      `Airtable "Sessions" record ${recordId(0)} (slug "induction-calais"):\n  - "Place name (EN)": empty\n  - "Notes (EN)": empty`,
    );
  });

  it('names a record without a slug by its record id alone', async () => {
    const { env, recordId, overrides } = await airtable([sessionRowWithout('Slug')]);

    const message = await failure(
      loadSessions({ root: await project(), env, airtable: overrides }),
    );

    expect(message).toContain(`record ${recordId(0)}:`);
    expect(message).toContain('"Slug": ');
  });

  it('fails on a delegation with no page, listing the known ones', async () => {
    const { env, overrides } = await airtable([sessionRow({ Delegation: 'Dunkerque' })]);

    const message = await failure(
      loadSessions({ root: await project(), env, airtable: overrides }),
    );

    expect(message).toMatch(
      /"Delegation": unknown delegation "dunkerque" \(known: calais, grande-synthe\)/,
    );
  });

  it('fails on two records with the same slug, naming both', async () => {
    const { env, recordId, overrides } = await airtable([sessionRow(), sessionRow()]);

    const message = await failure(
      loadSessions({ root: await project(), env, airtable: overrides }),
    );

    expect(message).toContain(`record ${recordId(1)}`);
    expect(message).toContain(`already the slug of Airtable "Sessions" record ${recordId(0)}`);
  });

  it('leaves drafts and blank rows out without validating them', async () => {
    const { env, overrides } = await airtable([
      sessionRow(),
      { Status: 'Draft', Slug: 'half typed' },
      {},
    ]);

    const loaded = await loadSessions({ root: await project(), env, airtable: overrides });

    expect(loaded.sessions).toHaveLength(1);
    expect(loaded.skipped).toBe(2);
  });

  it('stops the build, token unsaid, when Airtable refuses the token', async () => {
    const { env, overrides } = await airtable([sessionRow()]);

    const message = await failure(
      loadSessions({
        root: await project(),
        env: { ...env, AIRTABLE_API_KEY: 'patWRONG0000000' },
        airtable: overrides,
      }),
    );

    expect(message).toMatch(/Could not read the Airtable table "Sessions" \(airtable_401/);
    expect(message).not.toContain('patWRONG');
  });
});

describe('loadSessions from files', () => {
  it('reads every YAML and JSON file of content/sessions as a session named by its slug', async () => {
    const json = JSON.stringify({ ...{ slug: 'online' }, ...onlineJson() });
    const dir = await project({
      'a.yaml': yamlSession('first', 'status: cancelled\n'),
      'b.json': json,
      'notes.txt': 'x',
    });

    const loaded = await loadSessions({ root: dir, env: {} });

    expect(loaded.origin).toBe('files');
    expect(loaded.sessions.map((s) => [s.id, s.filePath, s.data.status])).toEqual([
      ['first', 'content/sessions/a.yaml', 'cancelled'],
      ['online', 'content/sessions/b.json', 'scheduled'],
    ]);
    expect(loaded.sessions[0]?.data.start).toBe('2027-01-16T09:30');
  });

  it('fails naming the file and the field of a bad session', async () => {
    const dir = await project({
      'good.yaml': yamlSession('good'),
      'bad.yaml': yamlSession('bad').replace('capacity: 16', 'capacity: lots'),
    });

    const message = await failure(loadSessions({ root: dir, env: {} }));

    expect(message).toMatch(/content\/sessions\/bad\.yaml:\n\s+- capacity: /);
    expect(message).not.toContain('good.yaml');
  });

  it('fails on a translation left out, naming the file and the field', async () => {
    const dir = await project({
      'induction.yaml': yamlSession('induction-calais').replace(
        '  en: Volunteer coordinator\n',
        '',
      ),
    });

    const message = await failure(loadSessions({ root: dir, env: {} }));

    expect(message).toMatch(/content\/sessions\/induction\.yaml:\n\s+- trainerRole\.en: missing/);
  });

  it('fails naming the file and line of broken YAML', async () => {
    const dir = await project({ 'broken.yaml': 'title:\n  fr: "unclosed\nslug: x\n' });

    const message = await failure(loadSessions({ root: dir, env: {} }));

    expect(message).toMatch(/content\/sessions\/broken\.yaml: not valid YAML \(line \d+\)/);
  });

  it('reads the sessions the repository ships', async () => {
    const loaded = await loadSessions({ root: process.cwd(), env: {} });

    expect(loaded.sessions.length).toBeGreaterThanOrEqual(3);
    expect(loaded.sessions.every((s) => s.filePath?.startsWith('content/sessions/'))).toBe(true);
  });

  it('names the missing variable when only half of the Airtable settings are given', async () => {
    const message = await failure(
      loadSessions({ root: await project(), env: { AIRTABLE_API_KEY: 'pat1234567890' } }),
    );

    expect(message).toMatch(/^AIRTABLE_BASE_ID is not set/);
  });
});

function onlineJson() {
  return {
    title: { fr: 'Préparer sa venue', en: 'Preparing your visit' },
    description: { fr: 'Une séance en ligne.', en: 'An online session.' },
    start: '2027-03-11T18:30',
    durationMinutes: 90,
    videoLink: 'https://visio.example/abc',
    delegation: 'calais',
    audience: 'observers',
    capacity: 20,
    trainerRole: { fr: 'Chargée de plaidoyer', en: 'Advocacy officer' },
  };
}
