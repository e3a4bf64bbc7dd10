// Errors the adapters raise, so that the core can tell "try later" from "give up"
// without knowing which provider failed.

/** A failure that may pass: rate limit (429), server error (5xx), timeout, network. */
export class TemporaryError extends Error {
  override readonly name = 'TemporaryError';
  constructor(
    /** Short code for logs and the pending item, e.g. "airtable_429". No personal data. */
    readonly code: string,
    /** How long to wait before trying again, when the provider says so. */
    readonly retryAfterMs?: number,
  ) {
    super(code);
  }
}

/** A failure that retrying will not fix: bad credentials, missing table, invalid payload. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  constructor(readonly code: string) {
    super(code);
  }
}
