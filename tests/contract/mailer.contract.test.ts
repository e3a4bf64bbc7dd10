// One suite for every Mailer adapter: the same behaviours whether email goes
// out through Resend (here its fake) or into the local outbox.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../src/server/adapters/outbox-mailer.ts';
import { ResendMailer } from '../../src/server/adapters/resend-mailer.ts';
import type { Mailer } from '../../src/server/ports.ts';
import { createRateLimiter } from '../../src/server/retry.ts';
import { FakeResend } from '../fakes/fake-resend.ts';
import { emailMessage, nextId } from './builders.ts';
import { MemoryMailer } from '../support-server/memory-ports.ts';

/** What a test can see of a sent email, whatever the adapter. */
interface Delivered {
  to: string;
  subject: string;
  attachments: { filename: string; content: Uint8Array }[];
}

interface MailerHarness {
  mailer: Mailer;
  /** Emails delivered so far to this address. */
  deliveredTo(address: string): Delivered[] | Promise<Delivered[]>;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<MailerHarness>][] = [
  [
    // The mailer the use-case and fault tests run over: it must keep the same contract.
    "MemoryMailer (the tests' in-memory port)",
    () => {
      const mailer = new MemoryMailer();
      return Promise.resolve({
        mailer,
        deliveredTo: (address: string) =>
          mailer.to(address).map((message) => ({
            to: address,
            subject: message.subject,
            attachments: (message.attachments ?? []).map(({ filename, content }) => ({
              filename,
              content: new Uint8Array(content),
            })),
          })),
        close: () => Promise.resolve(),
      });
    },
  ],
  [
    'ResendMailer (fake Resend)',
    async () => {
      const fake = await FakeResend.start({ ratePerSecond: null });
      const mailer = new ResendMailer({
        apiKey: fake.apiKey,
        baseUrl: fake.url,
        from: 'Médecins du Monde Calais <calais@example.org>',
        limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'resend_paced' }),
      });
      return {
        mailer,
        deliveredTo: (address) =>
          fake.inbox
            .filter((email) => email.to.includes(address))
            .map((email) => ({
              to: address,
              subject: email.subject,
              attachments: (email.attachments ?? []).map((attachment) => ({
                filename: attachment.filename ?? '',
                content: new Uint8Array(Buffer.from(attachment.content ?? '', 'base64')),
              })),
            })),
        close: () => fake.close(),
      };
    },
  ],
  [
    'OutboxMailer (local files)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
      const mailer = new OutboxMailer({ dir, from: 'calais@example.org' });
      return {
        mailer,
        deliveredTo: async (address) => {
          const entries = (await mailer.list()).filter((entry) => entry.to === address);
          return Promise.all(
            entries.map(async (entry) => ({
              to: address,
              subject: entry.subject,
              attachments: await Promise.all(
                entry.attachments.map(async (_, index) => {
                  const attachment = await mailer.attachment(entry.id, index);
                  return {
                    filename: attachment?.filename ?? '',
                    content: new Uint8Array(attachment?.content ?? []),
                  };
                }),
              ),
            })),
          );
        },
        close: () => rm(dir, { recursive: true, force: true }),
      };
    },
  ],
];

const uniqueAddress = () => `${nextId().replaceAll('_', '-')}@example.org`;

describe.each(adapters)('%s', (_name, setUp) => {
  let harness: MailerHarness;

  beforeAll(async () => {
    harness = await setUp();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('delivers an email and answers its id', async () => {
    const to = uniqueAddress();

    const { id } = await harness.mailer.send(emailMessage({ to }), { idempotencyKey: nextId() });

    expect(id).not.toBe('');
    expect(await harness.deliveredTo(to)).toEqual([{ to, subject: 'Bienvenue', attachments: [] }]);
  });

  it('delivers once when the same message is sent again with the same key', async () => {
    const to = uniqueAddress();
    const key = nextId();

    const first = await harness.mailer.send(emailMessage({ to }), { idempotencyKey: key });
    const second = await harness.mailer.send(emailMessage({ to }), { idempotencyKey: key });

    expect(second.id).toBe(first.id);
    expect(await harness.deliveredTo(to)).toHaveLength(1);
  });

  it('delivers each email of a batch once, however often the same batch is sent under its key', async () => {
    const addresses = [uniqueAddress(), uniqueAddress(), uniqueAddress()];
    const batch = addresses.map((to) => ({
      message: emailMessage({ to }),
      idempotencyKey: nextId(),
    }));
    const key = nextId();

    const first = await harness.mailer.sendBatch(batch, { idempotencyKey: key });
    const again = await harness.mailer.sendBatch(batch, { idempotencyKey: key });

    expect(first.every((outcome) => 'id' in outcome)).toBe(true);
    expect(again).toEqual(first);
    for (const to of addresses) expect(await harness.deliveredTo(to)).toHaveLength(1);
  });

  it('delivers twice for two different keys', async () => {
    const to = uniqueAddress();

    await harness.mailer.send(emailMessage({ to }), { idempotencyKey: nextId() });
    await harness.mailer.send(emailMessage({ to }), { idempotencyKey: nextId() });

    expect(await harness.deliveredTo(to)).toHaveLength(2);
  });

  it('delivers attachments byte for byte', async () => {
    const to = uniqueAddress();
    const content = new TextEncoder().encode('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const message = emailMessage({
      to,
      attachments: [
        {
          filename: 'session.ics',
          content,
          contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
        },
      ],
    });

    await harness.mailer.send(message, { idempotencyKey: nextId() });

    const [delivered] = await harness.deliveredTo(to);
    expect(delivered?.attachments).toEqual([{ filename: 'session.ics', content }]);
  });
});
