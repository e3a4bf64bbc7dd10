// Every calendar object is read back with ical.js, a full RFC 5545 parser, as
// a calendar client would: the instants, UID and texts must survive the trip.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, buildInvitation, type InvitationOptions } from '../../../src/calendar/ics.ts';
import { sessionUid } from '../../../src/calendar/uid.ts';
import type { SessionData } from '../../../src/schemas/session.ts';
import { onlineSessionData, sessionData } from './session-builder.ts';

const domain = 'mdm-calais.example';
const now = new Date('2026-11-20T10:00:00Z');
const attendee = { name: 'Camille Martin', email: 'camille@example.org' };
const invitation = (overrides: Partial<InvitationOptions> = {}): InvitationOptions => ({
  method: 'REQUEST',
  sequence: 0,
  organizer: { name: 'Médecins du Monde Calais', email: 'calais@example.org' },
  url: `https://${domain}/formations/#accueil-benevoles-calais`,
  uidDomain: domain,
  now,
  ...overrides,
});
const feedOptions = {
  name: 'Médecins du Monde Calais – formations',
  url: `https://${domain}/formations/calendrier.ics`,
  sessionUrl: (session: SessionData) => `https://${domain}/formations/#${session.slug}`,
  uidDomain: domain,
  now,
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
    vevent,
    event: new ICAL.Event(vevent),
  }));
  return { calendar, events };
}

function only(text: string) {
  const { calendar, events } = parse(text);
  const [first, ...others] = events;
  if (first === undefined || others.length > 0)
    throw new Error(`expected one event, got ${events.length}`);
  const { vevent, event } = first;
  return {
    calendar,
    vevent,
    event,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
  };
}

