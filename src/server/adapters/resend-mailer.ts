// Mailer on Resend, through the official `resend` client. The client never
// throws and has no timeout: every call gets an AbortSignal.timeout, its
// `error` result is turned into our errors, and it is paced and retried here
// within a deadline. The idempotency key makes every retry send at most once.
// Batches (up to 100 emails, no attachments) go to the batch endpoint with
// permissive validation: an email it refuses is reported, the others are sent.

import type { CreateBatchEmailOptions, CreateEmailOptions, ErrorResponse, Resend } from 'resend';
import { PermanentError, RejectedError, TemporaryError } from '../errors.ts';
import {
  maxMailBatch,
  type BatchEmail,
  type BatchOutcome,
  type EmailMessage,
  type Mailer,
} from '../ports.ts';
import {
  sharedRateLimiter,
  systemClock,
  withRetry,
  type Clock,
  type RateLimiter,
} from '../retry.ts';

export interface ResendMailerOptions {
  apiKey: string;
  /** Another API server, e.g. the fake of the tests; no trailing slash. */
  baseUrl?: string;
  /** Sender, e.g. "Médecins du Monde Calais <benevolat@example.org>" (a verified domain). */
  from: string;
  /** Time limit of one HTTP request. Default 10 s. */
  timeoutMs?: number;
  /** Time budget of one send, pacing and retries included. Default 20 s. */
  deadlineMs?: number;
  /** Tries per send. Default 4. */
  maxAttempts?: number;
  /** Pacing of requests; by default 1.8 per second (under Resend's default 2), shared in this process. */
  limiter?: RateLimiter;
  clock?: Clock;
}

/** Resend's default team limit is 2 requests per second; a 10 % margin absorbs network jitter. */
const RESEND_RATE_PER_SECOND = 1.8;
export class ResendMailer implements Mailer {
  /**
   * The official client, loaded at the first send rather than with the
   * function: most invocations send nothing, and a cold start is shorter without it.
   */
  readonly #client: () => Promise<Resend>;
  readonly #from: string;
  readonly #timeoutMs: number;
  readonly #deadlineMs: number;
  readonly #maxAttempts: number;
  readonly #limiter: RateLimiter;
  readonly #clock: Clock;

  constructor(options: ResendMailerOptions) {
    const baseUrl = options.baseUrl?.replace(/\/+$/, '');
    let client: Promise<Resend> | undefined;
    this.#client = () =>
      (client ??= import('resend').then(
        ({ Resend: Client }) =>
          new Client(options.apiKey, baseUrl === undefined ? {} : { baseUrl }),
      ));
    this.#from = options.from;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#deadlineMs = options.deadlineMs ?? 20_000;
    this.#maxAttempts = options.maxAttempts ?? 4;
    this.#clock = options.clock ?? systemClock;
    this.#limiter =
      options.limiter ??
      sharedRateLimiter('resend', {
        ratePerSecond: RESEND_RATE_PER_SECOND,
        code: 'resend_paced',
        clock: this.#clock,
      });
  }

