// Reading the trainers' Airtable "Sessions" table at build time, through the
// one Airtable client (src/server/adapters/airtable-client.ts): every page,
// paced under the base's rate limit, with bounded retries on 429, 5xx and
// network failures within a deadline; and the
// mapping of its columns to the session schema's input. docs/trainers.md
// describes the same columns for the trainers.
import { z } from 'zod';
import { AirtableClient, type AirtableClientOptions } from '../server/adapters/airtable-client.ts';
import { sessionColumns, sessionsTable } from '../server/adapters/airtable-schema.ts';
import { PermanentError, TemporaryError } from '../server/errors.ts';
import { instantToZonedWallTime } from '../calendar/zoned-time.ts';
import { airtableAccess, readEnv, type RawEnv } from '../env.ts';
import type { SessionCandidate } from './validate-sessions.ts';

export const SESSIONS_TABLE = sessionsTable.name;

/** The table's columns, by the schema field each fills (described in airtable-schema.ts). */
export { sessionColumns };

export interface AirtableSessionsConfig extends AirtableClientOptions {
  /** Time budget of the whole read, waits included. Default 120 s: a build can wait out one 30 s penalty. */
  deadlineMs?: number;
}

/** One record as the API lists it (cellFormat json: numbers as numbers, date-times in UTC). */
export interface AirtableRow {
  id: string;
  fields: Record<string, unknown>;
}

/**
 * The Airtable settings of the build environment, read by src/env.ts as the
 * functions read them: undefined when neither AIRTABLE_API_KEY nor
 * AIRTABLE_BASE_ID is set (the site then reads its files); a ConfigError
 * naming the missing or malformed one otherwise.
 */
export function airtableConfigFromEnv(env: RawEnv): AirtableSessionsConfig | undefined {
  return airtableAccess(readEnv(env));
}

const pageSchema = z.object({
  records: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.unknown()) })),
  offset: z.string().optional(),
});

/** Far more than the table will ever hold (100 rows a page); stops a server that repeats its offset. */
const MAX_PAGES = 200;

/** Every row of the Sessions table, all pages. Throws a TemporaryError or PermanentError (see describeFetchFailure). */
export async function fetchSessionRows(config: AirtableSessionsConfig): Promise<AirtableRow[]> {
  // A build is in no hurry: longer requests and more tries than a function's.
  const client = new AirtableClient({ requestTimeoutMs: 20_000, maxAttempts: 5, ...config });
  const deadline = client.clock.now() + (config.deadlineMs ?? 120_000);
  const rows: AirtableRow[] = [];
  let offset: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    // makeRequest rather than select(): select() takes no offset, so a failed
    // page could only be retried from the first one.
    const page = await client.request(SESSIONS_TABLE, deadline, async (base) => {
      const response = await base.makeRequest({
        method: 'GET',
        path: `/${encodeURIComponent(SESSIONS_TABLE)}`,
        qs: { pageSize: 100, ...(offset === undefined ? {} : { offset }) },
      });
      const parsed = pageSchema.safeParse(response.body);
      if (!parsed.success) throw new PermanentError('airtable_unexpected_answer');
      return parsed.data;
    });
    rows.push(...page.records);
    offset = page.offset;
    if (offset === undefined) return rows;
  }
  throw new PermanentError('airtable_too_many_pages');
}

/** A build error for a failed read, saying what to check. Never includes the token. */
export function describeFetchFailure(error: unknown): Error {
  const code =
    error instanceof TemporaryError || error instanceof PermanentError ? error.code : 'unknown';
  const hint =
    error instanceof TemporaryError
      ? 'Airtable is busy or unreachable: run the build again in a few minutes (the site online stays as it was).'
      : code.startsWith('airtable_401')
        ? 'AIRTABLE_API_KEY is refused: check the token in the site settings.'
        : code.startsWith('airtable_403') || code.startsWith('airtable_404')
          ? `Check that the token may read (data.records:read) base AIRTABLE_BASE_ID and that its table is named "${SESSIONS_TABLE}".`
          : 'See docs/trainers.md.';
  return new Error(`Could not read the Airtable table "${SESSIONS_TABLE}" (${code}). ${hint}`, {
    cause: error,
  });
}

// ---- Mapping a row to the schema's input ---------------------------------

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Lower case, no accents, words joined by hyphens: "Grande Synthe" → "grande-synthe". */
const keyOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');

const audiences: Record<string, string> = {
  volunteers: 'volunteers',
  volunteer: 'volunteers',
  benevoles: 'volunteers',
  benevole: 'volunteers',
  observers: 'observers',
  observer: 'observers',
  observateurs: 'observers',
  observatrices: 'observers',
  'observateurs-et-observatrices': 'observers',
  all: 'all',
  everyone: 'all',
  tous: 'all',
  'tout-le-monde': 'all',
};

const statuses: Record<string, string> = {
  scheduled: 'scheduled',
  planned: 'scheduled',
  prevue: 'scheduled',
  programmee: 'scheduled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  annulee: 'cancelled',
  draft: 'draft',
  brouillon: 'draft',
};

/**
 * A cell as one value: lookups and multiple selects come as arrays, a
 * collaborator as an object with a name; blank text counts as absent.
 */
function cell(fields: Record<string, unknown>, column: string): unknown {
  let value = fields[column];
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (value !== null && typeof value === 'object' && 'name' in value) value = value.name;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return value ?? undefined;
}

const text = (fields: Record<string, unknown>, column: string): unknown => cell(fields, column);

