// ApplicationStore (and the trainers' RegistrationRoster) on Airtable, through
// the one Airtable client (airtable-client.ts: pacing under the base's limit,
// the 429 penalty, error mapping, retries within a deadline). Writes are upserts merged on the "Application ID" or
// "Registration ID" field (the client's own makeRequest: same endpoint, token
// and timeout), so that a write repeated after a lost answer changes nothing.

import type Airtable from 'airtable';
import { stringOrEmpty } from '../../lib/values.ts';
import type {
  ApplicationRecord,
  ApplicationStore,
  ExpiredItem,
  RegistrationCopy,
  RegistrationRoster,
  RetentionCutoffs,
  RetentionPurge,
} from '../ports.ts';
import { AirtableClient, type AirtableClientOptions } from './airtable-client.ts';
import { fromAirtableFields, searchOrder, toAirtableFields } from './airtable-fields.ts';
import { fieldEqualsAny, formulaField, formulaString } from './airtable-formula.ts';
import {
  APPLICATION_ID_FIELD,
  LAST_CONTACT_FIELD,
  CHANGE_TOLD_FIELD,
  REGISTRATION_ID_FIELD,
  TOLD_CHOICES,
  TOLD_OF_LAST_CHANGE_FIELD,
  SESSION_DATE_FIELD,
  observersTable,
  registrationsTable,
  suspectedSpamTable,
  tableFor,
  volunteersTable,
} from './airtable-schema.ts';

export interface AirtableStoreOptions extends AirtableClientOptions {
  /** Time budget of one saveAll/find/erase, pacing and retries included. Default 20 s. */
  deadlineMs?: number;
}

/** Airtable creates, upserts or deletes at most 10 records per request. */
const WRITE_BATCH = 10;

interface FoundRecord {
  recordId: string;
  applicationId: string;
  fields: Record<string, unknown>;
}

/** Airtable clears a cell given null; the client's types do not say so. */
const emptyCell = null as unknown as undefined;

/** "yes" once the last change owed was emailed, "not yet" before; none if nothing changed for them. */
const toldOfLastChange = (copy: RegistrationCopy): (typeof TOLD_CHOICES)[number] | undefined =>
  copy.lastChange === undefined
    ? undefined
    : copy.changeTold === copy.lastChange
      ? 'yes'
      : 'not yet';

/** The trainers' columns of a registration; an empty Position clears the cell. */
export function registrationFields(copy: RegistrationCopy): Partial<Airtable.FieldSet> {
  return {
    Name: copy.name,
    [REGISTRATION_ID_FIELD]: copy.id,
    Session: copy.sessionSlug,
    'Session title': copy.sessionTitle,
    Email: copy.email,
    Status: copy.status,
    Position: copy.position ?? emptyCell,
    // Written only once the session changed for them: a base not yet given
    // these columns (docs/airtable.md) fails only on those copies.
    ...(copy.lastChange === undefined
      ? {}
      : {
          [CHANGE_TOLD_FIELD]: copy.changeTold ?? emptyCell,
          [TOLD_OF_LAST_CHANGE_FIELD]: toldOfLastChange(copy) ?? emptyCell,
        }),
    'Registered at': copy.registeredAt,
    ...(copy.sessionAt === undefined ? {} : { [SESSION_DATE_FIELD]: copy.sessionAt }),
    Locale: copy.locale,
  };
}

export class AirtableStore implements ApplicationStore, RegistrationRoster, RetentionPurge {
  readonly #client: AirtableClient;
  readonly #deadlineMs: number;

  constructor(options: AirtableStoreOptions) {
    this.#client = new AirtableClient(options);
    this.#deadlineMs = options.deadlineMs ?? 20_000;
  }

