// A fake Airtable Web API on node:http, port 0, behaving as documented for what
// the store and `airtable:check` use: records list/create/get/delete, update
// and upsert (PATCH with performUpsert, merged on 1 to 3 fields), the base schema endpoint, bearer auth, 403 for an unknown table, 422 shapes, a per-base
// rate limit with its penalty, and programmable storms, outages and slowness.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkedTables,
  type AirtableFieldType,
} from '../../src/server/adapters/airtable-schema.ts';
import { evaluateFormula, FormulaError, parseFormula } from './fake-airtable-formula.ts';

export interface FakeFieldDefinition {
  name: string;
  type: AirtableFieldType | 'number' | 'checkbox' | 'date';
  choices?: readonly string[];
}

export interface FakeTableDefinition {
  name: string;
  fields: readonly FakeFieldDefinition[];
}

export interface FakeAirtableOptions {
  apiKey?: string;
  baseId?: string;
  /** The base's tables; by default the ones the store expects. */
  tables?: readonly FakeTableDefinition[];
  /** Requests per second per base before a 429 (null: no limit). Default 5, as documented. */
  ratePerSecond?: number | null;
  /** Multiplies every documented delay (the 30 s penalty). Default 1. */
  timeScale?: number;
  /** Whether the token has schema.bases:read. Default true. */
  schemaReadScope?: boolean;
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
  /** Its time, for the rate limit, storms and request log: the adapter's fake clock in tests that use one. Default the system's. */
  clock?: { now(): number };
}

export interface StoredRecord {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

export interface RequestLogEntry {
  method: string;
  /** Path without the query, e.g. /v0/appX/Volunteers. */
  path: string;
  status: number;
  at: number;
}

type Mode =
  { kind: 'normal' } | { kind: 'down'; status: number } | { kind: 'storm'; until: number };

const RATE_LIMIT_BODY = {
  errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }],
};
const DOCUMENTED_PENALTY_MS = 30_000;

export class FakeAirtable {
  readonly apiKey: string;
  readonly baseId: string;
  /** Base URL to give the client as endpointUrl (no trailing slash). */
  url = '';
  /** Every request received, in order. */
  readonly log: RequestLogEntry[] = [];
  /** Extra latency of every answer, in ms (slow mode). */
  delayMs = 0;
  /**
   * Records an upsert found already there and updated: each would have been a
   * duplicate had the client created instead (a retry after a lost answer).
   */
  upsertMatches = 0;
  schemaReadScope: boolean;
  ratePerSecond: number | null;
  readonly penaltyMs: number;

  #tables: FakeTableDefinition[];
  readonly #records = new Map<string, StoredRecord[]>();
  readonly #server: Server;
  #mode: Mode = { kind: 'normal' };
  #failures: number[] = [];
  #slow: number[] = [];
  #served: number[] = [];
  #penaltyUntil = 0;

  readonly #now: () => number;

