// A fake Resend API (POST /emails and /emails/batch) on node:http, port 0,
// behaving as documented: bearer auth (401 missing, 403 invalid), validation
// errors, batches of at most 100 emails without attachments (strict: one
// invalid email refuses the batch; permissive: it is listed in `errors` by
// index), Idempotency-Key replay (the same answer) and 409 on a different
// payload, 429 with rate-limit headers (a batch is one request), and
// programmable outages and slowness. Sent emails land in an inspectable inbox.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResendOptions {
  apiKey?: string;
  /** Requests per second before a 429 (null: no limit). Default 2, Resend's default. */
  ratePerSecond?: number | null;
  port?: number;
  /** Its time, for the rate limit, storms and request log: the adapter's fake clock in tests that use one. Default the system's. */
  clock?: { now(): number };
}

/** An email as Resend received it (the API's snake_case body). */
export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string[];
  tags?: { name: string; value: string }[];
  attachments?: { filename?: string; content?: string; content_type?: string }[];
  /** The request's key: the email's own, or its batch's. */
  idempotencyKey?: string;
  /** Its place in its batch, if it came in one. */
  batchIndex?: number;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export class FakeResend {
  readonly apiKey: string;
  /** Base URL to give the client as baseUrl (no trailing slash). */
  url = '';
  /** Every email accepted, once per idempotency key. */
  readonly inbox: ReceivedEmail[] = [];
  /** Requests received, with their status. */
  readonly log: { status: number; at: number; idempotencyKey?: string }[] = [];
  delayMs = 0;
  ratePerSecond: number | null;

  readonly #server: Server;
  readonly #idempotency = new Map<string, { payload: string; answer: Answer }>();
  #failures: number[] = [];
  #downStatus: number | undefined;
  #served: number[] = [];

  readonly #now: () => number;

  private constructor(options: FakeResendOptions) {
    this.apiKey = options.apiKey ?? 're_fake_key';
    const clock = options.clock;
    this.#now = clock === undefined ? () => Date.now() : () => clock.now();
    this.ratePerSecond = options.ratePerSecond === undefined ? 2 : options.ratePerSecond;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch(() => {
        if (!response.headersSent)
          send(response, {
            status: 500,
            body: errorBody(500, 'internal_server_error', 'fake failure'),
          });
      });
    });
  }

  static async start(options: FakeResendOptions = {}): Promise<FakeResend> {
    const fake = new FakeResend(options);
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

  /** Answers `status` (5xx) to every request until recover(). */
  goDown(status = 500): void {
    this.#downStatus = status;
  }

  recover(): void {
    this.#downStatus = undefined;
    this.#failures = [];
  }

  /** The next requests answer these statuses in turn, e.g. failNext(429, 500). */
  failNext(...statuses: number[]): void {
    this.#failures.push(...statuses);
  }

  requestCount(status?: number): number {
    return status === undefined
      ? this.log.length
      : this.log.filter((entry) => entry.status === status).length;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const keyHeader = request.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : undefined;
    const validation = request.headers['x-batch-validation'];
    const answer = this.#answer(
      request.method ?? 'GET',
      request.url ?? '/',
      request.headers.authorization,
      raw,
      idempotencyKey,
      validation === 'permissive' ? 'permissive' : 'strict',
    );
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.log.push({
      status: answer.status,
      at: this.#now(),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    if (!response.destroyed) send(response, answer);
  }

  #answer(
    method: string,
    path: string,
    authorization: string | undefined,
    raw: string,
    idempotencyKey: string | undefined,
    validation: 'strict' | 'permissive' = 'strict',
  ): Answer {
    if (
      authorization === undefined ||
      !authorization.startsWith('Bearer ') ||
      authorization === 'Bearer '
    ) {
      return {
        status: 401,
        body: errorBody(401, 'missing_api_key', 'Missing API key in the authorization header.'),
      };
    }
    if (authorization !== `Bearer ${this.apiKey}`) {
      return { status: 403, body: errorBody(403, 'invalid_api_key', 'API key is invalid') };
    }
    if (method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
      return {
        status: 404,
        body: errorBody(404, 'not_found', 'The requested endpoint does not exist.'),
      };
    }

    const failure = this.#failures.shift() ?? this.#downStatus;
    if (failure === 429) return this.#rateLimited(1);
    if (failure !== undefined) {
      return {
        status: failure,
        body: errorBody(failure, 'internal_server_error', 'An unexpected error occurred.'),
      };
    }
    const now = this.#now();
    if (this.ratePerSecond !== null) {
      this.#served = this.#served.filter((at) => at > now - 1_000);
      if (this.#served.length >= this.ratePerSecond) return this.#rateLimited(1);
      this.#served.push(now);
    }

    if (idempotencyKey !== undefined) {
      if (idempotencyKey.length < 1 || idempotencyKey.length > 256) {
        return {
          status: 400,
          body: errorBody(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.'),
        };
      }
      const previous = this.#idempotency.get(idempotencyKey);
      if (previous !== undefined) {
        if (previous.payload !== raw) {
          return {
            status: 409,
            body: errorBody(
              409,
              'invalid_idempotent_request',
              'Same idempotency key used with a different request payload.',
            ),
          };
        }
        return previous.answer;
      }
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { status: 422, body: errorBody(422, 'validation_error', 'Invalid JSON body.') };
    }
    if (path === '/emails/batch') {
      const answer = this.#batch(parsed, validation, idempotencyKey);
      if (idempotencyKey !== undefined && answer.status === 200)
        this.#idempotency.set(idempotencyKey, { payload: raw, answer });
      return answer;
    }
    const email = parsed as Record<string, unknown>;
    const problem = validate(email);
    if (problem !== undefined)
      return { status: 422, body: errorBody(422, problem.name, problem.message) };

    const id = randomUUID();
    const answer: Answer = { status: 200, body: { id } };
    this.inbox.push({
      ...(email as unknown as ReceivedEmail),
      to: (Array.isArray(email['to']) ? email['to'] : [email['to']]).map(String),
      id,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    if (idempotencyKey !== undefined)
      this.#idempotency.set(idempotencyKey, { payload: raw, answer });
    return answer;
  }

  /** POST /emails/batch: up to 100 emails, no attachments; permissive validation lists the refused by index. */
  #batch(
    parsed: unknown,
    validation: 'strict' | 'permissive',
    idempotencyKey: string | undefined,
  ): Answer {
    if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 100) {
      return {
        status: 422,
        body: errorBody(422, 'validation_error', 'A batch holds 1 to 100 emails.'),
      };
    }
    const emails = parsed as Record<string, unknown>[];
    const problems = emails.map((email) =>
      email['attachments'] !== undefined
        ? { name: 'validation_error', message: 'Attachments are not supported in batch.' }
        : validate(email),
    );
    const errors = problems.flatMap((problem, index) =>
      problem === undefined ? [] : [{ index, message: problem.message }],
    );
    if (validation === 'strict' && errors[0] !== undefined) {
      const first = problems[errors[0].index];
      return {
        status: 422,
        body: errorBody(422, first?.name ?? 'validation_error', errors[0].message),
      };
    }
    const data: { id: string }[] = [];
    for (const [index, email] of emails.entries()) {
      if (problems[index] !== undefined) continue;
      const id = randomUUID();
      data.push({ id });
      this.inbox.push({
        ...(email as unknown as ReceivedEmail),
        to: (Array.isArray(email['to']) ? email['to'] : [email['to']]).map(String),
        id,
        batchIndex: index,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      });
    }
    return {
      status: 200,
      body: validation === 'permissive' ? { data, errors } : { data },
    };
  }

  #rateLimited(resetSeconds: number): Answer {
    return {
      status: 429,
      body: errorBody(
        429,
        'rate_limit_exceeded',
        'Too many requests. You can only make 2 requests per second.',
      ),
      headers: {
        'ratelimit-limit': String(this.ratePerSecond ?? 2),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(resetSeconds),
        'retry-after': String(resetSeconds),
      },
    };
  }
}

function validate(email: Record<string, unknown>): { name: string; message: string } | undefined {
  for (const field of ['from', 'to', 'subject']) {
    if (email[field] === undefined || email[field] === '') {
      return { name: 'missing_required_field', message: `Missing \`${field}\` field.` };
    }
  }
  if (
    typeof email['from'] !== 'string' ||
    !/^(.*<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/.test(email['from'])
  ) {
    return { name: 'invalid_from_address', message: 'Invalid `from` field.' };
  }
  const to = Array.isArray(email['to']) ? email['to'] : [email['to']];
  if (
    to.length > 50 ||
    !to.every(
      (address) => typeof address === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address),
    )
  ) {
    return { name: 'validation_error', message: 'Invalid `to` field.' };
  }
  if (email['html'] === undefined && email['text'] === undefined) {
    return { name: 'validation_error', message: 'Provide `html` or `text`.' };
  }
  return undefined;
}

function errorBody(statusCode: number, name: string, message: string) {
  return { statusCode, name, message };
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(JSON.stringify(answer.body));
}