describe('buildInvitation', () => {
  it('invites to the session at its UTC instants, with its stable UID, title and place', () => {
    const session = sessionData();

    const text = buildInvitation(session, 'fr', attendee, invitation());

    const read = only(text);
    expect(read.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(read.event.uid).toBe(sessionUid(session.slug, domain));
    expect(read.start).toBe('2027-01-16T08:30:00.000Z');
    expect(read.end).toBe('2027-01-16T11:30:00.000Z');
    expect(read.event.summary).toBe('Accueil des nouveaux bénévoles');
    expect(read.event.location).toBe('Délégation de Calais, 62100 Calais');
    expect(read.event.description).toContain('règles de confidentialité');
    expect(read.event.sequence).toBe(0);
    expect(read.status).toBe('CONFIRMED');
    expect(read.url).toBe(`https://${domain}/formations/#accueil-benevoles-calais`);
  });

  it('names the organizer and the registered participant, without asking for a reply', () => {
    const text = buildInvitation(sessionData(), 'fr', attendee, invitation());

    const read = only(text);
    expect(read.event.organizer).toBe('mailto:calais@example.org');
    const [participant] = read.event.attendees;
    expect(participant?.getFirstValue()).toMatch(/^mailto:camille@example\.org$/i);
    expect(participant?.getParameter('cn')).toBe('Camille Martin');
    expect(participant?.getParameter('partstat')).toBe('ACCEPTED');
    expect(participant?.getParameter('rsvp')).toBe('FALSE');
  });

  it('writes the English texts for an English registration', () => {
    const text = buildInvitation(sessionData(), 'en', attendee, invitation());

    const read = only(text);
    expect(read.event.summary).toBe('Induction for new volunteers');
    expect(read.event.description).toContain('Trainer: Volunteer coordinator');
    expect(read.event.location).toBe('Calais delegation, 62100 Calais');
  });

  it('shows each language its own place, trainer and notes, and none of the other', () => {
    const session = sessionData({
      notes: { fr: 'Apportez une pièce d’identité.', en: 'Bring an identity document.' },
    });

    const fr = only(buildInvitation(session, 'fr', attendee, invitation()));
    const en = only(buildInvitation(session, 'en', attendee, invitation()));

    expect(fr.event.description).toContain('À savoir : Apportez une pièce d’identité.');
    expect(en.event.description).toContain('Good to know: Bring an identity document.');
    for (const english of ['Calais delegation', 'Volunteer coordinator', 'identity document']) {
      expect(`${fr.event.description} ${fr.event.location}`).not.toContain(english);
    }
    for (const french of ['Délégation de Calais', 'Coordinatrice', 'pièce d’identité']) {
      expect(`${en.event.description} ${en.event.location}`).not.toContain(french);
    }
  });

  it('cancels with the same UID, a higher sequence and STATUS:CANCELLED', () => {
    const session = sessionData();
    const request = only(buildInvitation(session, 'fr', attendee, invitation()));

    const text = buildInvitation(
      session,
      'fr',
      attendee,
      invitation({ method: 'CANCEL', sequence: 1 }),
    );

    const cancel = only(text);
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.event.uid).toBe(request.event.uid);
    expect(cancel.event.sequence).toBe(1);
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.start).toBe(request.start);
  });

  it('gives the video link as the place of an online session', () => {
    const session = onlineSessionData({ videoLink: 'https://visio.example/abc' });

    const text = buildInvitation(session, 'en', attendee, invitation());

    const read = only(text);
    expect(read.event.location).toBe('https://visio.example/abc');
    expect(read.event.description).toContain('Video link: https://visio.example/abc');
  });

  it('puts a session on the last Sunday of March at the right UTC instants', () => {
    const session = sessionData({ start: '2027-03-28T10:00', durationMinutes: 90 });

    const read = only(buildInvitation(session, 'fr', attendee, invitation()));

    expect(read.start).toBe('2027-03-28T08:00:00.000Z');
    expect(read.end).toBe('2027-03-28T09:30:00.000Z');
  });

  it('puts a session on the last Sunday of October at the right UTC instants', () => {
    const session = sessionData({ start: '2027-10-31T01:30', durationMinutes: 120 });

    const read = only(buildInvitation(session, 'fr', attendee, invitation()));

    expect(read.start).toBe('2027-10-30T23:30:00.000Z');
    expect(read.end).toBe('2027-10-31T01:30:00.000Z');
  });

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    const session = sessionData({
      title: { fr: 'Très long intitulé à accents — '.repeat(6), en: 'Long title' },
    });

    const text = buildInvitation(session, 'fr', attendee, invitation());

    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(only(text).event.summary).toBe(session.title.fr);
  });
});

describe('buildFeed', () => {
  it('lists every given session with the UID its invitations use', () => {
    const sessions = [
      sessionData(),
      sessionData({
        slug: 'echange-grande-synthe',
        start: '2027-02-13T14:00',
        delegation: 'grande-synthe',
      }),
    ];

    const text = buildFeed(sessions, 'fr', feedOptions);

    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBeNull();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(feedOptions.name);
    expect(events.map(({ event }) => event.uid)).toEqual(
      sessions.map((s) => sessionUid(s.slug, domain)),
    );
    const invited = only(buildInvitation(sessionData(), 'fr', attendee, invitation()));
    expect(events[0]?.event.uid).toBe(invited.event.uid);
    expect(events[1]?.event.startDate.toJSDate().toISOString()).toBe('2027-02-13T13:00:00.000Z');
    expect(events[1]?.vevent.getFirstPropertyValue('url')).toBe(
      `https://${domain}/formations/#echange-grande-synthe`,
    );
  });

  it('keeps a cancelled session, marked cancelled in its status and title', () => {
    const session = sessionData({ status: 'cancelled' });

    const text = buildFeed([session], 'en', feedOptions);

    const [read] = parse(text).events;
    expect(read?.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(read?.event.summary).toBe('Cancelled: Induction for new volunteers');
  });

  it('is a valid empty calendar when there is no session', () => {
    const text = buildFeed([], 'fr', feedOptions);

    const { calendar, events } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(events).toHaveLength(0);
  });
});
