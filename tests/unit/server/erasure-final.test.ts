// Erasure is final: a delivery that read an application before its erasure
// cannot write it back, whatever the interleaving; the link then says the data
// is gone; before that, it shows what we hold (right of access).
import { afterEach, describe, expect, it } from 'vitest';
import { deliverItems } from '../../../src/server/applications/deliver.ts';
import { drainPending } from '../../../src/server/applications/drain.ts';
import { eraseApplication } from '../../../src/server/applications/erase.ts';
import { acceptApplication } from '../../../src/server/applications/submit.ts';
import { erasureUrl } from '../../../src/server/applications/welcome.ts';
import { handleErasure } from '../../../src/server/handlers/erasure.ts';
import { applicationAccess } from '../../../src/server/pages/access.ts';
import type { ApplicationRecord } from '../../../src/server/ports.ts';
import { setServices } from '../../../src/server/services.ts';
import { testDeps, type TestDeps } from '../../support-server/deps.ts';
import { installServices } from '../../support-server/services.ts';
import { entryPoint, netlifyContext } from '../../support-server/functions.ts';

const site = 'https://calais.example.org';

async function accept(deps: TestDeps, submissionId?: string) {
  const { record } = await acceptApplication(
    deps,
    'volunteer',
    {
      locale: 'fr',
      name: 'Camille Martin',
      email: 'camille@example.org',
      privacyVersion: '2026-11-22',
      profession: 'nurse',
      languages: [{ code: 'ar', level: 'fluent' }],
      site: 'calais',
      availability: ['weekends'],
      frequency: 'weekly',
      motivation: 'Aider sur la clinique mobile.',
    },
    { suspect: false },
    submissionId,
  );
  return record;
}

/** Everything left of an application anywhere: the store, the queue. */
const traces = async (deps: TestDeps, record: ApplicationRecord) => ({
  stored: await deps.store.find(record.id),
  queued: await deps.queue.get(record.id),
});

const post = (token: string) =>
  new Request(`${site}/api/erasure`, {
    method: 'POST',
    body: new URLSearchParams({ token }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

afterEach(() => {
  setServices(undefined);
});

describe('an erasure that comes while a delivery holds the application', () => {
  it('read → erase → store write: the delivery takes its write back and sends nothing', async () => {
    const deps = testDeps();
    const record = await accept(deps);
    const read = await deps.queue.get(record.id);
    const save = deps.store.saveAll.bind(deps.store);
    let erasedDuringWrite = false;
    deps.store.saveAll = async (records) => {
      // The erasure runs to its end between the delivery's read and its write.
      if (!erasedDuringWrite) {
        erasedDuringWrite = true;
        await eraseApplication(deps, record.id);
      }
      await save(records);
    };

    await deliverItems(deps, read === null ? [] : [read], { deadline: deps.clock.now() + 8_000 });

    expect(erasedDuringWrite).toBe(true);
    expect(await traces(deps, record)).toEqual({ stored: null, queued: null });
    expect(deps.mailer.calls).toBe(0);
  });

  it('read → erase → queue write-back: the drain leaves nothing in the queue or the store', async () => {
    const deps = testDeps();
    const record = await accept(deps);
    const read = await deps.queue.get(record.id);

    await eraseApplication(deps, record.id);
    // A delivery that read the item before the erasure writes its progress back.
    if (read !== null) await deps.queue.put({ ...read, attempts: read.attempts + 1 });
    deps.clock.advance(10 * 60_000);
    await drainPending(deps);

    expect(await traces(deps, record)).toEqual({ stored: null, queued: null });
    expect(deps.store.writes).toHaveLength(0);
    expect(deps.mailer.calls).toBe(0);
  });

  it('a replay of an erased application’s post is dropped, not delivered again', async () => {
    const deps = testDeps();
    const submission = '0b7a1c52-8d3e-4f6a-9b2c-1d4e5f6a7b8c';
    const record = await accept(deps, submission);
    await drainPending(deps);
    await eraseApplication(deps, record.id);

    const replay = { record: await accept(deps, submission) };
    await drainPending(deps);

    expect(replay.record.id).toBe(record.id);
    expect(await traces(deps, record)).toEqual({ stored: null, queued: null });
    expect(deps.mailer.calls).toBe(1);
  });
});

describe('the erasure link', () => {
  it('shows every field we hold, where it is kept and until when, uncached', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await accept(deps);
    await drainPending(deps);

    // Through the function's entry point, which sets the response headers.
    const erasure = await entryPoint('erasure');
    const response = await erasure(new Request(erasureUrl(deps, record)), netlifyContext().context);
    if (response === undefined) throw new Error('no answer');
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const shown of [
      'Ce que nous gardons sur vous',
      'Camille Martin',
      'camille@example.org',
      'Infirmier ou infirmière',
      'Arabe (Courant)',
      'Aider sur la clinique mobile.',
      '2026-11-22',
      'Jusqu’à quand',
      '24 mois après notre dernier échange',
      // Accepted on 1 December 2026 (the test clock): kept until 1 December 2028.
      '1 décembre 2028',
      'La base locale',
      'boîte d’envoi locale',
      'Netlify',
    ]) {
      expect(page).toContain(shown);
    }
    expect(page).toContain('Effacer ma candidature');
  });

  it('says where a suspected spam is kept and for how long', async () => {
    const deps = testDeps();
    installServices(deps);
    const { record } = await acceptApplication(
      deps,
      'observer',
      {
        locale: 'en',
        name: 'Sam',
        email: 'sam@example.org',
        privacyVersion: '2026-11-22',
        profile: 'artist',
      },
      { suspect: true, reason: 'too-fast' },
    );

    const page = await (await handleErasure(new Request(erasureUrl(deps, record)))).text();

    expect(page).toContain('What we keep about you');
    expect(page).toContain('A local queue of this development server');
    expect(page).toContain('30 days after it was sent, 31 December 2026');
  });

  it('says the data is erased when followed again, instead of offering to erase it again', async () => {
    const deps = testDeps();
    installServices(deps);
    const record = await accept(deps);
    await drainPending(deps);
    const link = erasureUrl(deps, record);
    const token = new URL(link).searchParams.get('token') ?? '';
    await handleErasure(post(token));

    const again = await handleErasure(new Request(link));
    const page = await again.text();
    const posted = await (await handleErasure(post(token))).text();

    expect(again.status).toBe(200);
    expect(page).toContain('Votre candidature est effacée');
    expect(page).toContain('définitivement');
    expect(page).not.toContain('<form');
    expect(page).not.toContain('Camille');
    expect(posted).toContain('Votre candidature est effacée');
  });
});

describe('where the data is kept, once deployed', () => {
  it('names Airtable, Netlify Blobs while pending, Resend’s logs and Netlify', async () => {
    const deps = testDeps();
    const record = await accept(deps);

    const section = applicationAccess(
      'en',
      { ...record, locale: 'en' },
      { stored: true, pending: true },
      { store: 'airtable', mailer: 'resend', queue: 'blobs' },
    ).value;

    expect(section).toContain('Airtable (United States), the database where the coordination');
    expect(section).toContain('Netlify Blobs (United States), waiting to be passed on');
    expect(section).toContain('7 days after it was sent at the latest, 8 December 2026');
    expect(section).toContain('Resend (United States)');
    expect(section).toContain('their logs hold no personal data');
  });
});
