// A registration email that can never be sent is given up once, like the
// applications' welcome email, instead of being retried every minute for ever.
import { afterEach, describe, expect, it } from 'vitest';
import { ResendMailer } from '../../src/server/adapters/resend-mailer.ts';
import { drainRegistrationEmails } from '../../src/server/registrations/deliver.ts';
import { createRateLimiter } from '../../src/server/retry.ts';
import { FakeResend } from '../fakes/fake-resend.ts';
import { newRegistration, registrationDeps, sessionData } from './builders.ts';

let fake: FakeResend | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(apiKey?: string) {
  fake = await FakeResend.start({ ratePerSecond: null });
  const session = sessionData({ capacity: 5 });
  const { base, deps } = registrationDeps([session]);
  const mailer = new ResendMailer({
    apiKey: apiKey ?? fake.apiKey,
    baseUrl: fake.url,
    from: 'Médecins du Monde Calais <calais@example.org>',
    limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'resend_paced' }),
    maxAttempts: 1,
  });
  const withResend = { ...deps, mailer };
  /** A registration whose address was confirmed: it owes the seat's confirmation. */
  const register = async (email: string, id: string) => {
    const at = new Date(base.clock.now()).toISOString();
    await deps.ledger.register(
      newRegistration({ id, email, sessionSlug: session.slug, registeredAt: at }),
    );
    await deps.ledger.verify(session.slug, id, at, session.capacity);
  };
  return { fake, deps: withResend, base, register };
}

const lines = (logLines: string[], event: string) =>
  logLines.filter((line) => (JSON.parse(line) as { event: string }).event === event);

describe('a registration email Resend refuses for good (422)', () => {
  it('is given up at the first refusal, with one log line that names no one', async () => {
    const { fake, deps, base, register } = await setUp();
    await register('camille@localhost', 'reg_refused-0001');

    const first = await drainRegistrationEmails(deps);
    const second = await drainRegistrationEmails(deps);

    expect(first).toMatchObject({ sent: 0, abandoned: 1 });
    expect(second).toMatchObject({ sent: 0, abandoned: 0 });
    expect(fake.requestCount(422)).toBe(1);
    expect(await deps.ledger.unsent()).toEqual([]);
    const abandoned = lines(base.logLines, 'registration_email_abandoned');
    expect(abandoned).toHaveLength(1);
    expect(JSON.parse(abandoned[0] ?? '{}')).toMatchObject({
      level: 'error',
      id: 'reg_refused-0001',
      kind: 'confirmed',
      code: 'resend_422_validation_error',
    });
    expect(base.logLines.join('\n')).not.toMatch(/camille|localhost|Camille/);
  });

  it('does not hold back the next registration’s email', async () => {
    const { fake, deps, register } = await setUp();
    await register('camille@localhost', 'reg_refused-0001');
    await register('sam@example.org', 'reg_fine-0002');

    const report = await drainRegistrationEmails(deps);

    expect(report).toMatchObject({ sent: 1, abandoned: 1 });
    expect(fake.inbox.map((email) => email.to)).toEqual([['sam@example.org']]);
  });
});

describe('a registration email that fails for a reason a fix can cure', () => {
  it('stays owed while the API key is wrong, then is given up once it has waited a week', async () => {
    const { deps, base, register } = await setUp('re_wrong_key');
    await register('sam@example.org', 'reg_waiting-0001');

    const now = await drainRegistrationEmails(deps);
    base.clock.advance(8 * 86_400_000);
    const weekLater = await drainRegistrationEmails(deps);

    expect(now).toMatchObject({ sent: 0, abandoned: 0 });
    expect(weekLater).toMatchObject({ sent: 0, abandoned: 1 });
    expect(await deps.ledger.unsent()).toEqual([]);
    expect(lines(base.logLines, 'registration_email_abandoned')).toHaveLength(1);
  });
});
