// Small builders of port values for the contract and adapter tests.

import type { ApplicationRecord, EmailMessage, PendingDelivery } from '../../src/server/ports.ts';

let sequence = 0;

/** A unique id per call, shaped like the server's. */
export function nextId(): string {
  sequence += 1;
  return `app_test_${process.pid}_${Date.now().toString(36)}_${sequence}`;
}

export function volunteerRecord(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: nextId(),
    kind: 'volunteer',
    locale: 'fr',
    submittedAt: '2026-11-05T10:11:12.123Z',
    status: 'new',
    email: 'camille@example.org',
    name: 'Camille Martin',
    // The validated fields of src/schemas/forms/volunteer.ts.
    fields: {
      phone: '+33 6 12 34 56 78',
      profession: 'nurse',
      languages: [
        { code: 'ar', level: 'fluent' },
        { code: 'en', level: 'basic' },
      ],
      otherLanguages: 'Kurmanji',
      site: 'calais',
      availability: ['weekdays', 'weekends'],
      frequency: 'weekly',
      heardFrom: 'friend',
      motivation: 'Aider sur la clinique mobile.',
    },
    consent: { privacyVersion: '2026-11', acceptedAt: '2026-11-05T10:11:10.000Z' },
    ...overrides,
  };
}

export function observerRecord(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: nextId(),
    kind: 'observer',
    locale: 'en',
    submittedAt: '2026-11-05T11:00:00.000Z',
    status: 'new',
    email: 'sam@example.org',
    name: 'Sam Taylor',
    // The validated fields of src/schemas/forms/observer.ts.
    fields: {
      profile: 'journalist',
      organisation: 'A radio',
      project: 'A radio piece on the mobile clinic.',
      formats: ['audio', 'article'],
      dateFrom: '2026-12-01',
      dateTo: '2026-12-05',
    },
    consent: {
      privacyVersion: '2026-11',
      charterVersion: '2026-1',
      acceptedAt: '2026-11-05T10:59:00.000Z',
    },
    ...overrides,
  };
}

export function pendingDelivery(
  record: ApplicationRecord = volunteerRecord(),
  overrides: Partial<PendingDelivery> = {},
): PendingDelivery {
  return { record, stored: false, mailed: false, attempts: 0, ...overrides };
}

export function emailMessage(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    to: 'camille@example.org',
    subject: 'Bienvenue',
    html: '<p>Merci pour votre candidature.</p>',
    text: 'Merci pour votre candidature.',
    ...overrides,
  };
}
