// The trainers' "Sessions" table in the fake Airtable, and rows as the API
// lists them (a date-with-time "Start" comes back as a UTC instant). The
// columns are those the site describes (airtable-schema.ts).
import { sessionsTable as spec } from '../../../src/server/adapters/airtable-schema.ts';
import type { FakeTableDefinition } from '../../fakes/fake-airtable.ts';

export const sessionsTable: FakeTableDefinition = {
  name: spec.name,
  fields: spec.fields.map((field) => ({
    name: field.name,
    type: field.type,
    ...(field.choices === undefined ? {} : { choices: field.choices }),
  })),
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
    'Place name (FR)': 'Délégation de Calais',
    'Place name (EN)': 'Calais delegation',
    'Place address': '62100 Calais',
    Delegation: 'Calais',
    Audience: 'Volunteers',
    Capacity: 16,
    'Trainer role (FR)': 'Coordinatrice bénévoles',
    'Trainer role (EN)': 'Volunteer coordinator',
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