  async saveAll(records: readonly ApplicationRecord[]): Promise<void> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    const byTable = new Map<string, ApplicationRecord[]>();
    const seen = new Set<string>();
    for (const record of records) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      const table = tableFor(record).name;
      byTable.set(table, [...(byTable.get(table) ?? []), record]);
    }
    for (const [table, tableRecords] of byTable) {
      await this.#saveInTable(table, tableRecords, deadline);
    }
  }

  async find(id: string): Promise<ApplicationRecord | null> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    for (const table of searchOrder) {
      const [found] = await this.#lookup(table, [id], deadline, true);
      if (found !== undefined) return fromAirtableFields(found.fields);
    }
    return null;
  }

  async erase(id: string): Promise<boolean> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    let erased = false;
    for (const table of searchOrder) {
      const found = await this.#lookup(table, [id], deadline, false);
      for (const batch of chunks(
        found.map((record) => record.recordId),
        WRITE_BATCH,
      )) {
        await this.#request(table, deadline, (base) => base.table(table).destroy(batch));
        erased = true;
      }
    }
    return erased;
  }

  async saveRegistrations(copies: readonly RegistrationCopy[]): Promise<void> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    // The latest copy of each registration wins; an upsert by Registration ID
    // creates the new ones and updates the others in the same request.
    const latest = [...new Map(copies.map((copy) => [copy.id, copy])).values()];
    await this.#upsertAll(
      registrationsTable.name,
      latest,
      registrationFields,
      REGISTRATION_ID_FIELD,
      deadline,
    );
  }

  async eraseRegistration(id: string): Promise<boolean> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    const table = registrationsTable.name;
    const found = await this.#request(table, deadline, (base) =>
      this.#selectIds(base, table, [id], REGISTRATION_ID_FIELD),
    );
    for (const batch of chunks(
      found.map((record) => record.recordId),
      WRITE_BATCH,
    )) {
      await this.#request(table, deadline, (base) => base.table(table).destroy(batch));
    }
    return found.length > 0;
  }

  /**
   * Records past their retention period, in every table the site writes:
   * applications by Last contact (or Submitted at), suspected spam by Submitted
   * at, registrations by Session date (or Registered at). Ids only are read.
   */
  async expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    const before = (date: string, cutoff: string) =>
      `IS_BEFORE(${date},DATETIME_PARSE(${formulaString(cutoff)}))`;
    /** The field's date, or the fallback's while the field is empty. */
    const orElse = (field: string, fallback: string) =>
      `IF(${formulaField(field)},${formulaField(field)},${formulaField(fallback)})`;
    const queries: [table: string, idField: string, formula: string][] = [
      [
        volunteersTable.name,
        APPLICATION_ID_FIELD,
        before(orElse(LAST_CONTACT_FIELD, 'Submitted at'), cutoffs.applications),
      ],
      [
        observersTable.name,
        APPLICATION_ID_FIELD,
        before(orElse(LAST_CONTACT_FIELD, 'Submitted at'), cutoffs.applications),
      ],
      [
        suspectedSpamTable.name,
        APPLICATION_ID_FIELD,
        before(formulaField('Submitted at'), cutoffs.suspectedSpam),
      ],
      [
        registrationsTable.name,
        REGISTRATION_ID_FIELD,
        before(orElse(SESSION_DATE_FIELD, 'Registered at'), cutoffs.registrations),
      ],
    ];
    const items: ExpiredItem[] = [];
    for (const [table, idField, filterByFormula] of queries) {
      const records = await this.#request(table, deadline, (base) =>
        base
          .table(table)
          .select({ filterByFormula, fields: [idField], pageSize: 100 })
          .all(),
      );
      for (const record of records)
        items.push({
          place: `Airtable ${table}`,
          id: stringOrEmpty(record.get(idField)),
          ref: record.id,
        });
    }
    return items;
  }

  /** Deletes the listed records, 10 a request, each request paced under the base's limit. */
  async purge(items: readonly ExpiredItem[]): Promise<number> {
    const deadline = this.#client.clock.now() + this.#deadlineMs;
    let count = 0;
    const tables = new Map<string, string[]>();
    for (const item of items) {
      const table = item.place.replace(/^Airtable /, '');
      tables.set(table, [...(tables.get(table) ?? []), item.ref]);
    }
    for (const [table, recordIds] of tables) {
      for (const batch of chunks(recordIds, WRITE_BATCH)) {
        await this.#request(table, deadline, (base) => base.table(table).destroy(batch));
        count += batch.length;
      }
    }
    return count;
  }

  async #saveInTable(table: string, records: ApplicationRecord[], deadline: number): Promise<void> {
    await this.#upsertAll(table, records, toAirtableFields, APPLICATION_ID_FIELD, deadline);
  }

  /**
   * Creates or updates the items by their id field, 10 a request (Airtable's
   * upsert: PATCH with performUpsert). No look-up first: a record with that id
   * is updated in place, never made twice, so a retry after a lost answer is
   * safe. Every first try is paced in advance: the call fails at once, before
   * any request, if they cannot all be made before the deadline.
   */
  async #upsertAll<T extends { id: string }>(
    table: string,
    items: readonly T[],
    fieldsOf: (item: T) => Partial<Airtable.FieldSet>,
    idField: string,
    deadline: number,
  ): Promise<void> {
    const batches = chunks(items, WRITE_BATCH);
    if (batches.length === 0) return;
    const slots = this.#client.limiter.reserve(batches.length, deadline);
    for (const batch of batches) {
      const body = {
        performUpsert: { fieldsToMergeOn: [idField] },
        records: batch.map((item) => ({ fields: fieldsOf(item) })),
        typecast: true,
      };
      await this.#request(
        table,
        deadline,
        (base) =>
          base.makeRequest({
            method: 'PATCH',
            path: `/${encodeURIComponent(table)}`,
            body,
          }),
        slots.shift(),
      );
    }
  }

  /** Records of `table` whose Application ID is one of `ids` (every page), with all their fields or just the id. */
  async #lookup(
    table: string,
    ids: readonly string[],
    deadline: number,
    allFields: boolean,
  ): Promise<FoundRecord[]> {
    return this.#request(table, deadline, (base) =>
      this.#selectIds(base, table, ids, APPLICATION_ID_FIELD, allFields ? null : []),
    );
  }

  /** Records whose `idField` is one of `ids`: all fields, or the id and `fields`. */
  async #selectIds(
    base: Airtable.Base,
    table: string,
    ids: readonly string[],
    idField: string = APPLICATION_ID_FIELD,
    fields: readonly string[] | null = [],
  ): Promise<FoundRecord[]> {
    const query = base.table(table).select({
      filterByFormula: fieldEqualsAny(idField, ids),
      pageSize: 100,
      ...(fields === null ? {} : { fields: [idField, ...fields] }),
    });
    // Lookups name one id (find, erase): one page answers, more only if duplicates were made by hand.
    const records = await query.all();
    return records.map((record) => ({
      recordId: record.id,
      applicationId: stringOrEmpty(record.get(idField)),
      fields: record.fields,
    }));
  }

  /** One request through the client (pacing, error mapping, retries within the deadline). */
  #request<T>(
    table: string,
    deadline: number,
    call: (base: Airtable.Base) => Promise<T>,
    slot?: () => Promise<void>,
  ): Promise<T> {
    return this.#client.request(table, deadline, call, slot);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size)
    result.push(items.slice(index, index + size));
  return result;
}
