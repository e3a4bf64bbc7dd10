// What the training pages say about a session, read at fixed moments: until
// when one can register, the seats the build counted (and that it says so),
// and each language's own words only.
import { describe, expect, it } from 'vitest';
import { sessionFacts } from '../../../src/lib/session-facts.ts';
import { sessionData } from '../calendar/session-builder.ts';

// Starts 2027-01-16 at 09:30, Paris time (08:30Z); registration closes the evening before.
const session = sessionData({
  registrationCloses: '2027-01-15T18:00',
  notes: { fr: 'Apportez une pièce d’identité.', en: 'Bring an identity document.' },
});
const before = new Date('2027-01-15T16:59:00Z');
const after = new Date('2027-01-15T17:00:00Z');
const builtAt = new Date('2027-01-10T09:05:00Z');
const count = { capacity: 16, confirmed: 4, left: 12, waiting: 0 };

describe('sessionFacts', () => {
  it('says until when one can register, and gives the live count its templates, while open', () => {
    const fr = sessionFacts(session, 'fr', before);
    const en = sessionFacts(session, 'en', before);

    expect(fr.open).toBe(true);
    expect(fr.registration).toEqual({
      text: "jusqu'au vendredi 15 janvier 2027 à 18:00",
      datetime: '2027-01-15T18:00+01:00',
    });
    expect(en.registration?.text).toMatch(/^open until Friday,? 15 January 2027 at 18:00$/);
    expect(fr.live).toEqual({
      left: '{left} places restantes sur 16.',
      full: "Complet : inscrivez-vous sur la liste d'attente ({waiting} personne(s) déjà en attente).",
    });
  });

  it('says since when registration is closed, with no live count, from the closing minute on', () => {
    const fr = sessionFacts(session, 'fr', after, { count, at: builtAt });

    expect(fr.open).toBe(false);
    expect(fr.registration?.text).toBe('closes depuis le vendredi 15 janvier 2027 à 18:00');
    expect(fr.closedNote).toBe(
      'Les inscriptions à cette session sont closes depuis le vendredi 15 janvier 2027 à 18:00.',
    );
    expect(fr.live).toBeUndefined();
    expect(fr.seats).toBe('16 places');
  });

  it('closes registration when the session starts when the trainer sets no time', () => {
    const plain = sessionData();

    expect(sessionFacts(plain, 'fr', new Date('2027-01-16T08:29:00Z')).open).toBe(true);
    expect(sessionFacts(plain, 'fr', new Date('2027-01-16T08:30:00Z')).open).toBe(false);
  });

  it('gives the seats the build counted and says when, in each language', () => {
    const full = { capacity: 16, confirmed: 16, left: 0, waiting: 3 };

    expect(sessionFacts(session, 'fr', before, { count, at: builtAt }).seats).toBe(
      '12 places restantes sur 16, à la construction du site (dimanche 10 janvier 2027 à 10:05).',
    );
    expect(sessionFacts(session, 'en', before, { count, at: builtAt }).seats).toMatch(
      /^12 of 16 seats left when the site was built \(Sunday,? 10 January 2027 at 10:05\)\.$/,
    );
    expect(sessionFacts(session, 'fr', before, { count: full, at: builtAt }).seats).toMatch(
      /^complet \(16 places\), 3 personne\(s\) en liste d'attente, à la construction du site/,
    );
  });

  it('falls back on the capacity when the build could not count', () => {
    expect(sessionFacts(session, 'en', before).seats).toBe('16 seats');
  });

  it('shows each language its own place, trainer and notes, and none of the other', () => {
    const fr = JSON.stringify(sessionFacts(session, 'fr', before, { count, at: builtAt }));
    const en = JSON.stringify(sessionFacts(session, 'en', before, { count, at: builtAt }));

    expect(fr).toContain('Délégation de Calais, 62100 Calais');
    expect(en).toContain('Calais delegation, 62100 Calais');
    for (const english of ['Calais delegation', 'Volunteer coordinator', 'identity document']) {
      expect(fr).not.toContain(english);
    }
    for (const french of ['Délégation de Calais', 'Coordinatrice', 'pièce d’identité']) {
      expect(en).not.toContain(french);
    }
  });

  it('says nothing about registration for a cancelled session', () => {
    const cancelled = sessionData({ status: 'cancelled' });

    const facts = sessionFacts(cancelled, 'fr', before);

    expect(facts.open).toBe(false);
    expect(facts.registration).toBeUndefined();
  });
});
