// A sign-up field is one definition (src/schemas/forms/): these tests check
// that what is derived from it, its words, the page's rules, the email's
// summary and the Airtable tables, comes out whole and as it was.
import { describe, expect, it } from 'vitest';
import { isTextKey } from '../../../src/i18n/index.ts';
import { locales } from '../../../src/schemas/common.ts';
import { fieldWords, type Field } from '../../../src/schemas/forms/field.ts';
import { labelOf, type Options } from '../../../src/schemas/forms/options.ts';
import { ruleOf } from '../../../src/schemas/forms/page-rules.ts';
import { signupForms } from '../../../src/schemas/forms/validate.ts';
import { volunteerFields } from '../../../src/schemas/forms/volunteer.ts';
import {
  observersTable,
  suspectedSpamTable,
  volunteersTable,
} from '../../../src/server/adapters/airtable-schema.ts';
import { summaryFields } from '../../../src/server/emails/welcome.ts';

const kinds = ['volunteer', 'observer'] as const;
const fieldsOf = (kind: (typeof kinds)[number]): Field[] => Object.values(signupForms[kind].fields);
const filled = (f: Field) => f.control !== undefined && f.control.kind !== 'hidden';

describe('the words of the sign-up fields', () => {
  it.each(kinds)('gives every field a person fills a label and an error (%s)', (kind) => {
    const missing = fieldsOf(kind)
      .filter(filled)
      .flatMap((f) => [`${f.words}.label`, `${f.words}.error`])
      .filter((key) => !isTextKey(key));

    expect(missing).toEqual([]);
  });

  it.each(kinds)('gives every choice of every list a label in both languages (%s)', (kind) => {
    const lists = fieldsOf(kind).flatMap((f): Options[] => [
      ...(f.options === undefined ? [] : [f.options]),
      ...(f.control?.kind === 'languages' ? [f.control.levels] : []),
    ]);

    const unlabelled = lists.flatMap((list) =>
      list.values.flatMap((value) =>
        locales
          .filter((locale) => labelOf(list, value, locale) === value)
          .map((locale) => `${locale}:${list.list}.${value}`),
      ),
    );

    expect(unlabelled).toEqual([]);
  });

  it('asks a reload of a field nobody fills, in the form’s language', () => {
    const locale = signupForms.volunteer.fields['locale'];

    expect(locale && fieldWords(locale, 'en').error).toMatch(/reload/);
    expect(locale && fieldWords(locale, 'fr').error).toMatch(/rechargez/);
  });

  it('finds a field’s required and maxlength in its rule', () => {
    expect(ruleOf(volunteerFields.phone.rule, 'phone')).toMatchObject({ optional: true, max: 25 });
    expect(ruleOf(volunteerFields.motivation.rule, 'motivation')).toMatchObject({
      min: 10,
      max: 1000,
    });
    expect(ruleOf(volunteerFields.name.rule, 'name').optional).toBeUndefined();
  });
});

describe('the welcome email’s summary', () => {
  it.each(kinds)('shows only fields whose values are our own options (%s)', (kind) => {
    const fields = signupForms[kind].fields;

    const free = summaryFields[kind].filter((name) => fields[name]?.options === undefined);

    expect(free).toEqual([]);
  });
});

describe('the Airtable tables derived from the fields', () => {
  const names = (table: { fields: readonly { name: string }[] }) => table.fields.map((f) => f.name);
  const common = [
    'Name',
    'Application ID',
    'Email',
    'Phone',
    'Locale',
    'Submitted at',
    'Status',
    'Consent version',
    'Consent at',
    'Raw',
  ];

  it('keeps the columns coordinators know, in their order', () => {
    expect(names(volunteersTable)).toEqual([
      ...common,
      'Profession',
      'Languages',
      'Site',
      'Availability',
      'Frequency',
      'Heard about us',
      'Motivation',
      'Last contact',
    ]);
    expect(names(observersTable)).toEqual([
      ...common,
      'Profile',
      'Organisation',
      'Planned production',
      'Formats',
      'Preferred dates',
      'Charter version',
      'Last contact',
    ]);
    expect(names(suspectedSpamTable)).toEqual([...common, 'Kind']);
  });

  it('types a column by its field’s choices and suggests the sites in English', () => {
    const column = (name: string) => volunteersTable.fields.find((f) => f.name === name);

    expect(column('Availability')).toMatchObject({ type: 'multipleSelects', value: 'multiSelect' });
    expect(column('Profession')).toMatchObject({ type: 'singleSelect', value: 'select' });
    expect(column('Site')?.choices).toEqual(['Calais', 'Grande-Synthe', 'Either']);
  });
});