  private constructor(options: FakeAirtableOptions) {
    this.apiKey = options.apiKey ?? 'patFAKEAIRTABLETOKEN';
    const clock = options.clock;
    this.#now = clock === undefined ? () => Date.now() : () => clock.now();
    this.baseId = options.baseId ?? 'appFAKEBASE000001';
    this.ratePerSecond = options.ratePerSecond === undefined ? 5 : options.ratePerSecond;
    this.penaltyMs = DOCUMENTED_PENALTY_MS * (options.timeScale ?? 1);
    this.schemaReadScope = options.schemaReadScope ?? true;
    this.#tables = [...(options.tables ?? defaultTables())];
    for (const table of this.#tables) this.#records.set(table.name, []);
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch(() => {
        if (!response.headersSent)
          send(response, 500, { error: { type: 'SERVER_ERROR', message: 'fake failure' } });
      });
    });
  }

  static async start(options: FakeAirtableOptions = {}): Promise<FakeAirtable> {
    const fake = new FakeAirtable(options);
    await new Promise<void>((resolve) =>
      fake.#server.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    const { port } = fake.#server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  // --- Programmable state -------------------------------------------------

  /** Answers 429 to every request for this long (in real ms; scale it yourself). */
  rateLimitFor(ms: number): void {
    this.#mode = { kind: 'storm', until: this.#now() + ms };
  }

  /** Answers `status` (5xx) to every request until recover(). */
  goDown(status = 503): void {
    this.#mode = { kind: 'down', status };
  }

  recover(): void {
    this.#mode = { kind: 'normal' };
    this.#failures = [];
    this.#penaltyUntil = 0;
  }

  /** The next requests answer these statuses in turn, e.g. failNext(500, 429). */
  failNext(...statuses: number[]): void {
    this.#failures.push(...statuses);
  }

  /**
   * Delays the answers of the next requests by these many ms each, after the
   * request has taken effect: a client that times out does not know it did.
   */
  slowNext(...delays: number[]): void {
    this.#slow.push(...delays);
  }

  /** Puts back the tables the store expects, and answers them for a test to alter. */
  setTablesFromDefaults(): FakeTableDefinition[] {
    this.setTables(defaultTables());
    return defaultTables();
  }

  /** Replaces the base's schema (to test `airtable:check` against a wrong base). */
  setTables(tables: readonly FakeTableDefinition[]): void {
    this.#tables = [...tables];
    for (const table of tables)
      if (!this.#records.has(table.name)) this.#records.set(table.name, []);
  }

  // --- Inspection ---------------------------------------------------------

  records(table: string): StoredRecord[] {
    return [...(this.#records.get(table) ?? [])];
  }

  /** How many records of each table hold each value of `field`. */
  countBy(field: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const records of this.#records.values()) {
      for (const record of records) {
        const cell = record.fields[field];
        const value = typeof cell === 'string' ? cell : JSON.stringify(cell ?? '');
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** Requests answered with this status (all statuses without one). */
  requestCount(status?: number): number {
    return status === undefined
      ? this.log.length
      : this.log.filter((entry) => entry.status === status).length;
  }

  /** Adds a record directly, as a coordinator typing into the base would. */
  insert(table: string, fields: Record<string, unknown>): StoredRecord {
    const record = { id: recordId(), createdTime: new Date().toISOString(), fields: { ...fields } };
    this.#records.get(table)?.push(record);
    return record;
  }

  // --- HTTP ---------------------------------------------------------------

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const body = await readBody(request);
    const answer = this.#answer(request.method ?? 'GET', url, request.headers.authorization, body);
    const delay = this.delayMs + (this.#slow.shift() ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    this.log.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      status: answer.status,
      at: this.#now(),
    });
    if (!response.destroyed) send(response, answer.status, answer.body);
  }

  #answer(
    method: string,
    url: URL,
    authorization: string | undefined,
    rawBody: string,
  ): { status: number; body: unknown } {
    if (authorization === undefined) {
      return {
        status: 401,
        body: { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } },
      };
    }
    if (authorization !== `Bearer ${this.apiKey}`) {
      return {
        status: 401,
        body: { error: { type: 'UNAUTHORIZED', message: 'Invalid authentication token' } },
      };
    }
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const isMeta = parts[1] === 'meta';
    const baseId = isMeta ? parts[3] : parts[1];
    if (parts[0] !== 'v0' || baseId !== this.baseId) return forbidden();

    const failure = this.#failures.shift();
    if (failure !== undefined) return failureAnswer(failure);
    const now = this.#now();
    if (this.#mode.kind === 'down') return failureAnswer(this.#mode.status);
    if (this.#mode.kind === 'storm') {
      if (now < this.#mode.until) return { status: 429, body: RATE_LIMIT_BODY };
      this.#mode = { kind: 'normal' };
    }
    if (now < this.#penaltyUntil) return { status: 429, body: RATE_LIMIT_BODY };
    if (this.ratePerSecond !== null) {
      this.#served = this.#served.filter((at) => at > now - 1_000);
      if (this.#served.length >= this.ratePerSecond) {
        this.#penaltyUntil = now + this.penaltyMs;
        return { status: 429, body: RATE_LIMIT_BODY };
      }
      this.#served.push(now);
    }

    if (isMeta) {
      if (method !== 'GET' || parts[4] !== 'tables' || parts.length !== 5) return notFound();
      if (!this.schemaReadScope) return forbidden();
      return { status: 200, body: { tables: this.#tables.map(describeTable) } };
    }

    const table = this.#tables.find(
      (candidate) => candidate.name === parts[2] || tableId(candidate) === parts[2],
    );
    if (table === undefined) return forbidden();
    const records = this.#records.get(table.name) ?? [];
    let body: Record<string, unknown> = {};
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        return invalid('INVALID_REQUEST_BODY', 'Could not parse request body');
      }
    }

    if (parts.length === 3 && method === 'GET')
      return this.#list(table, records, listParams(url.searchParams));
    if (parts.length === 4 && parts[3] === 'listRecords' && method === 'POST') {
      return this.#list(table, records, body);
    }
    if (parts.length === 3 && method === 'POST') return this.#create(table, records, body);
    if (parts.length === 3 && method === 'PATCH' && body['performUpsert'] !== undefined)
      return this.#upsert(table, records, body);
    if (parts.length === 3 && method === 'PATCH') return this.#update(table, records, body);
    if (parts.length === 3 && method === 'DELETE') {
      const ids = url.searchParams.getAll('records[]');
      if (ids.length === 0 || ids.length > 10)
        return invalid('INVALID_RECORDS', 'Provide 1 to 10 record ids');
      if (ids.some((id) => !records.some((record) => record.id === id))) return notFound();
      this.#records.set(
        table.name,
        records.filter((record) => !ids.includes(record.id)),
      );
      return { status: 200, body: { records: ids.map((id) => ({ id, deleted: true })) } };
    }
    if (parts.length === 4) {
      const record = records.find((candidate) => candidate.id === parts[3]);
      if (record === undefined) return notFound();
      if (method === 'GET') return { status: 200, body: record };
      if (method === 'DELETE') {
        this.#records.set(
          table.name,
          records.filter((candidate) => candidate !== record),
        );
        return { status: 200, body: { id: record.id, deleted: true } };
      }
    }
    return notFound();
  }

  #list(table: FakeTableDefinition, records: StoredRecord[], params: Record<string, unknown>) {
    const known = new Set(table.fields.map((field) => field.name));
    let matching = records;
    const formula = params['filterByFormula'];
    if (typeof formula === 'string' && formula !== '') {
      try {
        const node = parseFormula(formula, known);
        matching = records.filter((record) => evaluateFormula(node, record.fields));
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        return invalid(
          'INVALID_FILTER_BY_FORMULA',
          `The formula for filtering records is invalid: ${error.message}`,
        );
      }
    }
    const fieldsParam: unknown = params['fields'];
    const wanted = Array.isArray(fieldsParam) ? fieldsParam.map(String) : undefined;
    if (wanted !== undefined) {
      const unknown = wanted.find((name) => !known.has(name));
      if (unknown !== undefined)
        return invalid('UNKNOWN_FIELD_NAME', `Unknown field name: "${unknown}"`);
    }
    const maxRecords = Number(params['maxRecords'] ?? Infinity);
    const pageSize = Math.min(100, Number(params['pageSize'] ?? 100));
    const start = Number(params['offset'] ?? 0);
    const limited = matching.slice(0, maxRecords);
    const page = limited.slice(start, start + pageSize).map((record) => ({
      ...record,
      fields: wanted === undefined ? record.fields : pick(record.fields, wanted),
    }));
    const next = start + pageSize < limited.length ? { offset: String(start + pageSize) } : {};
    return { status: 200, body: { records: page, ...next } };
  }

  #create(table: FakeTableDefinition, records: StoredRecord[], body: Record<string, unknown>) {
    const typecast = body['typecast'] === true;
    const single = body['records'] === undefined;
    const inputs: unknown[] = single
      ? [{ fields: body['fields'] }]
      : (body['records'] as unknown[]);
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 10) {
      return invalid(
        'INVALID_RECORDS',
        'You must provide an array of up to 10 record objects, each with a fields key',
      );
    }
    const created: StoredRecord[] = [];
    for (const input of inputs) {
      const fields = (input as { fields?: unknown } | null)?.fields;
      if (fields === null || typeof fields !== 'object') {
        return invalid('INVALID_RECORDS', 'Each record must have a fields object');
      }
      const problem = checkFields(table, fields as Record<string, unknown>, typecast);
      if (problem !== undefined) return problem;
      created.push({
        id: recordId(),
        createdTime: new Date().toISOString(),
        // Airtable keeps no empty cells.
        fields: Object.fromEntries(
          Object.entries(fields as Record<string, unknown>).filter(([, value]) => value !== null),
        ),
      });
    }
    records.push(...created);
    return { status: 200, body: single ? created[0] : { records: created } };
  }

  /**
   * Upsert of up to 10 records (PATCH with performUpsert): each is matched on
   * the fieldsToMergeOn values; a match is updated, none creates it, more than
   * one is a 422. Answers the records with createdRecords and updatedRecords.
   */
  #upsert(table: FakeTableDefinition, records: StoredRecord[], body: Record<string, unknown>) {
    const typecast = body['typecast'] === true;
    const inputs = body['records'];
    const mergeOn = (body['performUpsert'] as { fieldsToMergeOn?: unknown } | null)
      ?.fieldsToMergeOn;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 10) {
      return invalid(
        'INVALID_RECORDS',
        'You must provide an array of up to 10 record objects, each with a fields key',
      );
    }
    if (
      !Array.isArray(mergeOn) ||
      mergeOn.length < 1 ||
      mergeOn.length > 3 ||
      !mergeOn.every((name) => table.fields.some((field) => field.name === name))
    ) {
      return invalid(
        'INVALID_MERGE_FIELDS',
        'fieldsToMergeOn must name 1 to 3 fields of the table',
      );
    }
    const names = mergeOn as string[];
    const plan: { fields: Record<string, unknown>; match: StoredRecord | undefined }[] = [];
    for (const input of inputs as unknown[]) {
      const fields = (input as { fields?: unknown } | null)?.fields;
      if (fields === null || typeof fields !== 'object')
        return invalid('INVALID_RECORDS', 'Each record must have a fields object');
      const values = fields as Record<string, unknown>;
      if (names.some((name) => values[name] === undefined || values[name] === null))
        return invalid('INVALID_RECORDS', 'Each record must hold the fields to merge on');
      const problem = checkFields(table, values, typecast);
      if (problem !== undefined) return problem;
      const matches = records.filter((record) =>
        names.every((name) => record.fields[name] === values[name]),
      );
      if (matches.length > 1)
        return invalid('INVALID_RECORDS', 'More than one record matches the fields to merge on');
      plan.push({ fields: values, match: matches[0] });
    }
    const created: string[] = [];
    const updated: string[] = [];
    const answered: StoredRecord[] = [];
    for (const { fields, match } of plan) {
      const kept = (all: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null));
      if (match === undefined) {
        const record = {
          id: recordId(),
          createdTime: new Date().toISOString(),
          fields: kept(fields),
        };
        records.push(record);
        created.push(record.id);
        answered.push(record);
      } else {
        match.fields = kept({ ...match.fields, ...fields });
        updated.push(match.id);
        answered.push(match);
        this.upsertMatches += 1;
      }
    }
    return {
      status: 200,
      body: { records: answered, createdRecords: created, updatedRecords: updated },
    };
  }

  /** PATCH of up to 10 records: the given fields change, a null clears one, the others stay. */
  #update(table: FakeTableDefinition, records: StoredRecord[], body: Record<string, unknown>) {
    const typecast = body['typecast'] === true;
    const inputs = body['records'];
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 10) {
      return invalid(
        'INVALID_RECORDS',
        'You must provide an array of up to 10 record objects, each with an id and fields',
      );
    }
    const changes: { record: StoredRecord; fields: Record<string, unknown> }[] = [];
    for (const input of inputs as unknown[]) {
      const { id, fields } = (input ?? {}) as { id?: unknown; fields?: unknown };
      const record = records.find((candidate) => candidate.id === id);
      if (record === undefined) return notFound();
      if (fields === null || typeof fields !== 'object') {
        return invalid('INVALID_RECORDS', 'Each record must have a fields object');
      }
      const problem = checkFields(table, fields as Record<string, unknown>, typecast);
      if (problem !== undefined) return problem;
      changes.push({ record, fields: fields as Record<string, unknown> });
    }
    for (const { record, fields } of changes) {
      record.fields = Object.fromEntries(
        Object.entries({ ...record.fields, ...fields }).filter(([, value]) => value !== null),
      );
    }
    return { status: 200, body: { records: changes.map(({ record }) => record) } };
  }
}

