import { describe, expect, it } from 'vitest';
import { feedName, feedPath, webcalUrl } from '../../../src/calendar/feed-paths.ts';

describe('feedPath', () => {
  it('publishes the French feeds under /formations/ and the English ones under /en/training/', () => {
    expect(feedPath('fr')).toBe('/formations/calendrier.ics');
    expect(feedPath('fr', 'grande-synthe')).toBe('/formations/calendrier-grande-synthe.ics');
    expect(feedPath('en')).toBe('/en/training/calendar.ics');
    expect(feedPath('en', 'calais')).toBe('/en/training/calendar-calais.ics');
  });
});

describe('webcalUrl', () => {
  it('turns the https address of a feed into a webcal: subscription link', () => {
    expect(webcalUrl('https://site.example/formations/calendrier.ics')).toBe(
      'webcal://site.example/formations/calendrier.ics',
    );
  });
});

describe('feedName', () => {
  it('names the feed of all sessions after the delegation, and a site feed after its site', () => {
    expect(feedName('fr')).toBe('Médecins du Monde Calais – formations');
    expect(feedName('en', 'Grande-Synthe')).toBe(
      'Médecins du Monde – training sessions, Grande-Synthe',
    );
  });
});
