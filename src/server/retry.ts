// Bounded retries with backoff inside a deadline, and request pacing, for code
// that calls rate-limited providers. Time is injectable so that tests run fast.

import { TemporaryError } from './errors.ts';

/** The passage of time, as seen by retries and pacing. Milliseconds since the epoch. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface RetryOptions {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  /** Instant (clock milliseconds) after which no further try is started. */
  deadline: number;
  /** Upper bound of the first backoff; it doubles on each try, with full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff. Default 5 s. */
  maxDelayMs?: number;
  clock?: Clock;
  /** Random number in [0, 1), injectable so that tests know the waits. */
  random?: () => number;
  /** Which failures deserve another try. Default: TemporaryError only. */
  isRetryable?: (error: unknown) => boolean;
}

/**
 * Runs `operation` until it succeeds, fails for good, runs out of tries, or
 * would have to wait past the deadline; then the last error is thrown as is,
 * so that a TemporaryError keeps its retryAfterMs for the caller's own queue.
 * A provider's own delay (TemporaryError.retryAfterMs) wins over the backoff.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const isRetryable = options.isRetryable ?? ((error) => error instanceof TemporaryError);
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 5_000;

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt >= options.maxAttempts) throw error;
      const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const asked = error instanceof TemporaryError ? error.retryAfterMs : undefined;
      const wait = asked ?? backoff;
      if (clock.now() + wait >= options.deadline) throw error;
      await clock.sleep(wait);
    }
  }
}

/** Spaces requests to stay under a provider's rate limit, shared by every caller of one instance. */
export interface RateLimiter {
  /**
   * Waits for the next request slot. Rejects with a TemporaryError (the
   * limiter's code, retryAfterMs = the wait) when the slot would come after
   * `deadline`, without taking the slot.
   */
  acquire(deadline?: number): Promise<void>;
  /**
   * Takes the next `count` slots at once, or none: rejects with a TemporaryError
   * if the last one would come after `deadline`. Each returned function waits
   * for its slot. An operation of several requests reserves them together so
   * that, when callers crowd in, it cannot start and then starve half-way.
   */
  reserve(count: number, deadline?: number): (() => Promise<void>)[];
  /** Holds every request back until this instant, e.g. during a provider's 429 penalty. */
  pauseUntil(instant: number): void;
}

export interface RateLimiterOptions {
  /** Requests per second at most. */
  ratePerSecond: number;
  /** Code of the TemporaryError raised when the deadline comes first, e.g. "airtable_paced". */
  code: string;
  clock?: Clock;
}

/**
 * A limiter that hands out evenly spaced slots (1 / rate apart): a burst is
 * never allowed, so that any one-second window sees at most `ratePerSecond`
 * requests, whatever window the provider counts in.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? systemClock;
  const intervalMs = 1_000 / options.ratePerSecond;
  let nextSlot = 0;
  let pausedUntil = 0;

  /** Waits for a reserved slot; if a pause began meanwhile, queues again. */
  const waitFor = async (slot: number, deadline: number | undefined): Promise<void> => {
    const now = clock.now();
    if (slot > now) await clock.sleep(slot - now);
    if (pausedUntil > clock.now()) await limiter.acquire(deadline);
  };

  const limiter: RateLimiter = {
    async acquire(deadline) {
      for (;;) {
        const now = clock.now();
        const slot = Math.max(now, nextSlot, pausedUntil);
        if (deadline !== undefined && slot > deadline) {
          throw new TemporaryError(options.code, slot - now);
        }
        nextSlot = slot + intervalMs;
        if (slot <= now) return;
        await clock.sleep(slot - now);
        // A pause that began while this caller slept voids its slot.
        if (pausedUntil <= clock.now()) return;
      }
    },
    reserve(count, deadline) {
      const now = clock.now();
      const first = Math.max(now, nextSlot, pausedUntil);
      const last = first + (count - 1) * intervalMs;
      if (deadline !== undefined && last > deadline) {
        throw new TemporaryError(options.code, last - now);
      }
      nextSlot = last + intervalMs;
      return Array.from(
        { length: count },
        (_, index) => () => waitFor(first + index * intervalMs, deadline),
      );
    },
    pauseUntil(instant) {
      pausedUntil = Math.max(pausedUntil, instant);
    },
  };
  return limiter;
}

/** Per clock (in production the system's), the process's limiters by key. */
const sharedLimiters = new WeakMap<Clock, Map<string, RateLimiter>>();

/**
 * The process's one limiter for `key` (a provider's account or base): every
 * client of the same account shares it, since the provider counts requests
 * per account, not per client.
 */
export function sharedRateLimiter(
  key: string,
  options: Omit<RateLimiterOptions, 'clock'> & { clock: Clock },
): RateLimiter {
  let byKey = sharedLimiters.get(options.clock);
  if (byKey === undefined) {
    byKey = new Map();
    sharedLimiters.set(options.clock, byKey);
  }
  let limiter = byKey.get(key);
  if (limiter === undefined) {
    limiter = createRateLimiter(options);
    byKey.set(key, limiter);
  }
  return limiter;
}
