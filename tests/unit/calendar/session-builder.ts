// A valid session, as the content schema outputs it, with the fields a test cares about changed.
import type { SessionData } from '../../../src/schemas/session.ts';

export function sessionData(overrides: Partial<SessionData> = {}): SessionData {
  return {
    title: { fr: 'Accueil des nouveaux bénévoles', en: 'Induction for new volunteers' },
    slug: 'accueil-benevoles-calais',
    description: {
      fr: 'Une matinée pour découvrir la délégation ; règles de confidentialité, orientation.',
      en: 'A morning to get to know the delegation; confidentiality rules, referral.',
    },
    start: '2027-01-16T09:30',
    timeZone: 'Europe/Paris',
    durationMinutes: 180,
    place: {
      name: { fr: 'Délégation de Calais', en: 'Calais delegation' },
      address: '62100 Calais',
    },
    delegation: 'calais',
    audience: 'volunteers',
    capacity: 16,
    trainerRole: { fr: 'Coordinatrice bénévoles', en: 'Volunteer coordinator' },
    status: 'scheduled',
    ...overrides,
  };
}

/** The same session held online only. */
export function onlineSessionData(overrides: Partial<SessionData> = {}): SessionData {
  const session: SessionData = {
    videoLink: 'https://visio.example/abc',
    ...sessionData(overrides),
  };
  delete session.place;
  return session;
}
