// Errors the adapters raise, so that the core can tell "try later" from "give up"
// without knowing which provider failed.

/** A failure that may pass: rate limit (429), server error (5xx), timeout, network. */
export class TemporaryError extends Error {
  override readonly name = 'TemporaryError';
  /** Short code for logs and the pending item, e.g. "airtable_429". No personal data. */
  readonly code: string;
  /** How long to wait before trying again, when the provider says so. */
  readonly retryAfterMs: number | undefined;

  constructor(code: string, retryAfterMs?: number) {
    super(code);
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A failure that retrying will not fix: bad credentials, missing table, invalid payload. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  readonly code: string;

  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/**
 * A provider's refusal of this very message or record (an address it will
 * never accept, an invalid payload): unlike bad credentials, which a fix of the
 * configuration cures, no retry of it can ever succeed.
 */
export class RejectedError extends PermanentError {}
