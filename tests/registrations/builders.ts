// Small builders for registration tests.
import { LocalLedger } from '../../src/server/adapters/local-ledger.ts';
import type { NewRegistration, RegistrationLedger } from '../../src/server/ports.ts';
import type { RegistrationDeps } from '../../src/server/registrations/deps.ts';
import type { SessionData } from '../../src/schemas/session.ts';
import { sessionFacts } from '../../src/server/registrations/session-facts.ts';
import { testDeps } from '../support-server/deps.ts';
import {
  registerForSession,
  verifyRegistration,
  type Registrant,
} from '../../src/server/registrations/register.ts';

export const newRegistration = (overrides: Partial<NewRegistration> = {}): NewRegistration => ({
  id: 'reg_test-0001',
  sessionSlug: 'induction',
  email: 'camille@example.org',
  name: 'Camille Martin',
  locale: 'fr',
  registeredAt: '2027-01-01T10:00:00.000Z',
  consent: { privacyVersion: '2026-11', acceptedAt: '2027-01-01T10:00:00.000Z' },
  ...overrides,
});

export const sessionData = (overrides: Partial<SessionData> = {}): SessionData => ({
  title: { fr: 'Accueil des nouveaux bénévoles', en: 'Welcome for new volunteers' },
  slug: 'induction-calais',
  description: { fr: 'Présentation de la délégation.', en: 'An introduction to the delegation.' },
  start: '2027-01-16T09:30',
  timeZone: 'Europe/Paris',
  durationMinutes: 180,
  place: {
    name: { fr: 'Local de la délégation', en: 'Delegation premises' },
    address: '1 rue de l’Exemple, 62100 Calais',
  },
  delegation: 'calais',
  audience: 'volunteers',
  capacity: 2,
  trainerRole: { fr: 'Coordinatrice des bénévoles', en: 'Volunteer coordinator' },
  status: 'scheduled',
  ...overrides,
});

/** The facts a registrant is told of the builders' session, with these changes. */
export const sessionFactsOf = (overrides: Partial<SessionData> = {}) =>
  sessionFacts(sessionData(overrides));

/** Registration dependencies over a ledger (an in-memory SQLite one by default) and a list of sessions. */
export function registrationDeps(
  sessions: SessionData[] = [sessionData()],
  ledger: RegistrationLedger = new LocalLedger({ file: ':memory:' }),
) {
  const base = testDeps();
  let n = 0;
  const deps = {
    ledger,
    erasures: base.erasures,
    sessions: {
      find: (slug: string) => Promise.resolve(sessions.find((s) => s.slug === slug) ?? null),
      upcoming: () => Promise.resolve([...sessions]),
    },
    mailer: base.mailer,
    clock: base.clock,
    log: base.log,
    siteUrl: base.siteUrl,
    coordinatorEmail: base.coordinatorEmail,
    signingSecret: base.signingSecret,
    newId: () => `reg_test-${String(++n).padStart(4, '0')}`,
  } satisfies RegistrationDeps;
  return { base, deps };
}

/** Registers and confirms the address at once, as someone who follows the emailed link does. */
export async function enrolForSession(
  deps: Parameters<typeof registerForSession>[0],
  slug: string,
  registrant: Registrant,
) {
  const registered = await registerForSession(deps, slug, registrant);
  if (!registered.ok || registered.outcome === 'duplicate') return registered;
  return verifyRegistration(deps, slug, registered.registration.id);
}

/**
 * The notices' cast, enrolled in this order on `induction-calais`: Camille
 * (fr) and Sam (en), then Lou (fr), who waits when the session has two seats.
 */
export async function enrolCamilleSamAndLou(deps: Parameters<typeof registerForSession>[0]) {
  for (const [name, email, locale] of [
    ['Camille', 'camille@example.org', 'fr'],
    ['Sam', 'sam@example.org', 'en'],
    ['Lou', 'lou@example.org', 'fr'],
  ] as const) {
    await enrolForSession(deps, 'induction-calais', {
      name,
      email,
      locale,
      privacyVersion: '2026-11',
    });
  }
}
