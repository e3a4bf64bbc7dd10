// Bounded retries and pacing, on a clock that only moves when code sleeps.

import { describe, expect, it } from 'vitest';
import { PermanentError, TemporaryError } from '../../../src/server/errors.ts';
import { createRateLimiter, withRetry, type Clock } from '../../../src/server/retry.ts';

function manualClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

function failing(errors: Error[], result = 'done') {
  let calls = 0;
  const operation = () => {
    calls += 1;
    const error = errors.shift();
    return error === undefined ? Promise.resolve(result) : Promise.reject(error);
  };
  return { operation, calls: () => calls };
}

describe('withRetry', () => {
  it('retries temporary failures with growing backoff, then succeeds', async () => {
    const clock = manualClock();
    const { operation, calls } = failing([new TemporaryError('x'), new TemporaryError('x')]);

    const result = await withRetry(operation, {
      maxAttempts: 5,
      deadline: 10_000,
      clock,
      random: () => 1,
    });

    expect(result).toBe('done');
    expect(calls()).toBe(3);
    expect(clock.sleeps).toEqual([200, 400]);
  });

  it('waits as long as the provider asks rather than its own backoff', async () => {
    const clock = manualClock();
    const { operation } = failing([new TemporaryError('x_429', 3_000)]);

    await withRetry(operation, { maxAttempts: 3, deadline: 10_000, clock });

    expect(clock.sleeps).toEqual([3_000]);
  });

  it('gives up at once on a permanent failure', async () => {
    const clock = manualClock();
    const permanent = new PermanentError('x_401');
    const { operation, calls } = failing([permanent]);

    await expect(withRetry(operation, { maxAttempts: 5, deadline: 10_000, clock })).rejects.toBe(
      permanent,
    );

    expect(calls()).toBe(1);
  });

  it('gives up with the last error after the last try', async () => {
    const clock = manualClock();
    const last = new TemporaryError('x_503');
    const { operation, calls } = failing([new TemporaryError('x_500'), last]);

    await expect(withRetry(operation, { maxAttempts: 2, deadline: 10_000, clock })).rejects.toBe(
      last,
    );

    expect(calls()).toBe(2);
  });

  it('gives up rather than wait past the deadline, keeping the wait asked for', async () => {
    const clock = manualClock();
    const { operation, calls } = failing([new TemporaryError('x_429', 30_000)]);

    const error: unknown = await withRetry(operation, {
      maxAttempts: 5,
      deadline: 20_000,
      clock,
    }).catch((caught: unknown) => caught);

    expect(calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(error).toMatchObject({ code: 'x_429', retryAfterMs: 30_000 });
  });
});

describe('createRateLimiter', () => {
  it('spaces requests evenly at the given rate', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, code: 'x_paced', clock });

    for (let index = 0; index < 4; index += 1) await limiter.acquire();

    expect(clock.now()).toBe(600);
  });

  it('holds requests back until the end of a pause', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, code: 'x_paced', clock });
    limiter.pauseUntil(30_000);

    await limiter.acquire();

    expect(clock.now()).toBe(30_000);
  });

  it('reserves several slots at once, each waited for in turn', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, code: 'x_paced', clock });

    const slots = limiter.reserve(3);
    for (const slot of slots) await slot();

    expect(clock.now()).toBe(400);
  });

  it('reserves nothing when the last slot would come after the deadline', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, code: 'x_paced', clock });

    const refused = (() => {
      try {
        limiter.reserve(10, 1_000);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    await limiter.acquire();

    expect(refused).toMatchObject({ code: 'x_paced', retryAfterMs: 1_800 });
    expect(clock.now()).toBe(0);
  });

  it('refuses a slot after the deadline with a TemporaryError saying how long to wait', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, code: 'x_paced', clock });
    limiter.pauseUntil(30_000);

    const error: unknown = await limiter.acquire(1_000).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'x_paced', retryAfterMs: 30_000 });
  });
});
