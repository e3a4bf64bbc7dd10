// Valid sign-ups as the forms send them, to change one field at a time in tests.
import {
  currentObserverCharterVersion,
  currentPrivacyNoticeVersion,
} from '../../src/schemas/forms/consent.ts';

/** The day `days` after today, YYYY-MM-DD: an observer's visit is never in the past, whenever tests run. */
export const daysFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A visit period that stays in the future. */
export const visitFrom = daysFromToday(90);
export const visitTo = daysFromToday(108);
/** The day before visitFrom. */
export const beforeVisit = daysFromToday(89);

/** Long enough ago that the time-to-submit check passes. */
export const startedLongAgo = String(Date.parse('2026-01-01T00:00:00Z'));

export function volunteerForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    locale: 'fr',
    name: 'Camille Martin',
    email: 'camille.martin@example.org',
    phone: '',
    profession: 'nurse',
    'lang-ar': 'fluent',
    'lang-en': 'basic',
    'lang-ps': 'none',
    otherLanguages: '',
    site: 'calais',
    availability: ['weekdays', 'weekends'],
    frequency: 'weekly',
    heardFrom: 'friend',
    motivation: 'Infirmière, je souhaite aider les personnes exilées à accéder aux soins.',
    consent: 'yes',
    privacyVersion: currentPrivacyNoticeVersion,
    website: '',
    startedAt: startedLongAgo,
    ...overrides,
  };
}

export function observerJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: 'en',
    name: 'Sam Taylor',
    email: 'sam.taylor@example.org',
    profile: 'journalist',
    organisation: 'Coastal Weekly',
    project: 'A long-form article on access to care for exiled people on the coast.',
    formats: ['article', 'audio'],
    dateFrom: visitFrom,
    dateTo: visitTo,
    charter: true,
    consent: true,
    privacyVersion: currentPrivacyNoticeVersion,
    charterVersion: currentObserverCharterVersion,
    website: '',
    startedAt: startedLongAgo,
    ...overrides,
  };
}

/** A form body as the browser encodes it: repeated keys for checkbox groups. */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}
