// The registration endpoints called with real Requests, over an in-memory
// SQLite ledger, a fixed session list and the in-memory mailer.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  handleCancel,
  handleRegistration,
  handleSeats,
  handleVerify,
} from '../../src/server/handlers/registrations.ts';
import { sessionUid } from '../../src/calendar/uid.ts';
import { drainRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { setServices } from '../../src/server/services.ts';
import { TemporaryError } from '../../src/server/errors.ts';
import { installServices, requestContext } from '../support-server/services.ts';
import { registrationDeps, sessionData } from './builders.ts';

const slug = 'induction-calais';
const site = 'https://calais.example.org';

function setup(sessions = [sessionData()]) {
  const { base, deps } = registrationDeps(sessions);
  installServices(base, null, deps);
  return { deps, mailer: base.mailer, clock: base.clock };
}

const form = (fields: Record<string, string>) =>
  new URLSearchParams({
    locale: 'fr',
    name: 'Camille Martin',
    email: 'camille@example.org',
    consent: 'on',
    privacyVersion: '2026-11-22',
    startedAt: '0',
    ...fields,
  });

async function register(fields: Record<string, string> = {}, sessionSlug = slug) {
  const context = requestContext();
  const response = await handleRegistration(
    new Request(`${site}/api/sessions/${sessionSlug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(fields),
    }),
    context,
    sessionSlug,
  );
  await context.settle();
  return response;
}

const linkIn = (html: string, action: 'cancel' | 'verify'): string =>
  (
    new RegExp(`https://calais\\.example\\.org/api/registrations/${action}\\?token=[^"\\s<]+`).exec(
      html,
    )?.[0] ?? ''
  ).replaceAll('&amp;', '&');
const cancelLink = (html: string) => linkIn(html, 'cancel');

type Mailer = ReturnType<typeof setup>['mailer'];

/** Follows the link of the email asking `address` to confirm it: GET (a page), then the button (POST). */
async function confirmAddress(mailer: Mailer, address: string) {
  const request = mailer.to(address).find((m) => m.subject.startsWith('Confirm'));
  const link = linkIn(request?.html ?? '', 'verify');
  const token = new URL(link).searchParams.get('token') ?? '';
  const page = await handleVerify(new Request(link), requestContext());
  const context = requestContext();
  const done = await handleVerify(
    new Request(`${site}/api/registrations/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    }),
    context,
  );
  await context.settle();
  return { page, done, token };
}

/** Registers and confirms the address, as someone who follows the emailed link does. */
async function enrol(mailer: Mailer, fields: Record<string, string> = {}) {
  await register(fields);
  return confirmAddress(mailer, fields['email'] ?? 'camille@example.org');
}

afterEach(() => {
  setServices(undefined);
});

describe('registering for a session', () => {
  it('asks to confirm the address first, then books a seat and sends one confirmation with the invitation', async () => {
    const { mailer } = setup();

    const response = await register();
    const afterRegister: unknown = await (await handleSeats(slug)).json();
    const { page, done } = await confirmAddress(mailer, 'camille@example.org');

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/formations/inscription/verifiez-vos-emails/');
    expect(afterRegister).toMatchObject({ confirmed: 0, left: 2 });
    expect(await page.text()).toContain('Confirmer et demander ma place');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/formations/inscription/confirmee/');
    const emails = mailer.to('camille@example.org');
    expect(emails.map((m) => m.subject)).toEqual([
      'Confirmez votre adresse pour : Accueil des nouveaux bénévoles',
      'Inscription confirmée : Accueil des nouveaux bénévoles',
    ]);
    expect(emails[0]?.attachments).toBeUndefined();
    expect(emails[1]?.attachments?.[0]?.contentType).toBe(
      'text/calendar; method=REQUEST; charset=UTF-8',
    );
  });

  it('sends an unconfirmed address nothing the visitor typed, and gives it no seat', async () => {
    const { mailer } = setup();

    await register({
      name: 'Your card was declined: pay at https://evil.example',
      email: 'stranger@example.net',
    });

    const [request] = mailer.to('stranger@example.net');
    expect(`${request?.subject} ${request?.text} ${request?.html}`).not.toMatch(/evil|declined/);
    expect(request?.text).toContain('ignorez ce message');
    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 0, left: 2 });
  });

  it('keeps every seat free when made-up addresses are registered and never confirmed', async () => {
    const { mailer } = setup([sessionData({ capacity: 16 })]);
    for (let n = 0; n < 16; n++) await register({ email: `bot${n}@example.invalid` });

    const real = await enrol(mailer, { email: 'real.person@example.org' });

    expect(await (await handleSeats(slug)).json()).toMatchObject({
      confirmed: 1,
      left: 15,
      waiting: 0,
    });
    expect(real.done.headers.get('location')).toBe('/formations/inscription/confirmee/');
  });

  it('changes nothing when the confirmation link is only opened, as mail scanners do', async () => {
    const { mailer } = setup();
    await register();
    const link = linkIn(mailer.to('camille@example.org')[0]?.html ?? '', 'verify');

    await handleVerify(new Request(link), requestContext());
    await handleVerify(new Request(link), requestContext());

    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 0 });
    expect(mailer.to('camille@example.org')).toHaveLength(1);
  });

  it('keeps the two links apart: a confirmation link cancels nothing, a cancellation link confirms nothing', async () => {
    const { mailer } = setup();
    const { token: verifyToken } = await enrol(mailer);
    const cancelToken =
      new URL(cancelLink(mailer.to('camille@example.org')[1]?.html ?? '')).searchParams.get(
        'token',
      ) ?? '';
    const post = (path: string, token: string) =>
      new Request(`${site}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      });

    const cancelWithVerify = await handleCancel(
      post('/api/registrations/cancel', verifyToken),
      requestContext(),
    );
    const verifyWithCancel = await handleVerify(
      post('/api/registrations/verify', cancelToken),
      requestContext(),
    );

    expect([cancelWithVerify.status, verifyWithCancel.status]).toEqual([400, 400]);
    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 1 });
  });

  it('refuses a confirmation link past its 48 hours, and the request is then dropped', async () => {
    const { mailer, clock } = setup();
    await register();
    clock.advance(48 * 3_600_000 + 1000);

    const { done } = await confirmAddress(mailer, 'camille@example.org');

    expect(done.status).toBe(410);
    expect(await done.text()).toContain('Ce lien a expiré');
  });

  it('attaches an invitation that a real parser reads back with the session UID and UTC instants', async () => {
    const { mailer } = setup();
    await enrol(mailer, { locale: 'en' });

    const attachment = mailer.to('camille@example.org')[1]?.attachments?.[0];
    const calendar = new ICAL.Component(
      ICAL.parse(new TextDecoder().decode(attachment?.content)) as unknown[],
    );
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);

    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(sessionUid(slug, 'calais.example.org'));
    // 09:30 in Paris in January is 08:30 UTC; three hours long.
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-16T08:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-16T11:30:00.000Z');
    expect(event.summary).toBe('Welcome for new volunteers');
  });

  it('puts people on the waiting list once the seats are taken by confirmed addresses; JSON says to check the email', async () => {
    const { mailer } = setup();
    await enrol(mailer, { email: 'a@example.org' });
    await enrol(mailer, { email: 'b@example.org' });
    const context = requestContext();

    const response = await handleRegistration(
      new Request(`${site}/api/sessions/${slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Object.fromEntries(form({ email: 'c@example.org', consent: 'true' }))),
      }),
      context,
      slug,
    );
    await context.settle();
    const { done } = await confirmAddress(mailer, 'c@example.org');

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      outcome: 'pending',
      next: '/formations/inscription/verifiez-vos-emails/',
    });
    expect(done.headers.get('location')).toBe('/formations/inscription/liste-d-attente/');
    const seats = await handleSeats(slug);
    expect(await seats.json()).toMatchObject({ capacity: 2, confirmed: 2, left: 0, waiting: 1 });
    expect(seats.headers.get('cache-control')).toBe('public, max-age=10');
    expect(mailer.to('a@example.org')[1]?.subject).toContain('Inscription confirmée');
    expect(mailer.to('c@example.org')[1]?.subject).toContain('Liste d’attente');
  });

  it('refuses the same email twice for the same session with a friendly 409', async () => {
    setup();
    await register({ email: 'Camille@example.org' });

    const again = await register({ email: 'camille@EXAMPLE.org' });

    expect(again.status).toBe(409);
    expect(await again.text()).toContain('déjà inscrit');
  });

  it('refuses cancelled sessions and sessions no longer offered', async () => {
    setup([sessionData({ status: 'cancelled' })]);

    const cancelled = await register();
    const unknown = await register({}, 'no-such-session');

    expect(cancelled.status).toBe(410);
    expect(await cancelled.text()).toContain('annulée');
    expect(unknown.status).toBe(404);
  });

  it('answers invalid fields with a 422 page naming them', async () => {
    setup();

    const response = await register({ email: 'not-an-email', consent: '' });

    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('adresse e-mail valide');
    expect(page).toContain('politique de confidentialité');
  });
});

describe('registration closes at the time the trainer sets', () => {
  // The clock starts at 2026-12-01T09:00Z, 10:00 in Paris.
  const closingAtNoon = () => [sessionData({ registrationCloses: '2026-12-01T12:00' })];
  const untilNoon = 2 * 3_600_000;

  it('takes a registration up to the minute registration closes, and none from then on', async () => {
    const { clock, mailer } = setup(closingAtNoon());

    clock.advance(untilNoon - 1);
    const before = await register({ email: 'early@example.org' });
    clock.advance(1);
    const after = await register({ email: 'late@example.org' });

    expect(before.status).toBe(303);
    expect(after.status).toBe(410);
    const page = await after.text();
    expect(page).toContain('Les inscriptions sont fermées');
    expect(page).toContain('Les inscriptions à cette session sont closes');
    expect(mailer.to('late@example.org')).toEqual([]);
    expect(await (await handleSeats(slug)).json()).toMatchObject({ open: false, left: 2 });
  });

  it('answers a late JSON registration in its language, with the code "closed"', async () => {
    const { clock } = setup(closingAtNoon());
    clock.advance(untilNoon);
    const context = requestContext();

    const response = await handleRegistration(
      new Request(`${site}/api/sessions/${slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(Object.fromEntries(form({ locale: 'en' }))),
      }),
      context,
      slug,
    );
    await context.settle();

    const body = (await response.json()) as { code?: string; title?: string };
    expect(response.status).toBe(410);
    expect(body.code).toBe('closed');
    expect(body.title).toMatch(/^Registration for this session has closed/);
  });

  it('closes when the session starts when the trainer sets no time, though it is not over', async () => {
    const { clock } = setup([sessionData({ start: '2026-12-01T10:30', durationMinutes: 180 })]);

    const before = await register({ email: 'early@example.org' });
    clock.advance(30 * 60_000);
    const after = await register({ email: 'late@example.org' });
    const seats: unknown = await (await handleSeats(slug)).json();

    expect(before.status).toBe(303);
    expect(after.status).toBe(410);
    expect(seats).toMatchObject({ open: false });
  });

  it('gives no seat to an address confirmed after registration closed', async () => {
    const { clock, mailer } = setup(closingAtNoon());
    await register();
    clock.advance(untilNoon);

    const { page, done } = await confirmAddress(mailer, 'camille@example.org');

    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Les inscriptions à cette session sont closes');
    expect(done.status).toBe(410);
    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 0, left: 2 });
    expect(mailer.to('camille@example.org').map((m) => m.subject)).toEqual([
      'Confirmez votre adresse pour : Accueil des nouveaux bénévoles',
    ]);
  });
});