function number(fields: Record<string, unknown>, column: string): unknown {
  const value = cell(fields, column);
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

function choice(
  fields: Record<string, unknown>,
  column: string,
  known: Record<string, string>,
): unknown {
  const value = cell(fields, column);
  return typeof value === 'string' ? (known[keyOf(value)] ?? value) : value;
}

/**
 * "Start" or "Registration closes" as a Paris wall time: a text column holds
 * it as typed ("2027-01-16T09:30"); a date-with-time column comes from the API
 * as a UTC instant, whatever time zone the column displays, and is converted.
 */
function wallTime(fields: Record<string, unknown>, column: string): unknown {
  const value = cell(fields, column);
  if (typeof value !== 'string') return value;
  const typed = value.replace(' ', 'T');
  if (localDateTime.test(typed)) return typed;
  if (
    /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return instantToZonedWallTime(new Date(value), 'Europe/Paris');
  }
  return value;
}

/** "Delegation" as the key of a delegation page: "Grande-Synthe" → "grande-synthe". */
function delegation(fields: Record<string, unknown>): unknown {
  const value = cell(fields, sessionColumns.delegation);
  return typeof value === 'string' ? keyOf(value) : value;
}

/** Drafts and blank rows are not published, and not validated either. */
export function isUnpublished(row: AirtableRow): boolean {
  return (
    Object.keys(row.fields).every((column) => cell(row.fields, column) === undefined) ||
    choice(row.fields, sessionColumns.status, statuses) === 'draft'
  );
}

/** The session schema's input from a row; absent cells are left out, so that defaults apply and errors say "required". */
export function rowToSessionInput(row: AirtableRow): Record<string, unknown> {
  const f = row.fields;
  const placeName = {
    fr: text(f, sessionColumns.placeNameFr),
    en: text(f, sessionColumns.placeNameEn),
  };
  const placeAddress = text(f, sessionColumns.placeAddress);
  const notes = { fr: text(f, sessionColumns.notesFr), en: text(f, sessionColumns.notesEn) };
  const input: Record<string, unknown> = {
    slug: text(f, sessionColumns.slug),
    title: { fr: text(f, sessionColumns.titleFr), en: text(f, sessionColumns.titleEn) },
    description: {
      fr: text(f, sessionColumns.descriptionFr),
      en: text(f, sessionColumns.descriptionEn),
    },
    start: wallTime(f, sessionColumns.start),
    timeZone: 'Europe/Paris',
    durationMinutes: number(f, sessionColumns.durationMinutes),
    place:
      placeName.fr === undefined && placeName.en === undefined && placeAddress === undefined
        ? undefined
        : { name: placeName, address: placeAddress },
    videoLink: text(f, sessionColumns.videoLink),
    delegation: delegation(f),
    audience: choice(f, sessionColumns.audience, audiences),
    capacity: number(f, sessionColumns.capacity),
    trainerRole: {
      fr: text(f, sessionColumns.trainerRoleFr),
      en: text(f, sessionColumns.trainerRoleEn),
    },
    // Both empty: no notes. One empty: the missing translation is named.
    notes: notes.fr === undefined && notes.en === undefined ? undefined : notes,
    registrationCloses: wallTime(f, sessionColumns.registrationCloses),
    status: choice(f, sessionColumns.status, statuses),
  };
  return dropUndefined(input);
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => [
        key,
        inner !== null && typeof inner === 'object' && !Array.isArray(inner)
          ? dropUndefined(inner as Record<string, unknown>)
          : inner,
      ]),
  );
}

const columnOfPath: Record<string, string> = {
  slug: sessionColumns.slug,
  'title.fr': sessionColumns.titleFr,
  'title.en': sessionColumns.titleEn,
  title: `${sessionColumns.titleFr} / ${sessionColumns.titleEn}`,
  'description.fr': sessionColumns.descriptionFr,
  'description.en': sessionColumns.descriptionEn,
  description: `${sessionColumns.descriptionFr} / ${sessionColumns.descriptionEn}`,
  start: sessionColumns.start,
  durationMinutes: sessionColumns.durationMinutes,
  place: `${sessionColumns.placeNameFr} / ${sessionColumns.placeAddress} / ${sessionColumns.videoLink}`,
  'place.name': `${sessionColumns.placeNameFr} / ${sessionColumns.placeNameEn}`,
  'place.name.fr': sessionColumns.placeNameFr,
  'place.name.en': sessionColumns.placeNameEn,
  'place.address': sessionColumns.placeAddress,
  videoLink: sessionColumns.videoLink,
  delegation: sessionColumns.delegation,
  audience: sessionColumns.audience,
  capacity: sessionColumns.capacity,
  trainerRole: `${sessionColumns.trainerRoleFr} / ${sessionColumns.trainerRoleEn}`,
  'trainerRole.fr': sessionColumns.trainerRoleFr,
  'trainerRole.en': sessionColumns.trainerRoleEn,
  'notes.fr': sessionColumns.notesFr,
  'notes.en': sessionColumns.notesEn,
  registrationCloses: sessionColumns.registrationCloses,
  status: sessionColumns.status,
};

/** The column a schema path comes from, quoted as Airtable shows it. */
export const columnOf = (path: readonly PropertyKey[]): string => {
  const key = path.map(String).join('.');
  return `"${columnOfPath[key] ?? key}"`;
};

/** The row as a candidate for validation, named by its record id and slug. */
export function rowToCandidate(row: AirtableRow): SessionCandidate {
  const input = rowToSessionInput(row);
  const slug = typeof input['slug'] === 'string' ? ` (slug "${input['slug']}")` : '';
  return {
    source: `Airtable "${SESSIONS_TABLE}" record ${row.id}${slug}`,
    input,
    fieldName: columnOf,
    // The API leaves out cells with nothing in them: in Airtable, the cell is empty.
    missingWord: 'empty',
  };
}
