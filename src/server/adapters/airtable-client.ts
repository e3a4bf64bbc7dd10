// The one way this project talks to Airtable: the official `airtable` client
// for one base (its own unbounded 429 retry turned off), every request paced
// under the base's limit by a limiter shared by every client of the same base
// in this process, a 429 pausing them all for Airtable's penalty, failures
// turned into our TemporaryError / PermanentError (never Airtable's message,
// which may quote data), and bounded retries within a deadline. The store
// (airtable-store.ts) and the build's sessions loader
// (src/loaders/airtable-sessions.ts) both go through it.
import type Airtable from 'airtable';
import type { AirtableAccess } from '../../env.ts';
import { PermanentError, TemporaryError } from '../errors.ts';
import {
  sharedRateLimiter,
  systemClock,
  withRetry,
  type Clock,
  type RateLimiter,
} from '../retry.ts';
import { airtableTables } from './airtable-schema.ts';

export interface AirtableClientOptions extends AirtableAccess {
  /** Time limit of one HTTP request. Default 10 s. */
  requestTimeoutMs?: number;
  /** Tries per request. Default 4. */
  maxAttempts?: number;
  /** How long Airtable makes a client wait after a 429: 30 s (tests scale it down). */
  rateLimitPenaltyMs?: number;
  /** Pacing of requests; by default 4.5 per second, shared by every client of the same base in this process. */
  limiter?: RateLimiter;
  clock?: Clock;
}

/**
 * Airtable allows 5 requests per second per base; a 10 % margin absorbs network
 * jitter (a request that arrives late would otherwise share a second with the next five).
 */
export const AIRTABLE_RATE_PER_SECOND = 4.5;

export class AirtableClient {
  /**
   * The official client's base (`table(name)`, `makeRequest({ method, path,
   * qs, body })`), loaded at the first request rather than with the function:
   * most invocations (an answer, a seat count) never call Airtable, and a cold
   * start is shorter without the client and its dependencies.
   */
  readonly #base: () => Promise<Airtable.Base>;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  readonly #maxAttempts: number;
  readonly #penaltyMs: number;

  constructor(options: AirtableClientOptions) {
    const endpointUrl = (options.endpointUrl ?? 'https://api.airtable.com').replace(/\/+$/, '');
    let base: Promise<Airtable.Base> | undefined;
    this.#base = () =>
      (base ??= import('airtable').then(({ default: Client }) =>
        new Client({
          apiKey: options.apiKey,
          endpointUrl,
          // Its own 429 retry has no bound: ours, in request(), has one.
          noRetryIfRateLimited: true,
          requestTimeout: options.requestTimeoutMs ?? 10_000,
        }).base(options.baseId),
      ));
    this.clock = options.clock ?? systemClock;
    this.limiter =
      options.limiter ??
      sharedRateLimiter(`airtable ${endpointUrl} ${options.baseId}`, {
        ratePerSecond: AIRTABLE_RATE_PER_SECOND,
        code: 'airtable_paced',
        clock: this.clock,
      });
    this.#maxAttempts = options.maxAttempts ?? 4;
    this.#penaltyMs = options.rateLimitPenaltyMs ?? 30_000;
  }

  /**
   * One request with pacing, error mapping and retries within the deadline.
   * `slot`: a place in the pacing reserved beforehand (limiter.reserve), for
   * the first try; retries queue again.
   */
  request<T>(
    table: string,
    deadline: number,
    call: (base: Airtable.Base) => Promise<T>,
    slot?: () => Promise<void>,
  ): Promise<T> {
    return withRetry(
      (attempt) => this.#attempt(table, deadline, call, attempt === 1 ? slot : undefined),
      {
        maxAttempts: this.#maxAttempts,
        deadline,
        clock: this.clock,
      },
    );
  }

  /** One paced try (in its reserved slot, if any), its failure turned into our errors. */
  async #attempt<T>(
    table: string,
    deadline: number,
    call: (base: Airtable.Base) => Promise<T>,
    slot?: () => Promise<void>,
  ): Promise<T> {
    await (slot === undefined ? this.limiter.acquire(deadline) : slot());
    try {
      return await call(await this.#base());
    } catch (error) {
      const mapped = toStoreError(error, table, this.#penaltyMs);
      if (mapped instanceof TemporaryError && mapped.code === 'airtable_429') {
        this.limiter.pauseUntil(this.clock.now() + this.#penaltyMs);
      }
      throw mapped;
    }
  }
}

const knownFieldNames = new Set(
  airtableTables.flatMap((table) => table.fields.map((field) => field.name)),
);

/**
 * The client's failures as our errors. Codes name the status, the table and a
 * field of our schema at most: never data, never Airtable's message.
 */
export function toStoreError(
  error: unknown,
  table: string,
  penaltyMs: number,
): TemporaryError | PermanentError {
  if (error instanceof TemporaryError || error instanceof PermanentError) return error;
  // AirtableError is not an Error subclass: recognise it by shape.
  const shape = (error ?? {}) as {
    statusCode?: unknown;
    error?: unknown;
    message?: unknown;
    name?: unknown;
  };
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  const type = typeof shape.error === 'string' ? shape.error : undefined;
  if (status === undefined) {
    if (
      shape.name === 'AbortError' ||
      (type === 'CONNECTION_ERROR' && /abort/i.test(String(shape.message)))
    ) {
      return new TemporaryError('airtable_timeout');
    }
    return new TemporaryError('airtable_network');
  }
  if (status === 429) return new TemporaryError('airtable_429', penaltyMs);
  if (status >= 500) return new TemporaryError(`airtable_${status}`);
  if (status === 401) return new PermanentError('airtable_401_invalid_token');
  if (status === 403) return new PermanentError(`airtable_403_table_or_permission:${table}`);
  if (status === 404) return new PermanentError(`airtable_404_not_found:${table}`);
  if (status === 413) return new PermanentError(`airtable_413_too_large:${table}`);
  if (status === 422) {
    const field = fieldIn(typeof shape.message === 'string' ? shape.message : '');
    const kind = (type ?? 'unprocessable').toLowerCase();
    return new PermanentError(
      `airtable_422_${kind}:${table}${field === undefined ? '' : `.${field}`}`,
    );
  }
  return new PermanentError(`airtable_${status}:${table}`);
}

/** The field of our schema that an error message names, if any. */
function fieldIn(message: string): string | undefined {
  for (const match of message.matchAll(/"([^"]{1,100})"/g)) {
    const name = match[1];
    if (name !== undefined && knownFieldNames.has(name)) return name;
  }
  return undefined;
}
