// `npm run airtable:check` against the fake Airtable's metadata endpoint.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAirtableBase } from '../../../scripts/airtable-check.ts';
import { FakeAirtable, type FakeTableDefinition } from '../../fakes/fake-airtable.ts';

const script = fileURLToPath(new URL('../../../scripts/airtable-check.ts', import.meta.url));
let fake: FakeAirtable | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function check(airtable: FakeAirtable, apiKey = airtable.apiKey) {
  return checkAirtableBase({ apiKey, baseId: airtable.baseId, endpointUrl: airtable.url });
}

describe('airtable:check', () => {
  it('passes a base that has every table and field', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });

    const report = await check(fake);

    expect(report.ok).toBe(true);
    expect(report.lines).toContain('✓ Table "Volunteers": 18 fields, records readable.');
    expect(report.lines.at(-1)).toBe('✓ The base is ready for the site.');
  });

  it('names a missing table, a missing field and a field of the wrong type', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });
    const [volunteers, observers] = fake.setTablesFromDefaults();
    const broken: FakeTableDefinition = {
      name: 'Volunteers',
      fields: (volunteers?.fields ?? [])
        .filter((field) => field.name !== 'Motivation')
        .map((field) =>
          field.name === 'Submitted at' ? { ...field, type: 'singleLineText' as const } : field,
        ),
    };
    fake.setTables([broken, ...(observers === undefined ? [] : [observers])]);

    const report = await check(fake);

    expect(report.ok).toBe(false);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        '✗ Table "Volunteers":',
        '    ✗ "Motivation" is missing: add it as Long text.',
        '    ✗ "Submitted at" is Single line text: make it Date (with "Include time" on).',
        '✓ Table "Observers": 17 fields, records readable.',
        '✗ Table "Suspected spam" is missing: create it with the fields listed in docs/airtable.md.',
      ]),
    );
  });

  it('accepts a plain text field where the site writes a single choice', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });
    const tables = fake.setTablesFromDefaults().map((table) => ({
      ...table,
      fields: table.fields.map((field) =>
        field.name === 'Locale' ? { name: 'Locale', type: 'singleLineText' as const } : field,
      ),
    }));
    fake.setTables(tables);

    const report = await check(fake);

    expect(report.ok).toBe(true);
  });

  it('asks for a French and an English column where a Sessions table has one for both languages', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });
    const added = [
      'Place name (FR)',
      'Place name (EN)',
      'Trainer role (FR)',
      'Trainer role (EN)',
      'Notes (FR)',
      'Notes (EN)',
      'Registration closes',
    ];
    const tables = fake.setTablesFromDefaults().map((table) =>
      table.name !== 'Sessions'
        ? table
        : {
            ...table,
            fields: [
              ...table.fields.filter((field) => !added.includes(field.name)),
              { name: 'Place name', type: 'singleLineText' as const },
              { name: 'Trainer', type: 'singleLineText' as const },
            ],
          },
    );
    fake.setTables(tables);

    const report = await check(fake);

    expect(report.ok).toBe(false);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        '✗ Table "Sessions":',
        '    ✗ "Place name (FR)" is missing: add it as Single line text.',
        '    ✗ "Place name (EN)" is missing: add it as Single line text.',
        '    ✗ "Trainer role (FR)" is missing: add it as Single line text.',
        '    ✗ "Trainer role (EN)" is missing: add it as Single line text.',
        '    ✗ "Notes (FR)" is missing: add it as Long text.',
        '    ✗ "Notes (EN)" is missing: add it as Long text.',
        '    ✗ "Registration closes" is missing: add it as Date (with "Include time" on).',
      ]),
    );
  });

  it('accepts a Sessions table whose times are typed as text', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });
    const tables = fake.setTablesFromDefaults().map((table) => ({
      ...table,
      fields: table.fields.map((field) =>
        ['Start', 'Registration closes'].includes(field.name)
          ? { name: field.name, type: 'singleLineText' as const }
          : field,
      ),
    }));
    fake.setTables(tables);

    const report = await check(fake);

    expect(report.ok).toBe(true);
    expect(report.lines).toContain('✓ Table "Sessions": 20 fields, records readable.');
  });

  it('explains a refused token', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });

    const report = await check(fake, 'patWRONG');

    expect(report.ok).toBe(false);
    expect(report.lines[0]).toContain('refused the token (401)');
  });

  it('explains a token without the schema scope', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null, schemaReadScope: false });

    const report = await check(fake);

    expect(report.ok).toBe(false);
    expect(report.lines.join('\n')).toContain('schema.bases:read');
  });

  it('exits non-zero and says what to set when the credentials are missing', async () => {
    const env = { PATH: process.env['PATH'] ?? '' };

    const result = await promisify(execFile)(process.execPath, [script], { env, cwd: '/' }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );

    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toContain('AIRTABLE_API_KEY=pat');
  });

  it('exits 0 from the command line on a good base', async () => {
    fake = await FakeAirtable.start({ ratePerSecond: null });
    const env = {
      PATH: process.env['PATH'] ?? '',
      AIRTABLE_API_KEY: fake.apiKey,
      AIRTABLE_BASE_ID: fake.baseId,
      AIRTABLE_ENDPOINT_URL: fake.url,
    };

    const { stdout } = await promisify(execFile)(process.execPath, [script], { env, cwd: '/' });

    expect(stdout).toContain('✓ The base is ready for the site.');
  });
});
