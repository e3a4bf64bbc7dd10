import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../src/server/adapters/local-store.ts';
import { OutboxMailer } from '../../../src/server/adapters/outbox-mailer.ts';
import { SqliteQueue } from '../../../src/server/adapters/sqlite-queue.ts';
import { handleOutbox } from '../../../src/server/handlers/outbox.ts';
import type { ApplicationRecord } from '../../../src/server/ports.ts';
import { setServices } from '../../../src/server/services.ts';
import { testDeps } from '../../support-server/deps.ts';
import { installServices } from '../../support-server/services.ts';

const run = promisify(execFile);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-adapters-'));
});
afterEach(async () => {
  setServices(undefined);
  await rm(dir, { recursive: true, force: true });
});

const record = (id: string, submittedAt = '2026-12-01T09:00:00.000Z'): ApplicationRecord => ({
  id,
  kind: 'volunteer',
  locale: 'fr',
  submittedAt,
  status: 'new',
  email: `${id}@example.org`,
  name: 'Camille',
  fields: { profession: 'nurse' },
  consent: { privacyVersion: '2026-11-22', acceptedAt: submittedAt },
});

const email = {
  to: 'camille@example.org',
  subject: 'Bienvenue <3',
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
};

describe('LocalStore', () => {
  it('keeps records across a restart and writes an id only once', async () => {
    const file = join(dir, 'store.sqlite');
    const first = new LocalStore({ file });
    await first.saveAll([record('app_1'), record('app_2')]);
    first.close();

    const second = new LocalStore({ file });
    await second.saveAll([{ ...record('app_1'), name: 'Changed' }, record('app_3')]);

    expect((await second.all()).map((r) => r.id)).toEqual(['app_1', 'app_2', 'app_3']);
    expect((await second.find('app_1'))?.name).toBe('Camille');
    expect(await second.erase('app_2')).toBe(true);
    expect(await second.erase('app_2')).toBe(false);
    second.close();
  });
});

describe('SqliteQueue', () => {
  const item = (id: string, submittedAt: string, stored = false) => ({
    record: record(id, submittedAt),
    stored,
    mailed: false,
    attempts: stored ? 1 : 0,
  });

  it('keeps items across a restart, oldest first', async () => {
    const file = join(dir, 'pending.sqlite');
    const first = new SqliteQueue({ file });
    await first.put(item('app_b', '2026-12-02T00:00:00Z'));
    await first.put(item('app_a', '2026-12-01T00:00:00Z', true));
    first.close();

    const second = new SqliteQueue({ file });

    expect(await second.list()).toEqual(['app_a', 'app_b']);
    expect((await second.get('app_a'))?.stored).toBe(true);
    await second.remove('app_a');
    expect(await second.get('app_a')).toBeNull();
    expect(await second.list()).toEqual(['app_b']);
    second.close();
  });

  it('commits what is asked in the same turn together, each caller getting its own answer', async () => {
    const file = join(dir, 'pending.sqlite');
    const queue = new SqliteQueue({ file });
    const other = new SqliteQueue({ file });
    await queue.put(item('app_old', '2026-12-01T00:00:00Z'));

    const answers = await Promise.all([
      queue.put(item('app_1', '2026-12-02T00:00:00Z')),
      queue.putIfAbsent(item('app_2', '2026-12-02T00:00:01Z')),
      queue.putIfAbsent(item('app_old', '2026-12-01T00:00:00Z', true)),
      queue.remove('app_old'),
    ]);

    expect(answers).toEqual([undefined, true, false, undefined]);
    // In order: app_old was kept as it was by putIfAbsent, then removed.
    expect(await other.list()).toEqual(['app_1', 'app_2']);
    queue.close();
    other.close();
  });

  it('answers a put only once its row is on disk: a process killed right after loses nothing', async () => {
    const file = join(dir, 'pending.sqlite');
    const module = new URL('../../../src/server/adapters/sqlite-queue.ts', import.meta.url).href;
    const program = `
      const { SqliteQueue } = await import(${JSON.stringify(module)});
      const queue = new SqliteQueue({ file: ${JSON.stringify(file)} });
      const item = (n) => ({ record: { id: 'app_' + n, kind: 'volunteer', locale: 'fr', submittedAt: '2026-12-01T00:00:0' + n + 'Z', status: 'new', email: 'p' + n + '@example.org', name: 'P', fields: {}, consent: { privacyVersion: '2026-11-22', acceptedAt: '2026-12-01T00:00:00Z' } }, stored: false, mailed: false, attempts: 0 });
      await Promise.all([1, 2, 3].map((n) => queue.put(item(n))));
      process.kill(process.pid, 'SIGKILL');`;
    await run(process.execPath, ['--input-type=module', '-e', program]).catch(() => undefined);

    const queue = new SqliteQueue({ file });

    expect(await queue.list()).toEqual(['app_1', 'app_2', 'app_3']);
    queue.close();
  });
});

describe('OutboxMailer', () => {
  it('writes an email once per idempotency key, across instances', async () => {
    const first = await new OutboxMailer({ dir }).send(email, { idempotencyKey: 'app_1:welcome' });
    const again = await new OutboxMailer({ dir }).send(
      { ...email, subject: 'Other' },
      { idempotencyKey: 'app_1:welcome' },
    );

    const entries = await new OutboxMailer({ dir }).list();

    expect(again.id).toBe(first.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.subject).toBe('Bienvenue <3');
  });
});

describe('GET /api/outbox', () => {
  it('lists the emails with their subjects escaped, and shows one as sent', async () => {
    const outbox = new OutboxMailer({ dir });
    const { id } = await outbox.send(email, { idempotencyKey: 'app_1:welcome' });
    installServices(testDeps(), outbox);

    const list = await handleOutbox(new Request('http://localhost/api/outbox'), undefined);
    const one = await handleOutbox(new Request(`http://localhost/api/outbox/${id}`), id);
    const text = await handleOutbox(
      new Request(`http://localhost/api/outbox/${id}?format=text`),
      id,
    );

    expect(await list.text()).toContain(`<a href="/api/outbox/${id}">Bienvenue &lt;3</a>`);
    expect(await one.text()).toBe('<p>Bonjour</p>');
    expect(await text.text()).toBe('Bonjour');
  });

  it('does not exist when emails go through Resend', async () => {
    installServices(testDeps(), null);

    const response = await handleOutbox(new Request('http://localhost/api/outbox'), undefined);

    expect(response.status).toBe(404);
  });
});