function checkFields(
  table: FakeTableDefinition,
  fields: Record<string, unknown>,
  typecast: boolean,
) {
  for (const [name, value] of Object.entries(fields)) {
    const field = table.fields.find((candidate) => candidate.name === name);
    if (field === undefined) return invalid('UNKNOWN_FIELD_NAME', `Unknown field name: "${name}"`);
    if (value === null) continue;
    if (!acceptsValue(field, value, typecast)) {
      return invalid(
        'INVALID_VALUE_FOR_COLUMN',
        `Field "${name}" cannot accept the provided value`,
      );
    }
  }
  return undefined;
}

function acceptsValue(field: FakeFieldDefinition, value: unknown, typecast: boolean): boolean {
  const choiceOk = (choice: unknown) =>
    typeof choice === 'string' &&
    (typecast || field.choices === undefined || field.choices.includes(choice));
  switch (field.type) {
    case 'singleSelect':
      return choiceOk(value);
    case 'multipleSelects':
      return Array.isArray(value) ? value.every(choiceOk) : typecast && typeof value === 'string';
    case 'dateTime':
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'number':
      return (
        typeof value === 'number' ||
        (typecast && typeof value === 'string' && !Number.isNaN(Number(value)))
      );
    case 'checkbox':
      return typeof value === 'boolean';
    case 'singleLineText':
      return typeof value === 'string' && (typecast || !value.includes('\n'));
    default:
      return typeof value === 'string';
  }
}

