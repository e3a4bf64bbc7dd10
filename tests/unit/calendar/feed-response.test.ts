import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { feedResponse } from '../../../src/calendar/feed-response.ts';
import { sessionData } from './session-builder.ts';

const sessions = [
  sessionData({ slug: 'past', start: '2026-10-01T09:00' }),
  sessionData({ slug: 'calais-next', start: '2027-01-16T09:30' }),
  sessionData({ slug: 'gs-next', start: '2027-02-13T14:00', delegation: 'grande-synthe' }),
];
const now = new Date('2026-11-20T10:00:00Z');

async function read(response: Response) {
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)),
  };
}

describe('feedResponse', () => {
  it('serves the upcoming sessions of every delegation as text/calendar', async () => {
    const response = feedResponse({
      sessions,
      locale: 'fr',
      site: 'https://site.example',
      trainingPath: '/formations/',
      now,
    });

    const { calendar, events } = await read(response);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(events.map((event) => event.uid)).toEqual([
      'session-calais-next@site.example',
      'session-gs-next@site.example',
    ]);
    expect(calendar.getFirstPropertyValue('url')).toBe(
      'https://site.example/formations/calendrier.ics',
    );
    expect(events[0]?.component.getFirstPropertyValue('url')).toBe(
      'https://site.example/formations/#calais-next',
    );
  });

  it('serves one delegation its own sessions, named in the calendar title', async () => {
    const response = feedResponse({
      sessions,
      locale: 'en',
      site: new URL('https://site.example/'),
      trainingPath: '/en/training/',
      delegation: { key: 'grande-synthe', name: 'Grande-Synthe' },
      now,
    });

    const { calendar, events } = await read(response);
    expect(events.map((event) => event.uid)).toEqual(['session-gs-next@site.example']);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Médecins du Monde – training sessions, Grande-Synthe',
    );
    expect(calendar.getFirstPropertyValue('url')).toBe(
      'https://site.example/en/training/calendar-grande-synthe.ics',
    );
  });

  it('refuses to build without the site address, which the absolute URLs need', () => {
    expect(() =>
      feedResponse({ sessions, locale: 'fr', site: undefined, trainingPath: '/formations/' }),
    ).toThrow(/site/);
  });
});
