// One schema of the environment (src/env.ts): the README's table and
// .env.example name exactly its variables, and build and functions read a
// value the same way.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  airtableAccess,
  ConfigError,
  envSchema,
  providedByNetlify,
  readEnv,
  readVariable,
} from '../../../src/env.ts';
import { airtableConfigFromEnv } from '../../../src/loaders/airtable-sessions.ts';
import { loadConfig } from '../../../src/server/config.ts';

const declared = Object.keys(envSchema.shape).sort();
const setByPeople = declared.filter(
  (name) => !(providedByNetlify as readonly string[]).includes(name),
);

describe('the environment schema', () => {
  it('is what the README table lists, row for row', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Environment variables'));
    const table = section.slice(0, section.indexOf('\n## '));
    const rows = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort();

    expect(rows).toEqual(setByPeople);
  });

  it('declares every variable .env.example sets', async () => {
    const example = await readFile('.env.example', 'utf8');
    const names = [...example.matchAll(/^#? ?([A-Z][A-Z_]+)=/gm)].map((m) => m[1]);

    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(declared).toContain(name);
  });

  it('reads a value pasted with spaces or a newline as the same value, and an empty one as unset', () => {
    const env = readEnv({
      AIRTABLE_API_KEY: ' patABCDEFGHIJ.secret\n',
      AIRTABLE_BASE_ID: 'appAAAAAAAAAAAAAA\n',
      RESEND_BASE_URL: 'http://127.0.0.1:9000/',
      MAIL_FROM: '',
    });

    expect(env.AIRTABLE_API_KEY).toBe('patABCDEFGHIJ.secret');
    expect(env.RESEND_BASE_URL).toBe('http://127.0.0.1:9000');
    expect(env.MAIL_FROM).toBeUndefined();
    expect(airtableAccess(env)).toEqual({
      apiKey: 'patABCDEFGHIJ.secret',
      baseId: 'appAAAAAAAAAAAAAA',
    });
  });

  it('gives the build and the functions the same Airtable settings, or the same refusal', () => {
    const pasted = {
      AIRTABLE_API_KEY: 'patABCDEFGHIJ.secret\n',
      AIRTABLE_BASE_ID: ' appAAAAAAAAAAAAAA',
      AIRTABLE_ENDPOINT_URL: 'http://127.0.0.1:8861/',
      SIGNING_SECRET: 'x'.repeat(32),
      COORDINATOR_EMAIL: 'coordination@example.org',
      LOCAL_DATA_DIR: '.data/never-written',
    };
    const { kind, ...functions } = loadConfig(pasted).store;

    expect(kind).toBe('airtable');
    expect(functions).toEqual(airtableConfigFromEnv(pasted));

    const half = { AIRTABLE_BASE_ID: 'appAAAAAAAAAAAAAA' };
    expect(() => airtableConfigFromEnv(half)).toThrow(/^AIRTABLE_API_KEY is not set/);
    try {
      loadConfig({ ...half, LOCAL_DATA_DIR: '.data/never-written' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toContain('AIRTABLE_API_KEY');
    }
  });

  it('names a malformed variable without its value', () => {
    expect(() =>
      readVariable('CMS_GITHUB_REPO', { CMS_GITHUB_REPO: 'https://x.org/secret' }),
    ).toThrow(/^CMS_GITHUB_REPO must be/);
    expect(() => readEnv({ SIGNING_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