function defaultTables(): FakeTableDefinition[] {
  return checkedTables.map((table) => ({
    name: table.name,
    fields: table.fields.map((field) => ({
      name: field.name,
      type: field.type,
      ...(field.choices === undefined ? {} : { choices: field.choices }),
    })),
  }));
}

function describeTable(table: FakeTableDefinition) {
  const fields = table.fields.map((field) => ({
    id: `fld${hash(`${table.name}.${field.name}`)}`,
    name: field.name,
    type: field.type,
    ...(field.choices === undefined
      ? {}
      : { options: { choices: field.choices.map((name) => ({ id: `sel${hash(name)}`, name })) } }),
  }));
  return {
    id: tableId(table),
    name: table.name,
    primaryFieldId: fields[0]?.id,
    fields,
    views: [{ id: `viw${hash(table.name)}`, name: 'Grid view', type: 'grid' }],
  };
}

function tableId(table: FakeTableDefinition): string {
  return `tbl${hash(table.name)}`;
}

function hash(text: string): string {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value.toString(36).padStart(14, '0').slice(0, 14);
}

function recordId(): string {
  return `rec${randomBytes(7).toString('hex').slice(0, 14)}`;
}

function listParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of ['filterByFormula', 'pageSize', 'maxRecords', 'offset']) {
    const value = search.get(key);
    if (value !== null) params[key] = value;
  }
  const fields = search.getAll('fields[]');
  if (fields.length > 0) params['fields'] = fields;
  return params;
}

function pick(fields: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => names.includes(name)));
}

function forbidden() {
  return {
    status: 403,
    body: {
      error: {
        type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
        message: 'Invalid permissions, or the requested model was not found.',
      },
    },
  };
}

function notFound() {
  return { status: 404, body: { error: 'NOT_FOUND' } };
}

function invalid(type: string, message: string) {
  return { status: 422, body: { error: { type, message } } };
}

function failureAnswer(status: number) {
  if (status === 429) return { status, body: RATE_LIMIT_BODY };
  return { status, body: { error: { type: 'SERVER_ERROR', message: 'Try again later' } } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
}
