// Faults of the Resend mailer, against the fake Resend.

import { afterEach, describe, expect, it } from 'vitest';
import {
  ResendMailer,
  type ResendMailerOptions,
} from '../../../src/server/adapters/resend-mailer.ts';
import { PermanentError, RejectedError, TemporaryError } from '../../../src/server/errors.ts';
import { createRateLimiter } from '../../../src/server/retry.ts';
import { FakeResend, type FakeResendOptions } from '../../fakes/fake-resend.ts';
import { emailMessage, nextId } from '../../contract/builders.ts';
import { FakeClock } from '../../support-server/memory-ports.ts';

let fake: FakeResend | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/**
 * The fake Resend and a mailer over it. With `clock`, both keep that fake time:
 * the mailer's waits (a 429's, its retries') pass at once, and the fake sees
 * them pass. Without, the system's (the pacing and time-out tests measure it).
 */
async function setUp(
  fakeOptions: FakeResendOptions = {},
  mailerOptions: Partial<ResendMailerOptions> = {},
  clock?: FakeClock,
): Promise<{ fake: FakeResend; mailer: ResendMailer }> {
  const timed = clock === undefined ? {} : { clock };
  fake = await FakeResend.start({ ratePerSecond: null, ...timed, ...fakeOptions });
  const mailer = new ResendMailer({
    apiKey: fake.apiKey,
    baseUrl: fake.url,
    from: 'Médecins du Monde Calais <calais@example.org>',
    limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'resend_paced', ...timed }),
    ...timed,
    ...mailerOptions,
  });
  return { fake, mailer };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ResendMailer', () => {
  it('sends the reply-to address and the tags along', async () => {
    const { fake, mailer } = await setUp();

    await mailer.send(
      emailMessage({ replyTo: 'coordination@example.org', tags: { kind: 'volunteer' } }),
      {
        idempotencyKey: nextId(),
      },
    );

    expect(fake.inbox[0]).toMatchObject({
      from: 'Médecins du Monde Calais <calais@example.org>',
      reply_to: 'coordination@example.org',
      tags: [{ name: 'kind', value: 'volunteer' }],
    });
  });

  it('waits as long as a 429 asks, then sends once', async () => {
    const clock = new FakeClock(Date.now());
    const { fake, mailer } = await setUp({}, {}, clock);
    fake.failNext(429);

    const started = clock.now();
    await mailer.send(emailMessage(), { idempotencyKey: nextId() });

    expect(clock.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.inbox).toHaveLength(1);
  });

  it('answers a TemporaryError with the wait Resend asks for when it does not fit the deadline', async () => {
    const { fake, mailer } = await setUp({}, { deadlineMs: 500 }, new FakeClock(Date.now()));
    fake.failNext(429);

    const error = await rejection(mailer.send(emailMessage(), { idempotencyKey: nextId() }));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'resend_429', retryAfterMs: 1_000 });
  });

  it('spaces its requests under 2 per second by default', async () => {
    const clock = new FakeClock(Date.now());
    const { fake, mailer } = await setUp({}, { limiter: undefined as never }, clock);
    const started = clock.now();

    await Promise.all(
      Array.from({ length: 5 }, () => mailer.send(emailMessage(), { idempotencyKey: nextId() })),
    );

    const spans = fake.log.map((entry) => entry.at - started);
    expect(Math.max(...spans)).toBeGreaterThanOrEqual(4 * 500);
    expect(fake.inbox).toHaveLength(5);
  });

  it('retries a server error and then sends once', async () => {
    const { fake, mailer } = await setUp({}, {}, new FakeClock(Date.now()));
    fake.failNext(500, 502);

    await mailer.send(emailMessage(), { idempotencyKey: nextId() });

    expect(fake.inbox).toHaveLength(1);
  });

  it('answers a TemporaryError while Resend is down', async () => {
    const { fake, mailer } = await setUp({}, { deadlineMs: 800 }, new FakeClock(Date.now()));
    fake.goDown(503);

    const error = await rejection(mailer.send(emailMessage(), { idempotencyKey: nextId() }));

    expect(error).toBeInstanceOf(TemporaryError);
    expect(error).toMatchObject({ code: 'resend_503' });
  });

  it('answers a TemporaryError when Resend does not answer in time, and a retry sends nothing more', async () => {
    const { fake, mailer } = await setUp({}, { timeoutMs: 100, deadlineMs: 300 });
    const key = nextId();
    fake.delayMs = 1_000;

    const error = await rejection(mailer.send(emailMessage(), { idempotencyKey: key }));
    fake.delayMs = 0;
    await mailer.send(emailMessage(), { idempotencyKey: key });

    expect(error).toMatchObject({ code: 'resend_timeout' });
    expect(fake.inbox).toHaveLength(1);
  });

  it('answers a PermanentError when the same key comes with another message', async () => {
    const { mailer } = await setUp();
    const key = nextId();
    await mailer.send(emailMessage({ subject: 'First' }), { idempotencyKey: key });

    const error = await rejection(
      mailer.send(emailMessage({ subject: 'Second' }), { idempotencyKey: key }),
    );

    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'resend_409_idempotency_conflict' });
  });

  it('answers a PermanentError when the API key is refused', async () => {
    const { mailer } = await setUp({ apiKey: 're_the_real_one' }, { apiKey: 're_wrong_key' });

    const error = await rejection(mailer.send(emailMessage(), { idempotencyKey: nextId() }));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error).not.toBeInstanceOf(RejectedError);
    expect(error).toMatchObject({ code: 'resend_403_invalid_api_key' });
  });

  it('answers a PermanentError without the address when Resend rejects the recipient', async () => {
    const { mailer } = await setUp();

    const error = await rejection(
      mailer.send(emailMessage({ to: 'not an address' }), { idempotencyKey: nextId() }),
    );

    expect(error).toBeInstanceOf(RejectedError);
    expect(error).toMatchObject({ code: 'resend_422_validation_error' });
    expect(String(error)).not.toContain('not an address');
  });

  it('sends a batch in one request and reports the email it refuses by its place, sending the others', async () => {
    const { fake, mailer } = await setUp();
    const emails = ['a@example.org', 'not an address', 'c@example.org'].map((to) => ({
      message: emailMessage({ to }),
      idempotencyKey: nextId(),
    }));

    const outcomes = await mailer.sendBatch(emails, { idempotencyKey: 'batch-1' });

    expect(fake.requestCount()).toBe(1);
    expect(outcomes.map((outcome) => 'id' in outcome)).toEqual([true, false, true]);
    expect(outcomes[1]).toEqual({ refused: 'resend_batch_refused' });
    expect(fake.inbox.map((email) => email.to)).toEqual([['a@example.org'], ['c@example.org']]);
  });

  it('sends a repeated batch (same emails, same key) once, with the same answer', async () => {
    const { fake, mailer } = await setUp();
    const emails = [1, 2].map((n) => ({
      message: emailMessage({ to: `person${n}@example.org` }),
      idempotencyKey: nextId(),
    }));

    const first = await mailer.sendBatch(emails, { idempotencyKey: 'batch-2' });
    const again = await mailer.sendBatch(emails, { idempotencyKey: 'batch-2' });

    expect(again).toEqual(first);
    expect(fake.inbox).toHaveLength(2);
  });

  it('refuses a batch of more than 100 emails or one with an attachment, before any request', async () => {
    const { fake, mailer } = await setUp();
    const many = Array.from({ length: 101 }, () => ({
      message: emailMessage(),
      idempotencyKey: nextId(),
    }));
    const attached = [
      {
        message: emailMessage({
          attachments: [
            { filename: 'a.ics', content: new Uint8Array([1]), contentType: 'text/calendar' },
          ],
        }),
        idempotencyKey: nextId(),
      },
    ];

    const tooMany = await rejection(mailer.sendBatch(many, { idempotencyKey: 'batch-3' }));
    const withFile = await rejection(mailer.sendBatch(attached, { idempotencyKey: 'batch-4' }));

    expect(tooMany).toBeInstanceOf(PermanentError);
    expect(withFile).toBeInstanceOf(PermanentError);
    expect(fake.requestCount()).toBe(0);
  });

  it('waits out a 429 on a batch and sends it once', async () => {
    const { fake, mailer } = await setUp({}, {}, new FakeClock(Date.now()));
    fake.failNext(429);

    await mailer.sendBatch([{ message: emailMessage(), idempotencyKey: nextId() }], {
      idempotencyKey: 'batch-5',
    });

    expect(fake.requestCount(429)).toBe(1);
    expect(fake.inbox).toHaveLength(1);
  });
});
