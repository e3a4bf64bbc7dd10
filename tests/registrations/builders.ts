// Small builders for registration tests.
import type { NewRegistration } from '../../src/server/ports.ts';

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
