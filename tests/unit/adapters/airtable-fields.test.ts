// The Airtable columns coordinators read, made from stored application records.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fromAirtableFields,
  toAirtableFields,
} from '../../../src/server/adapters/airtable-fields.ts';
import {
  checkedTables,
  applicationTables,
  tableFor,
} from '../../../src/server/adapters/airtable-schema.ts';
import { observerRecord, volunteerRecord } from '../../contract/builders.ts';

describe('toAirtableFields', () => {
  it('writes a volunteer application in readable columns', () => {
    const record = volunteerRecord({ id: 'app_1', name: 'Camille Martin' });

    const fields = toAirtableFields(record);

    expect(fields).toMatchObject({
      Name: 'Camille Martin',
      'Application ID': 'app_1',
      Email: 'camille@example.org',
      Phone: '+33 6 12 34 56 78',
      Locale: 'fr',
      'Submitted at': record.submittedAt,
      Status: 'New',
      'Consent version': '2026-11',
      'Consent at': record.consent.acceptedAt,
      Profession: 'Nurse',
      Languages: 'Arabic — Fluent; English — Basic; Other: Kurmanji',
      Site: 'Calais',
      Availability: ['Weekdays, daytime', 'Weekends'],
      Frequency: 'Every week',
      'Heard about us': 'From someone I know',
      Motivation: 'Aider sur la clinique mobile.',
    });
  });

  it('writes an observer application in readable columns, with the charter version', () => {
    const record = observerRecord();

    const fields = toAirtableFields(record);

    expect(fields).toMatchObject({
      Profile: 'Journalist',
      Organisation: 'A radio',
      'Planned production': 'A radio piece on the mobile clinic.',
      Formats: ['Podcast or radio', 'Article or written report'],
      'Preferred dates': '2026-12-01 → 2026-12-05',
      'Charter version': '2026-1',
    });
  });

  it('writes suspected spam with its kind, into the spam table', () => {
    const record = observerRecord({ status: 'suspected-spam' });

    const fields = toAirtableFields(record);

    expect(tableFor(record).name).toBe('Suspected spam');
    expect(fields['Kind']).toBe('Observer');
  });

  it('leaves out empty optional answers', () => {
    const record = volunteerRecord();
    const { phone: _phone, heardFrom: _heardFrom, otherLanguages: _other, ...rest } = record.fields;

    const fields = toAirtableFields({ ...record, fields: rest });

    expect(fields).not.toHaveProperty('Phone');
    expect(fields).not.toHaveProperty('Heard about us');
    expect(fields['Languages']).toBe('Arabic — Fluent; English — Basic');
  });

  it('uses only columns that the table of the record has', () => {
    for (const record of [
      volunteerRecord(),
      observerRecord(),
      volunteerRecord({ status: 'suspected-spam' }),
    ]) {
      const columns = new Set(tableFor(record).fields.map((field) => field.name));

      const fields = toAirtableFields(record);

      for (const name of Object.keys(fields)) expect(columns).toContain(name);
    }
  });
});

describe('fromAirtableFields', () => {
  it('rebuilds the record from the Raw column, whatever coordinators did to the others', () => {
    const record = observerRecord();
    const fields = {
      ...toAirtableFields(record),
      Name: 'Edited by a coordinator',
      Status: 'Accepted',
    };

    const rebuilt = fromAirtableFields(fields);

    expect(rebuilt).toEqual(record);
  });

  it('answers null when Raw is missing or is not a record', () => {
    expect(fromAirtableFields({})).toBeNull();
    expect(fromAirtableFields({ Raw: 'not json' })).toBeNull();
    expect(fromAirtableFields({ Raw: '{"id":1}' })).toBeNull();
  });
});

describe('the base description', () => {
  it('gives every application table the Application ID and Raw fields and unique field names', () => {
    for (const table of applicationTables) {
      const names = table.fields.map((field) => field.name);

      expect(names).toContain('Application ID');
      expect(names).toContain('Raw');
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('is documented field by field in docs/airtable.md', () => {
    const docs = readFileSync(new URL('../../../docs/airtable.md', import.meta.url), 'utf8');

    for (const table of checkedTables) {
      const section = docs.split(`### ${table.name}\n`)[1]?.split('\n### ')[0] ?? '';
      const documented = section.split('\n').map((line) => /^\| ([^|]+?) +\|/.exec(line)?.[1]);
      for (const field of table.fields) expect(documented).toContain(field.name);
    }
  });
});
