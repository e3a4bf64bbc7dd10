// The little the handlers need from the platform's request context.

export interface RequestContext {
  /** Keeps the function alive after the response until the promise settles. */
  waitUntil(promise: Promise<unknown>): void;
}