describe('cancelling through the emailed link', () => {
  it('confirms on GET without cancelling, cancels on POST and offers the seat to the first person waiting', async () => {
    const { mailer } = setup([sessionData({ capacity: 1 })]);
    await enrol(mailer, { email: 'first@example.org' });
    await enrol(mailer, { email: 'second@example.org' });
    const link = cancelLink(mailer.to('first@example.org')[1]?.html ?? '');
    const token = new URL(link).searchParams.get('token') ?? '';

    const page = await handleCancel(new Request(link), requestContext());
    const seatsAfterGet: unknown = await (await handleSeats(slug)).json();
    const context = requestContext();
    const done = await handleCancel(
      new Request(`${site}/api/registrations/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      }),
      context,
    );
    await context.settle();

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Annuler mon inscription');
    expect(seatsAfterGet).toMatchObject({ confirmed: 1, waiting: 1 });
    expect(await done.text()).toContain('Votre inscription est annulée');
    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 1, waiting: 0 });
    const second = mailer.to('second@example.org').map((m) => m.subject);
    expect(second).toHaveLength(3);
    expect(second[2]).toContain('Une place s’est libérée');
  });

  it('erases a registration on request, giving its seat to the first person waiting', async () => {
    const { mailer, deps } = setup([sessionData({ capacity: 1 })]);
    await enrol(mailer, { email: 'first@example.org' });
    await enrol(mailer, { email: 'second@example.org' });
    const link = cancelLink(mailer.to('first@example.org')[1]?.html ?? '');
    const token = new URL(link).searchParams.get('token') ?? '';

    const page = await handleCancel(new Request(link), requestContext());
    const context = requestContext();
    const done = await handleCancel(
      new Request(`${site}/api/registrations/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, erase: '1' }),
      }),
      context,
    );
    await context.settle();

    expect(await page.text()).toContain('Annuler et effacer mes données');
    expect(await done.text()).toContain('Vos données sont effacées');
    expect(await deps.ledger.find(slug, 'reg_test-0001')).toBeNull();
    expect(await (await handleSeats(slug)).json()).toMatchObject({ confirmed: 1, waiting: 0 });
    expect(mailer.to('second@example.org').map((m) => m.subject)[2]).toContain(
      'Une place s’est libérée',
    );
  });

  it('refuses a link whose signature was changed', async () => {
    setup();

    const response = await handleCancel(
      new Request(
        `${site}/api/registrations/cancel?token=r1.${slug}.reg_test-0001.fr.9999999999.forged`,
      ),
      requestContext(),
    );

    expect(response.status).toBe(400);
  });
});

describe('delivering registration emails', () => {
  it('sends one email per step however often delivery is retried', async () => {
    const { deps, mailer } = setup();
    let failures = 1;
    mailer.fault = () => (failures-- > 0 ? new TemporaryError('resend_429', 1000) : undefined);
    await register();

    await drainRegistrationEmails(deps);
    await drainRegistrationEmails(deps);

    expect(mailer.calls).toBe(2);
    expect(mailer.to('camille@example.org')).toHaveLength(1);
    expect(await deps.ledger.unsent()).toEqual([]);
  });
});
