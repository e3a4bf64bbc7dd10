// Every registration email, with its invitation, in one language only: the
// session's place, trainer, notes, title and description in the registrant's
// language, and none of the other language's.
import { describe, expect, it } from 'vitest';
import { registrationEmail } from '../../../src/server/emails/registration.ts';
import type { Registration, RegistrationEmail } from '../../../src/server/ports.ts';
import type { Locale } from '../../../src/schemas/common.ts';
import { newRegistration, sessionData } from '../../registrations/builders.ts';

const session = sessionData({
  notes: { fr: 'Apportez une pièce d’identité.', en: 'Bring an identity document.' },
});
const kinds: RegistrationEmail[] = [
  'verify',
  'confirmed',
  'waiting',
  'promoted',
  'reminder',
  'session-cancelled',
];
const context = {
  siteUrl: 'https://calais.example.org',
  coordinatorEmail: 'coordination@example.org',
  sessionUrl: 'https://calais.example.org/formations/induction-calais/',
  cancelUrl: 'https://calais.example.org/api/registrations/cancel?token=t',
  verifyUrl: 'https://calais.example.org/api/registrations/verify?token=t',
  verifyHours: 48,
};

/** The session's texts a reader sees, in one language. */
const valuesIn = (locale: Locale) => [
  session.title[locale],
  session.description[locale],
  session.place?.name[locale] ?? '',
  session.trainerRole[locale],
  session.notes?.[locale] ?? '',
];

function everything(kind: RegistrationEmail, locale: Locale): string {
  const registration: Registration = {
    ...newRegistration({ sessionSlug: session.slug, locale }),
    status: kind === 'waiting' ? 'waiting' : 'confirmed',
    unsent: [],
  };
  const message = registrationEmail(kind, registration, session, context);
  const invitations = (message.attachments ?? []).map((a) => new TextDecoder().decode(a.content));
  // Folded iCalendar lines are unfolded so that a long value reads whole.
  return [message.subject, message.text, message.html, ...invitations]
    .join('\n')
    .replace(/\r\n[ \t]/g, '')
    .replace(/&#39;|&rsquo;/g, '’');
}

describe('registration emails', () => {
  for (const [locale, other] of [
    ['fr', 'en'],
    ['en', 'fr'],
  ] as const) {
    it(`show a ${locale} registrant the session in ${locale} only, invitations included`, () => {
      for (const kind of kinds) {
        const text = everything(kind, locale);

        for (const value of valuesIn(other)) expect(text, `${kind}: ${value}`).not.toContain(value);
        expect(text, kind).toContain(session.place?.name[locale]);
        expect(text, kind).toContain(session.trainerRole[locale]);
        expect(text, kind).toContain(session.notes?.[locale]);
      }
    });
  }

  it('puts a space before the colon of each fact in French, and none in English', () => {
    const french = everything('confirmed', 'fr');
    const english = everything('confirmed', 'en');

    expect(french).toContain(`\nAnimation : ${session.trainerRole.fr}\n`);
    expect(french).toContain(`\nÀ savoir : ${session.notes?.fr ?? ''}\n`);
    expect(french).not.toMatch(/\n(Quand|Où|Animation|À savoir): /);
    expect(english).toContain(`\nTrainer: ${session.trainerRole.en}\n`);
    expect(english).toContain(`\nGood to know: ${session.notes?.en ?? ''}\n`);
  });
});
