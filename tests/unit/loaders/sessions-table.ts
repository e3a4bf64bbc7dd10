// The trainers' "Sessions" table in the fake Airtable, and rows as the API
// lists them (a date-with-time "Start" comes back as a UTC instant).
import type { FakeTableDefinition } from '../../fakes/fake-airtable.ts';

export const sessionsTable: FakeTableDefinition = {
  name: 'Sessions',
  fields: [
    { name: 'Slug', type: 'singleLineText' },
    { name: 'Title (FR)', type: 'singleLineText' },
    { name: 'Title (EN)', type: 'singleLineText' },
    { name: 'Description (FR)', type: 'multilineText' },
    { name: 'Description (EN)', type: 'multilineText' },
    { name: 'Start', type: 'dateTime' },
    { name: 'Duration (minutes)', type: 'number' },
    { name: 'Place name', type: 'singleLineText' },
    { name: 'Place address', type: 'singleLineText' },
    { name: 'Video link', type: 'url' },
    { name: 'Delegation', type: 'singleSelect', choices: ['Calais', 'Grande-Synthe'] },
    { name: 'Audience', type: 'singleSelect', choices: ['Volunteers', 'Observers', 'All'] },
    { name: 'Capacity', type: 'number' },
    { name: 'Trainer', type: 'singleLineText' },
    { name: 'Status', type: 'singleSelect', choices: ['Scheduled', 'Cancelled', 'Draft'] },
  ],
};

export function sessionRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Slug: 'accueil-benevoles-calais',
    'Title (FR)': 'Accueil des nouveaux bénévoles',
    'Title (EN)': 'Induction for new volunteers',
    'Description (FR)': 'Une matinée pour découvrir la délégation.',
    'Description (EN)': 'A morning to get to know the delegation.',
    Start: '2027-01-16T08:30:00.000Z',
    'Duration (minutes)': 180,
    'Place name': 'Délégation de Calais',
    'Place address': '62100 Calais',
    Delegation: 'Calais',
    Audience: 'Volunteers',
    Capacity: 16,
    Trainer: 'Coordinatrice bénévoles',
    Status: 'Scheduled',
    ...overrides,
  };
}

/** The same row without some columns, as the API leaves out empty cells. */
export function sessionRowWithout(...columns: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(sessionRow()).filter(([column]) => !columns.includes(column)),
  );
}
