// From an ApplicationRecord to the human-friendly columns of the Airtable base
// and back (through the "Raw" column, which holds the whole record as JSON).

import type { ApplicationRecord } from '../ports.ts';
import {
  APPLICATION_ID_FIELD,
  RAW_FIELD,
  observersTable,
  suspectedSpamTable,
  tableFor,
  volunteersTable,
} from './airtable-schema.ts';

type Cell = string | string[];
type Fields = Record<string, unknown>;

/** One column fed from the form's validated fields; the first key present wins. */
interface ColumnSource {
  column: string;
  keys: readonly string[];
  format: (value: unknown) => Cell | undefined;
}

const text = (value: unknown): Cell | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((item) => text(item))
      .filter(Boolean)
      .join(', ');
  return JSON.stringify(value);
};

const list = (value: unknown): Cell | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : [value];
  const strings = items
    .map((item) => text(item))
    .filter((item): item is string => typeof item === 'string' && item !== '');
  return strings.length > 0 ? strings : undefined;
};

/** "Arabic — fluent; English — basic" from [{ language, level }] (or plain strings). */
const languages = (value: unknown): Cell | undefined => {
  if (!Array.isArray(value)) return text(value);
  const parts = value.map((item: unknown) => {
    if (item !== null && typeof item === 'object') {
      const { language, name, level } = item as Record<string, unknown>;
      const label = text(language ?? name) ?? '';
      const levelText = text(level);
      return levelText === undefined ? label : `${label} — ${levelText}`;
    }
    return text(item) ?? '';
  });
  const joined = parts.filter((part) => part !== '').join('; ');
  return joined === '' ? undefined : joined;
};

/** Date ranges or plain strings, one a line. */
const lines = (value: unknown): Cell | undefined => {
  if (!Array.isArray(value)) return text(value);
  const joined = value
    .map((item: unknown) => {
      if (item !== null && typeof item === 'object') {
        const { from, to, start, end } = item as Record<string, unknown>;
        const first = text(from ?? start);
        const last = text(to ?? end);
        if (first !== undefined) return last === undefined ? first : `${first} → ${last}`;
      }
      return text(item) ?? '';
    })
    .filter((line) => line !== '')
    .join('\n');
  return joined === '' ? undefined : joined;
};

const volunteerSources: readonly ColumnSource[] = [
  { column: 'Phone', keys: ['phone', 'telephone'], format: text },
  { column: 'Profession', keys: ['profession', 'occupation'], format: text },
  { column: 'Languages', keys: ['languages'], format: languages },
  { column: 'Site', keys: ['sites', 'site'], format: list },
  { column: 'Availability', keys: ['availability', 'availabilities'], format: lines },
  {
    column: 'Heard about us',
    keys: ['heardAboutUs', 'heardFrom', 'referral', 'source'],
    format: text,
  },
  { column: 'Motivation', keys: ['motivation', 'message'], format: text },
];

const observerSources: readonly ColumnSource[] = [
  { column: 'Phone', keys: ['phone', 'telephone'], format: text },
  { column: 'Profile', keys: ['profile'], format: text },
  { column: 'Organisation', keys: ['organisation', 'organization'], format: text },
  {
    column: 'Planned production',
    keys: ['plannedProduction', 'production', 'project'],
    format: text,
  },
  { column: 'Format', keys: ['format', 'formats'], format: text },
  { column: 'Preferred dates', keys: ['preferredDates', 'dates', 'availability'], format: lines },
];

const statusLabel = { new: 'New', 'suspected-spam': 'New' } as const;
const kindLabel = { volunteer: 'Volunteer', observer: 'Observer' } as const;

/** The Airtable fields of a record, for the table tableFor(record) names. Empty values are left out. */
export function toAirtableFields(record: ApplicationRecord): Record<string, Cell> {
  const fields: Record<string, Cell> = {
    Name: record.name,
    [APPLICATION_ID_FIELD]: record.id,
    Email: record.email,
    Locale: record.locale,
    'Submitted at': record.submittedAt,
    Status: statusLabel[record.status],
    'Consent version': record.consent.privacyVersion,
    'Consent at': record.consent.acceptedAt,
    [RAW_FIELD]: JSON.stringify(record),
  };
  const table = tableFor(record);
  const sources = record.kind === 'volunteer' ? volunteerSources : observerSources;
  const columns = new Set(table.fields.map((field) => field.name));
  for (const source of sources) {
    if (!columns.has(source.column)) continue;
    const value = firstPresent(record.fields, source.keys);
    const cell = source.format(value);
    if (cell !== undefined) fields[source.column] = cell;
  }
  if (table === observersTable && record.consent.charterVersion !== undefined) {
    fields['Charter version'] = record.consent.charterVersion;
  }
  if (table === suspectedSpamTable) fields['Kind'] = kindLabel[record.kind];
  return fields;
}

function firstPresent(fields: Fields, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (fields[key] !== undefined) return fields[key];
  }
  return undefined;
}

/** The record kept in the Raw column, or null when it is missing or not a record. */
export function fromAirtableFields(fields: Fields): ApplicationRecord | null {
  const raw = fields[RAW_FIELD];
  if (typeof raw !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  return isApplicationRecord(parsed) ? parsed : null;
}

function isApplicationRecord(value: unknown): value is ApplicationRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    (record['kind'] === 'volunteer' || record['kind'] === 'observer') &&
    typeof record['locale'] === 'string' &&
    typeof record['submittedAt'] === 'string' &&
    (record['status'] === 'new' || record['status'] === 'suspected-spam') &&
    typeof record['email'] === 'string' &&
    typeof record['name'] === 'string' &&
    record['fields'] !== null &&
    typeof record['fields'] === 'object' &&
    record['consent'] !== null &&
    typeof record['consent'] === 'object'
  );
}

/** Every table's name, in the order find() and erase() look through them. */
export const searchOrder = [volunteersTable.name, observersTable.name, suspectedSpamTable.name];
