import { describe, expect, it } from 'vitest';
import { welcomeEmail, type WelcomeContext } from '../../../src/server/emails/welcome.ts';
import { pickSessions } from '../../../src/server/sessions.ts';
import type { ApplicationRecord } from '../../../src/server/ports.ts';

const ctx: WelcomeContext = {
  siteUrl: 'https://calais.example.org',
  coordinatorEmail: 'coordination@example.org',
  erasureUrl: 'https://calais.example.org/api/erasure?token=abc',
  erasureDays: 30,
  sessions: [
    {
      title: 'Accueil des nouveaux bénévoles',
      start: '2027-01-16T09:30',
      place: 'Délégation de Calais',
      url: 'https://calais.example.org/formations/#accueil',
    },
  ],
};

const volunteer: ApplicationRecord = {
  id: 'app_1',
  kind: 'volunteer',
  locale: 'fr',
  submittedAt: '2026-12-01T09:00:00.000Z',
  status: 'new',
  email: 'camille@example.org',
  name: 'Camille <script>alert(1)</script>',
  fields: {
    profession: 'interpreter',
    languages: [{ code: 'ps', level: 'native' }],
    otherLanguages: 'Kurmanji & <b>Dari</b>',
    site: 'grande-synthe',
    availability: ['evenings'],
    frequency: 'monthly',
  },
  consent: { privacyVersion: '2026-11-22', acceptedAt: '2026-12-01T09:00:00.000Z' },
};

describe('welcome email', () => {
  it('carries no text the applicant typed, in either role or language: only our words and their choices', () => {
    // What an attacker types, with a stranger's address, to make our domain send it.
    const lure = (field: string) =>
      `Your donation failed, update your card at https://evil.example/${field}`;
    const typed = {
      volunteer: {
        phone: '+33 6 12 34 56 78',
        otherLanguages: lure('languages'),
        motivation: lure('motivation'),
      },
      observer: { organisation: lure('organisation'), project: lure('project') },
    };
    const messages = (['fr', 'en'] as const).flatMap((locale) => [
      welcomeEmail(
        {
          ...volunteer,
          locale,
          name: lure('name'),
          fields: { ...volunteer.fields, ...typed.volunteer },
        },
        ctx,
      ),
      welcomeEmail(
        {
          ...volunteer,
          kind: 'observer',
          locale,
          name: lure('name'),
          fields: {
            profile: 'artist',
            formats: ['drawing'],
            dateFrom: '2030-03-02',
            dateTo: '2030-03-20',
            ...typed.observer,
          },
          consent: { ...volunteer.consent, charterVersion: '2026-11-22' },
        },
        ctx,
      ),
    ]);

    for (const message of messages) {
      const everything = `${message.subject}\n${message.text}\n${message.html}`;
      expect(everything).not.toMatch(/evil\.example|donation|12 34 56/);
      expect(message.text).toMatch(/^(Bonjour|Hello),$/m);
    }
    expect(messages[0]?.text).toContain('Vous n’êtes pas à l’origine de cette candidature ?');
    expect(messages[3]?.text).toContain('Did you not apply?');
  });

  it('tells a French volunteer what comes next, the sessions, the contact and the erasure link', () => {
    const message = welcomeEmail(volunteer, ctx);

    expect(message.subject).toBe('Votre candidature de bénévole à Médecins du Monde Calais');
    expect(message.replyTo).toBe('coordination@example.org');
    expect(message.text).toContain('La suite');
    expect(message.text).toContain(
      'Accueil des nouveaux bénévoles, samedi 16 janvier 2027 à 09:30',
    );
    expect(message.text).toContain('Interprète');
    expect(message.text).toContain('Pachto (langue maternelle)');
    expect(message.html).toContain('href="https://calais.example.org/api/erasure?token=abc"');
  });

  it('gives an English observer the charter and how a visit is arranged', () => {
    const observer: ApplicationRecord = {
      ...volunteer,
      kind: 'observer',
      locale: 'en',
      name: 'Sam',
      fields: {
        profile: 'artist',
        project: 'A comic',
        formats: ['drawing'],
        dateFrom: '2030-03-02',
        dateTo: '2030-03-20',
      },
      consent: { ...volunteer.consent, charterVersion: '2026-11-22' },
    };

    const message = welcomeEmail(observer, { ...ctx, sessions: [] });

    expect(message.subject).toBe('Your Speak Out observer request');
    expect(message.text).toContain('between 2 March 2030 and 20 March 2030');
    expect(message.text).toContain('How your visit is arranged');
    expect(message.text).toContain(
      'I do not photograph or film anyone without their explicit agreement.',
    );
    expect(message.text).toContain('https://calais.example.org/en/training/');
  });

  it('lists only the scheduled sessions open to the applicant, after the day they applied', () => {
    const feed = [
      {
        slug: 'a',
        title: { fr: 'A', en: 'A' },
        start: '2027-01-16T09:30',
        audience: 'volunteers' as const,
        status: 'scheduled' as const,
      },
      {
        slug: 'b',
        title: { fr: 'B', en: 'B' },
        start: '2027-02-13T14:00',
        audience: 'all' as const,
        status: 'cancelled' as const,
      },
      {
        slug: 'c',
        title: { fr: 'C', en: 'C' },
        start: '2027-03-11T18:00',
        audience: 'observers' as const,
        status: 'scheduled' as const,
      },
      {
        slug: 'd',
        title: { fr: 'D', en: 'D' },
        start: '2026-11-01T10:00',
        audience: 'all' as const,
        status: 'scheduled' as const,
      },
    ];

    const sessions = pickSessions(feed, volunteer, 'https://calais.example.org');

    expect(sessions.map((s) => s.title)).toEqual(['A']);
    expect(sessions[0]).toMatchObject({
      place: 'en ligne',
      url: 'https://calais.example.org/formations/#a',
    });
  });
});
