// From an Airtable row of "Sessions" to the session schema's input, without any server.
import { describe, expect, it } from 'vitest';
import {
  airtableConfigFromEnv,
  isUnpublished,
  rowToSessionInput,
} from '../../../src/loaders/airtable-sessions.ts';
import { sessionSchema } from '../../../src/schemas/session.ts';
import { sessionRow, sessionRowWithout } from './sessions-table.ts';

const row = (fields: Record<string, unknown>) => ({ id: 'recAAAAAAAAAAAAAA', fields });

describe('rowToSessionInput', () => {
  it('maps every column to a valid session, Start at Paris time', () => {
    const input = rowToSessionInput(row(sessionRow()));

    expect(sessionSchema.parse(input)).toEqual({
      slug: 'accueil-benevoles-calais',
      title: { fr: 'Accueil des nouveaux bénévoles', en: 'Induction for new volunteers' },
      description: {
        fr: 'Une matinée pour découvrir la délégation.',
        en: 'A morning to get to know the delegation.',
      },
      start: '2027-01-16T09:30',
      timeZone: 'Europe/Paris',
      durationMinutes: 180,
      place: {
        name: { fr: 'Délégation de Calais', en: 'Calais delegation' },
        address: '62100 Calais',
      },
      delegation: 'calais',
      audience: 'volunteers',
      capacity: 16,
      trainerRole: { fr: 'Coordinatrice bénévoles', en: 'Volunteer coordinator' },
      status: 'scheduled',
    });
  });

  it('reads the notes and the registration closing time when given', () => {
    const input = rowToSessionInput(
      row(
        sessionRow({
          'Notes (FR)': 'Apportez une pièce d’identité.',
          'Notes (EN)': 'Bring an identity document.',
          'Registration closes': '2027-01-15T17:00:00.000Z',
        }),
      ),
    );

    expect(sessionSchema.parse(input)).toMatchObject({
      notes: { fr: 'Apportez une pièce d’identité.', en: 'Bring an identity document.' },
      registrationCloses: '2027-01-15T18:00',
    });
  });

  it('leaves a translation left empty out, so that the schema names its column', () => {
    const input = rowToSessionInput(
      row(sessionRowWithout('Place name (EN)', 'Trainer role (FR)', 'Notes (EN)')),
    );

    expect(input['place']).toEqual({
      name: { fr: 'Délégation de Calais' },
      address: '62100 Calais',
    });
    expect(input['trainerRole']).toEqual({ en: 'Volunteer coordinator' });
    expect(input['notes']).toBeUndefined();
  });

  it('reads a UTC Start in summer time as UTC+2, on the day clocks change', () => {
    const input = rowToSessionInput(row(sessionRow({ Start: '2027-03-28T08:00:00.000Z' })));

    expect(input['start']).toBe('2027-03-28T10:00');
  });

  it('keeps a Start typed as local text in a text column', () => {
    const input = rowToSessionInput(row(sessionRow({ Start: ' 2027-10-31 10:00 ' })));

    expect(input['start']).toBe('2027-10-31T10:00');
  });

  it('reads an online session from the video link alone', () => {
    const fields = sessionRowWithout('Place name (FR)', 'Place name (EN)', 'Place address');
    fields['Video link'] = 'https://visio.example/abc';

    const session = sessionSchema.parse(rowToSessionInput(row(fields)));

    expect(session.place).toBeUndefined();
    expect(session.videoLink).toBe('https://visio.example/abc');
  });

  it('understands French labels and odd cases in the select columns', () => {
    const input = rowToSessionInput(
      row(sessionRow({ Delegation: 'Grande Synthe', Audience: 'Tous', Status: 'Annulée' })),
    );

    expect(input).toMatchObject({
      delegation: 'grande-synthe',
      audience: 'all',
      status: 'cancelled',
    });
  });

  it('leaves an empty Status out, so that the session counts as scheduled', () => {
    const session = sessionSchema.parse(rowToSessionInput(row(sessionRowWithout('Status'))));

    expect(session.status).toBe('scheduled');
  });

  it('takes the name of a collaborator and the single value of a lookup', () => {
    const input = rowToSessionInput(
      row(
        sessionRow({
          'Trainer role (FR)': { id: 'usr1', email: 'x@example.org', name: 'Sam' },
          Delegation: ['Calais'],
        }),
      ),
    );

    expect(input).toMatchObject({
      trainerRole: { fr: 'Sam', en: 'Volunteer coordinator' },
      delegation: 'calais',
    });
  });

  it('leaves blank cells out, so that the schema reports them as missing', () => {
    const input = rowToSessionInput(row(sessionRow({ 'Title (EN)': '   ', Capacity: '12' })));

    expect(input['title']).toEqual({ fr: 'Accueil des nouveaux bénévoles' });
    expect(input['capacity']).toBe(12);
  });
});

describe('isUnpublished', () => {
  it('leaves out drafts and blank rows, and keeps the rest', () => {
    expect(isUnpublished(row(sessionRow({ Status: 'Draft' })))).toBe(true);
    expect(isUnpublished(row(sessionRow({ Status: 'Brouillon' })))).toBe(true);
    expect(isUnpublished(row({}))).toBe(true);
    expect(isUnpublished(row({ Slug: ' ' }))).toBe(true);
    expect(isUnpublished(row(sessionRow()))).toBe(false);
    expect(isUnpublished(row({ Slug: 'half-typed' }))).toBe(false);
  });
});

describe('airtableConfigFromEnv', () => {
  it('reads nothing from Airtable when neither variable is set', () => {
    expect(airtableConfigFromEnv({})).toBeUndefined();
    expect(airtableConfigFromEnv({ AIRTABLE_API_KEY: ' ', AIRTABLE_BASE_ID: '' })).toBeUndefined();
  });

  it('names the missing variable when only one is set', () => {
    expect(() => airtableConfigFromEnv({ AIRTABLE_API_KEY: 'pat1234567890' })).toThrow(
      /^AIRTABLE_BASE_ID is not set/,
    );
    expect(() => airtableConfigFromEnv({ AIRTABLE_BASE_ID: 'appAAAAAAAAAAAAAA' })).toThrow(
      /^AIRTABLE_API_KEY is not set/,
    );
  });

  it('rejects a base id that is not one, without echoing the token', () => {
    const attempt = () =>
      airtableConfigFromEnv({ AIRTABLE_API_KEY: 'patSECRET', AIRTABLE_BASE_ID: 'Sessions' });

    expect(attempt).toThrow(/AIRTABLE_BASE_ID/);
    expect(attempt).not.toThrow(/patSECRET/);
  });

  it('takes the endpoint URL without its trailing slash', () => {
    const config = airtableConfigFromEnv({
      AIRTABLE_API_KEY: 'pat1234567890\n',
      AIRTABLE_BASE_ID: 'appAAAAAAAAAAAAAA',
      AIRTABLE_ENDPOINT_URL: 'http://127.0.0.1:8861/',
    });

    expect(config).toEqual({
      apiKey: 'pat1234567890',
      baseId: 'appAAAAAAAAAAAAAA',
      endpointUrl: 'http://127.0.0.1:8861',
    });
  });
});
