// HTTP plumbing shared by the functions: reading bodies within a size limit,
// JSON and problem+json (RFC 9457) answers, and the one error → status mapping.
import { PermanentError, TemporaryError } from './errors.ts';
import { ConfigError } from './config.ts';
import { fromFormEntries } from '../schemas/forms/form-data.ts';
import { stringOrEmpty } from '../lib/values.ts';

/** Largest body accepted: a full form with every text at its maximum fits in a few KB. */
export const maxBodyBytes = 32 * 1024;

/**
 * Deepest JSON nesting accepted: our forms need 3 (body → languages → one
 * language). Deeper values are refused before parsing, because code that walks
 * them later (String(), zod, JSON.stringify) recurses once per level and a
 * body of 15,000 brackets overflows the stack.
 */
export const maxJsonDepth = 8;

/** A failure with a status for the client; `code` is short and safe to log. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export type BodyFormat = 'form' | 'json';

export interface ParsedBody {
  /** How the client sent it: a plain HTML form, or the script's JSON. */
  format: BodyFormat;
  data: Record<string, unknown>;
}

// Security headers (CSP, no-store, nosniff…) are set on every function
// response by endpoint.ts, not here.

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { ...init, headers });
}

export interface Problem {
  status: number;
  /** Short, stable, human-readable summary of the problem type. */
  title: string;
  detail?: string;
  /** Extension members, e.g. per-field errors. */
  [extension: string]: unknown;
}

export function problem(p: Problem, init: ResponseInit = {}): Response {
  const response = json({ type: 'about:blank', ...p }, { ...init, status: p.status });
  response.headers.set('content-type', 'application/problem+json; charset=utf-8');
  return response;
}

/** An HTML page as the answer (the pages of src/server/pages/). */
export function htmlResponse(body: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(body, { ...init, headers });
}

/** 303 See Other: after a form post, the browser GETs the target. */
export const redirect = (location: string) =>
  new Response(null, { status: 303, headers: { location } });

const mediaType = (req: Request) =>
  (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Reads a form-encoded or JSON body, refusing other types (415) and big ones (413). */
export async function readBody(req: Request, limit = maxBodyBytes): Promise<ParsedBody> {
  const type = mediaType(req);
  const format: BodyFormat | undefined =
    type === 'application/x-www-form-urlencoded'
      ? 'form'
      : type === 'application/json'
        ? 'json'
        : undefined;
  if (format === undefined) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send application/x-www-form-urlencoded or application/json.',
    );
  }
  const text = await readText(req, limit);
  if (format === 'form') return { format, data: fromFormEntries(new URLSearchParams(text)) };
  if (jsonDepth(text) > maxJsonDepth) {
    throw new HttpError(
      400,
      'json_too_deep',
      `The body must not nest deeper than ${maxJsonDepth}.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HttpError(400, 'invalid_json', 'The body must be a JSON object.');
  }
  return { format, data: data as Record<string, unknown> };
}

/**
 * What a signed link's page was asked: the link's token (in the address on a
 * GET, which only shows a page, in the form on a POST, which acts) and, on a
 * POST, the form, whose buttons say what to do.
 */
export async function readLinkRequest(
  req: Request,
): Promise<{ token: string; form: Record<string, unknown> | null }> {
  if (req.method === 'GET') {
    return { token: stringOrEmpty(new URL(req.url).searchParams.get('token')), form: null };
  }
  const form = (await readBody(req, 4096)).data;
  return { token: stringOrEmpty(form['token']), form };
}

/** How deeply the arrays and objects of a JSON text nest (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/** The body as text, stopping as soon as it passes the limit (Content-Length may lie or be absent). */
async function readText(req: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `The body must be under ${limit} bytes.`);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  if (req.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The one place where an error becomes a status. Never echoes personal data. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return problem({ status: error.status, title: error.message, code: error.code });
  }
  if (error instanceof ConfigError) {
    return problem({
      status: 500,
      title: 'The server is misconfigured.',
      code: 'config_error',
      variables: error.problems.map((p) => p.variable),
    });
  }
  if (error instanceof TemporaryError) {
    const retryAfter = Math.ceil((error.retryAfterMs ?? 30_000) / 1000);
    return problem(
      { status: 503, title: 'Please try again in a moment.', code: error.code },
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }
  if (error instanceof PermanentError) {
    return problem({ status: 500, title: 'Something went wrong on our side.', code: error.code });
  }
  return problem({
    status: 500,
    title: 'Something went wrong on our side.',
    code: 'internal_error',
  });
}
