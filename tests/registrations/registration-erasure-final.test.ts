// Erasing a registration is final: a copy for the trainers or an email that
// read it before the erasure does not bring it back; the cancellation link
// then says the data is gone, and before that shows what we hold.
import { afterEach, describe, expect, it } from 'vitest';
import { handleCancel } from '../../src/server/handlers/registrations.ts';
import { copyRegistrations } from '../../src/server/registrations/copy.ts';
import { cancelUrl, deliverRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { eraseRegistration, registerForSession } from '../../src/server/registrations/register.ts';
import { setServices } from '../../src/server/services.ts';
import { FakeAirtable } from '../fakes/fake-airtable.ts';
import { installServices, requestContext } from '../support-server/services.ts';
import { enrolForSession, registrationDeps, sessionData } from './builders.ts';
import { entryPoint, netlifyContext } from '../support-server/functions.ts';
import { storeOverFakeAirtable } from '../support-server/airtable-store-over-fake.ts';

let fake: FakeAirtable | undefined;

afterEach(async () => {
  setServices(undefined);
  await fake?.close();
  fake = undefined;
});

const registrant = {
  locale: 'fr' as const,
  name: 'Camille Martin',
  email: 'camille@example.org',
  privacyVersion: '2026-11-22',
};

async function withRoster() {
  const made = await storeOverFakeAirtable();
  fake = made.fake;
  const roster = made.store;
  const { base, deps } = registrationDeps([sessionData({ capacity: 3 })]);
  return { fake, roster, base, deps: { ...deps, roster } };
}

describe('an erasure that comes while a copy for the trainers is under way', () => {
  it('read → erase → Airtable write: the copy is taken back and nothing is left', async () => {
    const { fake, roster, deps } = await withRoster();
    const result = await enrolForSession(deps, 'induction-calais', registrant);
    const id = result.ok ? result.registration.id : '';
    const save = roster.saveRegistrations.bind(roster);
    let erasedDuringCopy = false;
    roster.saveRegistrations = async (copies) => {
      // The ledger was read (uncopied) before this erasure; the write comes after it.
      if (!erasedDuringCopy) {
        erasedDuringCopy = true;
        await eraseRegistration(deps, 'induction-calais', id);
      }
      await save(copies);
    };

    await copyRegistrations(deps);

    expect(erasedDuringCopy).toBe(true);
    expect(fake.records('Registrations')).toEqual([]);
    expect(await deps.ledger.find('induction-calais', id)).toBeNull();
  });
});

describe('an erasure that comes before an owed email is sent', () => {
  it('sends nothing to the person who erased their registration', async () => {
    const { base, deps } = registrationDeps();
    const result = await registerForSession(deps, 'induction-calais', registrant);
    const read = result.ok ? result.registration : null;

    await eraseRegistration(deps, 'induction-calais', read?.id ?? '');
    const report = await deliverRegistrationEmails(deps, read === null ? [] : [read], {
      deadline: base.clock.now() + 8_000,
    });

    expect(report.sent).toBe(0);
    expect(base.mailer.calls).toBe(0);
  });
});

describe('the cancellation link', () => {
  it('shows every field we hold, where it is kept and until when, uncached', async () => {
    const { base, deps } = registrationDeps();
    installServices(base, null, deps);
    const result = await enrolForSession(deps, 'induction-calais', registrant);
    if (!result.ok) throw new Error('not registered');

    // Through the function's entry point, which sets the response headers.
    const cancel = await entryPoint('registration-cancel');
    const response = await cancel(
      new Request(cancelUrl(deps, result.registration)),
      netlifyContext().context,
    );
    if (response === undefined) throw new Error('no answer');
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const shown of [
      'Ce que nous gardons sur vous',
      'Accueil des nouveaux bénévoles',
      'Camille Martin',
      'camille@example.org',
      'Place confirmée',
      '12 mois après la date de la session',
      // The session is on 16 January 2027: kept until 16 January 2028.
      '16 janvier 2028',
      'registre des places',
    ]) {
      expect(page).toContain(shown);
    }
  });

  it('says the data is erased when followed again, instead of offering to erase it again', async () => {
    const { base, deps } = registrationDeps();
    installServices(base, null, deps);
    const result = await registerForSession(deps, 'induction-calais', registrant);
    if (!result.ok) throw new Error('not registered');
    const link = cancelUrl(deps, result.registration);
    const token = new URL(link).searchParams.get('token') ?? '';
    const post = () =>
      handleCancel(
        new Request('https://calais.example.org/api/registrations/cancel', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, erase: '1' }),
        }),
        requestContext(),
      );
    await post();

    const page = await (await handleCancel(new Request(link), requestContext())).text();
    const again = await (await post()).text();

    expect(page).toContain('Vos données sont effacées');
    expect(page).not.toContain('<form');
    expect(page).not.toContain('Camille');
    expect(again).toContain('Vos données sont effacées');
  });
});