  async send(message: EmailMessage, options: { idempotencyKey: string }): Promise<{ id: string }> {
    const deadline = this.#clock.now() + this.#deadlineMs;
    const payload = this.#payload(message);
    const data = await this.#request(deadline, (client, signal) =>
      client.emails.send(payload, { idempotencyKey: options.idempotencyKey, signal }),
    );
    return { id: data.id };
  }

  async sendBatch(
    emails: readonly BatchEmail[],
    options: { idempotencyKey: string },
  ): Promise<BatchOutcome[]> {
    if (emails.length === 0) return [];
    if (emails.length > maxMailBatch) throw new PermanentError('resend_batch_too_large');
    if (emails.some(({ message }) => (message.attachments ?? []).length > 0))
      throw new PermanentError('resend_batch_attachments');
    const deadline = this.#clock.now() + this.#deadlineMs;
    // Built once, so that every retry carries the very same payload under the same key.
    const payload: CreateBatchEmailOptions[] = emails.map(({ message }) => {
      const { attachments: _none, ...single } = this.#payload(message);
      return single;
    });
    const data = await this.#request(deadline, (client, signal) =>
      client.batch.send(payload, {
        idempotencyKey: options.idempotencyKey,
        batchValidation: 'permissive',
        signal,
      }),
    );
    return batchOutcomes(emails.length, data.data, data.errors);
  }

  /**
   * One call to Resend, paced, with its time limit, its failure turned into
   * our errors (a 429 holding every request of the process back for the wait
   * Resend asks), retried within the deadline.
   */
  #request<T>(
    deadline: number,
    call: (
      client: Resend,
      signal: AbortSignal,
    ) => Promise<{
      data: T | null;
      error: ErrorResponse | null;
      headers: Record<string, string> | null;
    }>,
  ): Promise<T> {
    return withRetry(
      async () => {
        await this.#limiter.acquire(deadline);
        const client = await this.#client();
        const signal = AbortSignal.timeout(this.#timeoutMs);
        const { data, error, headers } = await call(client, signal);
        if (data === null && error === null) throw new TemporaryError('resend_empty_answer');
        if (error !== null) {
          const mapped = toMailerError(error, headers, signal.aborted);
          if (mapped instanceof TemporaryError && mapped.code === 'resend_429') {
            this.#limiter.pauseUntil(this.#clock.now() + (mapped.retryAfterMs ?? 1_000));
          }
          throw mapped;
        }
        return data as T;
      },
      { maxAttempts: this.#maxAttempts, deadline, clock: this.#clock },
    );
  }

  /** Built once per send so that every retry carries the very same payload (else Resend answers 409). */
  #payload(message: EmailMessage): CreateEmailOptions {
    return {
      from: this.#from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
      ...(message.attachments === undefined
        ? {}
        : {
            attachments: message.attachments.map((attachment) => ({
              filename: attachment.filename,
              content: Buffer.from(attachment.content),
              contentType: attachment.contentType,
            })),
          }),
      ...(message.tags === undefined
        ? {}
        : { tags: Object.entries(message.tags).map(([name, value]) => ({ name, value })) }),
    };
  }
}

/**
 * One outcome per email of a batch: Resend lists the ids of the emails it
 * accepted, in order, and the index of each one it refused (with a message
 * that can quote an address: never kept).
 */
export function batchOutcomes(
  count: number,
  sent: readonly { id: string }[],
  refused: readonly { index: number; message: string }[] | undefined,
): BatchOutcome[] {
  const refusedAt = new Set((refused ?? []).map((error) => error.index));
  const ids = sent.map((email) => email.id);
  if (ids.length + refusedAt.size !== count) throw new PermanentError('resend_batch_answer');
  return Array.from({ length: count }, (_, index) =>
    refusedAt.has(index) ? { refused: 'resend_batch_refused' } : { id: ids.shift() ?? '' },
  );
}

/**
 * Resend's error result as our errors. Codes name the status and Resend's error
 * name, never the message (it can quote an address).
 */
export function toMailerError(
  error: ErrorResponse,
  headers: Record<string, string> | null,
  timedOut: boolean,
): TemporaryError | PermanentError {
  const status = error.statusCode;
  if (status === null) return new TemporaryError(timedOut ? 'resend_timeout' : 'resend_network');
  if (status === 429) return new TemporaryError('resend_429', retryAfterMs(headers));
  if (status === 409) {
    // Same key while the first request is still running: it will settle soon.
    if (error.name === 'concurrent_idempotent_requests')
      return new TemporaryError('resend_409_concurrent', 1_000);
    return new PermanentError('resend_409_idempotency_conflict');
  }
  if (status >= 500) return new TemporaryError(`resend_${status}`);
  const code = `resend_${status}_${safeName(error.name)}`;
  // 400 and 422 judge the message itself (e.g. an address Resend refuses); 401
  // and 403 judge our key or domain, which a fix of the configuration cures.
  return status === 400 || status === 422 ? new RejectedError(code) : new PermanentError(code);
}

/** The wait Resend asks for: retry-after, else ratelimit-reset (both in seconds). */
function retryAfterMs(headers: Record<string, string> | null): number | undefined {
  for (const name of ['retry-after', 'ratelimit-reset']) {
    const seconds = Number(headers?.[name]);
    if (headers?.[name] !== undefined && Number.isFinite(seconds) && seconds >= 0)
      return seconds * 1_000;
  }
  return undefined;
}

function safeName(name: unknown): string {
  return typeof name === 'string' && /^[a-z_]{1,60}$/.test(name) ? name : 'error';
}
