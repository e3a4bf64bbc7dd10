// From an ApplicationRecord to the human-friendly columns of the Airtable base
// and back (through the "Raw" column, which holds the whole record as JSON).

import { nonBlankString } from '../../lib/values.ts';
import type { Column, Field } from '../../schemas/forms/field.ts';
import { labelOf, type Options } from '../../schemas/forms/options.ts';
import { signupForms } from '../../schemas/forms/validate.ts';
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

/** Columns show the options' English labels, like the column names; Raw keeps the stable codes. */
const label = (options: Options, value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? labelOf(options, value, 'en') : undefined;

const labels = (options: Options, value: unknown): string[] | undefined => {
  const items = (Array.isArray(value) ? value : [value]).flatMap(
    (item) => label(options, item) ?? [],
  );
  return items.length > 0 ? items : undefined;
};

/** "Arabic — Fluent; English — Basic; Other: Kurmanji". */
function spokenLanguages(field: Field, fields: Fields): string | undefined {
  const spoken = Array.isArray(fields[field.name]) ? (fields[field.name] as unknown[]) : [];
  const levels = field.control?.kind === 'languages' ? field.control.levels : undefined;
  const parts = spoken.flatMap((item) => {
    if (item === null || typeof item !== 'object' || field.options === undefined) return [];
    const { code, level } = item as Record<string, unknown>;
    const name = label(field.options, code);
    if (name === undefined) return [];
    const how = levels === undefined ? undefined : label(levels, level);
    return [how === undefined ? name : `${name} — ${how}`];
  });
  const other = nonBlankString(fields['otherLanguages']);
  if (other !== undefined) parts.push(`Other: ${other}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** "2026-12-01 → 2026-12-05", or the one day given. */
function dateRange(field: Field, fields: Fields): string | undefined {
  const from = nonBlankString(fields[field.name]);
  const to = nonBlankString(fields['dateTo']);
  return from === undefined ? to : to === undefined || to === from ? from : `${from} → ${to}`;
}

/** What a field writes in its column. */
function cell(field: Field & { column: Column }, fields: Fields): Cell | undefined {
  const value = fields[field.name];
  if (field.column.cell === 'languages') return spokenLanguages(field, fields);
  if (field.column.cell === 'dateRange') return dateRange(field, fields);
  if (field.options === undefined) return nonBlankString(value);
  return field.column.value === 'multiSelect'
    ? labels(field.options, value)
    : label(field.options, value);
}

/** Every column the fields of a kind of application fill, with its cell. */
function formColumns(record: ApplicationRecord): Record<string, Cell | undefined> {
  const columns: Record<string, Cell | undefined> = {};
  for (const field of Object.values(signupForms[record.kind].fields)) {
    if (field.column !== undefined)
      columns[field.column.name] = cell({ ...field, column: field.column }, record.fields);
  }
  return columns;
}

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
  const columns = new Set(table.fields.map((field) => field.name));
  for (const [column, value] of Object.entries(formColumns(record))) {
    if (value !== undefined && columns.has(column)) fields[column] = value;
  }
  if (table === observersTable && record.consent.charterVersion !== undefined) {
    fields['Charter version'] = record.consent.charterVersion;
  }
  if (table === suspectedSpamTable) fields['Kind'] = kindLabel[record.kind];
  return fields;
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
