// `npm run airtable:check`: verifies that the Airtable base named by
// AIRTABLE_API_KEY / AIRTABLE_BASE_ID has every table and field the site
// writes, and the trainers' Sessions table with every column the build reads,
// with compatible types, through Airtable's metadata API.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { airtableAccess, ConfigError, readEnv, type AirtableAccess } from '../src/env.ts';
import {
  checkedTables,
  compatibleTypes,
  type AirtableFieldType,
  type TableSpec,
} from '../src/server/adapters/airtable-schema.ts';

export interface CheckOptions extends AirtableAccess {
  tables?: readonly TableSpec[];
  /** Time limit of each request. Default 15 s. */
  timeoutMs?: number;
}

export interface CheckReport {
  ok: boolean;
  /** Lines to print, in order: a ✓ or ✗ line per table, then one per problem. */
  lines: string[];
}

/** How the Airtable interface names each type, so that a coordinator finds it in the menu. */
const typeLabels: Record<string, string> = {
  singleLineText: 'Single line text',
  multilineText: 'Long text',
  richText: 'Long text (rich text)',
  email: 'Email',
  phoneNumber: 'Phone number',
  url: 'URL',
  singleSelect: 'Single select',
  multipleSelects: 'Multiple select',
  dateTime: 'Date (with "Include time" on)',
  number: 'Number',
};

const describeType = (type: string) => typeLabels[type] ?? type;

interface RemoteTable {
  name: string;
  fields: { name: string; type: string }[];
}

export async function checkAirtableBase(options: CheckOptions): Promise<CheckReport> {
  const endpoint = (options.endpointUrl ?? 'https://api.airtable.com').replace(/\/+$/, '');
  const expected = options.tables ?? checkedTables;
  const get = (path: string) =>
    fetch(`${endpoint}${path}`, {
      headers: { authorization: `Bearer ${options.apiKey}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });

  let response: Response;
  try {
    response = await get(`/v0/meta/bases/${encodeURIComponent(options.baseId)}/tables`);
  } catch {
    return fail(`✗ Cannot reach ${endpoint}: check the network (or AIRTABLE_ENDPOINT_URL).`);
  }
  if (response.status === 401) {
    return fail(
      '✗ Airtable refused the token (401): check AIRTABLE_API_KEY (a personal access token, "pat…").',
    );
  }
  if (response.status === 403 || response.status === 404) {
    return fail(
      `✗ The token cannot read the schema of base ${options.baseId} (${response.status}).`,
      '  Check AIRTABLE_BASE_ID (the "app…" part of the base\'s URL), and that the token has',
      '  the scope schema.bases:read and this base in its access list (docs/airtable.md).',
    );
  }
  if (response.status === 429)
    return fail('✗ Airtable is rate limiting this base (429): wait 30 s and run again.');
  if (!response.ok) return fail(`✗ Airtable answered ${response.status}: try again later.`);
  const body = (await response.json()) as { tables?: RemoteTable[] };
  const remoteTables = body.tables ?? [];

  const lines: string[] = [];
  let ok = true;
  for (const table of expected) {
    const remote = remoteTables.find((candidate) => candidate.name === table.name);
    if (remote === undefined) {
      ok = false;
      lines.push(
        `✗ Table "${table.name}" is missing: create it with the fields listed in docs/airtable.md.`,
      );
      continue;
    }
    const problems: string[] = [];
    for (const field of table.fields) {
      const found = remote.fields.find((candidate) => candidate.name === field.name);
      if (found === undefined) {
        problems.push(`    ✗ "${field.name}" is missing: add it as ${describeType(field.type)}.`);
      } else if (!compatibleTypes[field.value].includes(found.type as AirtableFieldType)) {
        const accepted = compatibleTypes[field.value].map(describeType).join(' or ');
        problems.push(`    ✗ "${field.name}" is ${describeType(found.type)}: make it ${accepted}.`);
      }
    }
    if (problems.length > 0) {
      ok = false;
      lines.push(`✗ Table "${table.name}":`, ...problems);
      continue;
    }
    const read = await get(
      `/v0/${encodeURIComponent(options.baseId)}/${encodeURIComponent(table.name)}?pageSize=1`,
    ).catch(() => undefined);
    if (read?.ok !== true) {
      ok = false;
      lines.push(
        `✗ Table "${table.name}": its ${table.fields.length} fields are right, but its records cannot be read` +
          ` (${read?.status ?? 'no answer'}): give the token data.records:read and data.records:write.`,
      );
      continue;
    }
    lines.push(`✓ Table "${table.name}": ${table.fields.length} fields, records readable.`);
  }
  lines.push(
    ok
      ? '✓ The base is ready for the site.'
      : '✗ The base is not ready: fix the lines marked ✗, then run `npm run airtable:check` again.',
  );
  return { ok, lines };
}

function fail(...lines: string[]): CheckReport {
  return { ok: false, lines };
}

const usage = [
  'Set these variables (in .env, or in the shell), then run `npm run airtable:check` again:',
  '  AIRTABLE_API_KEY=pat…        a personal access token with data.records:read,',
  '                               data.records:write and schema.bases:read on the base',
  "  AIRTABLE_BASE_ID=app…        the base id, from the base's URL: airtable.com/appXXXXXXXXXXXXXX/…",
  '  AIRTABLE_ENDPOINT_URL=…      optional: another API server (tests only)',
  'How to make the token: docs/airtable.md.',
];

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let access;
  try {
    access = airtableAccess(readEnv(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`✗ ${problem.variable} ${problem.message}`);
    for (const line of usage) console.error(line);
    return 2;
  }
  if (access === undefined) {
    console.error('✗ AIRTABLE_API_KEY and AIRTABLE_BASE_ID are needed to check the base.');
    for (const line of usage) console.error(line);
    return 2;
  }
  const report = await checkAirtableBase(access);
  for (const line of report.lines) console.log(line);
  return report.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
