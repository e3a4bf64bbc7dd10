// The Airtable base the coordinators and trainers work in: its tables and
// fields, as the store writes them (and the trainers' Sessions table, as the
// build reads it). One description for the adapter, `npm run airtable:check`,
// the fake Airtable of the tests and docs/airtable.md.

import { labelOf } from '../../schemas/forms/options.ts';
import type { Column, Field } from '../../schemas/forms/field.ts';
import { observerFields } from '../../schemas/forms/observer.ts';
import { volunteerFields } from '../../schemas/forms/volunteer.ts';
import type { ApplicationKind, ApplicationRecord } from '../ports.ts';

/** Airtable field types we create or accept (names as in Airtable's metadata API). */
export type AirtableFieldType =
  | 'singleLineText'
  | 'multilineText'
  | 'richText'
  | 'email'
  | 'phoneNumber'
  | 'url'
  | 'singleSelect'
  | 'multipleSelects'
  | 'dateTime'
  | 'number';

/** What the store writes into a field, which decides the types that can hold it. */
export type FieldValueKind =
  | 'text'
  | 'longText'
  | 'email'
  | 'phone'
  | 'select'
  | 'multiSelect'
  | 'dateTime'
  | 'number'
  | 'wallTime'
  | 'link';

export interface FieldSpec {
  name: string;
  /** The type to give the field when creating the base. */
  type: AirtableFieldType;
  /** What the store writes into it. */
  value: FieldValueKind;
  /** For coordinators (docs/airtable.md). */
  description: string;
  /** Suggested choices for a select (the store writes with typecast, so new ones are added). */
  choices?: readonly string[];
}

export interface TableSpec {
  name: string;
  /** For coordinators (docs/airtable.md). */
  description: string;
  fields: readonly FieldSpec[];
}

/** The types that can hold each kind of value without loss. */
export const compatibleTypes: Record<FieldValueKind, readonly AirtableFieldType[]> = {
  text: ['singleLineText', 'multilineText', 'richText'],
  longText: ['multilineText', 'richText'],
  email: ['email', 'singleLineText', 'multilineText'],
  phone: ['phoneNumber', 'singleLineText', 'multilineText'],
  select: ['singleSelect', 'singleLineText', 'multilineText'],
  multiSelect: ['multipleSelects'],
  dateTime: ['dateTime'],
  number: ['number'],
  // Read by the build: a Paris time typed as text, or a date with time.
  wallTime: ['dateTime', 'singleLineText'],
  link: ['url', 'singleLineText'],
};

/** The field that holds ApplicationRecord.id: the idempotency key of every write. */
export const APPLICATION_ID_FIELD = 'Application ID';
/** The whole record as JSON, so that find() rebuilds it whatever coordinators do to the other columns. */
export const RAW_FIELD = 'Raw';

export const STATUS_CHOICES = ['New', 'Contacted', 'Accepted', 'Declined', 'Spam'] as const;

/** The sign-up forms whose fields fill columns (their definitions: src/schemas/forms/). */
const applicationForms: readonly Record<string, Field>[] = [volunteerFields, observerFields];

/**
 * The columns that the fields of `forms` fill (those `which` keeps), once each,
 * with the options' English labels as choices where a column asks for them.
 */
function formColumns(
  forms: readonly Record<string, Field>[],
  which: (column: Column) => boolean,
): FieldSpec[] {
  const specs = new Map<string, FieldSpec>();
  for (const field of forms.flatMap((form) => Object.values(form))) {
    const { column, options } = field;
    if (column === undefined || !which(column) || specs.has(column.name)) continue;
    const { name, type, value, description } = column;
    specs.set(name, {
      name,
      type,
      value,
      description,
      ...(column.choices === true && options !== undefined
        ? { choices: options.values.map((v) => labelOf(options, v, 'en')) }
        : {}),
    });
  }
  return [...specs.values()];
}

const commonFields: readonly FieldSpec[] = [
  {
    name: 'Name',
    type: 'singleLineText',
    value: 'text',
    description: 'Name as typed by the applicant (primary field).',
  },
  {
    name: APPLICATION_ID_FIELD,
    type: 'singleLineText',
    value: 'text',
    description:
      'Id given by the site; never edit it (it prevents duplicates when a sign-up is retried).',
  },
  {
    name: 'Email',
    type: 'email',
    value: 'email',
    description: "Applicant's email address, where the welcome email goes.",
  },
  // Columns of form fields marked `shared`: every table of applications has them.
  ...formColumns(applicationForms, (column) => column.shared === true),
  {
    name: 'Locale',
    type: 'singleSelect',
    value: 'select',
    description: 'Language of the form: fr or en.',
    choices: ['fr', 'en'],
  },
  {
    name: 'Submitted at',
    type: 'dateTime',
    value: 'dateTime',
    description: 'When the site accepted the application.',
  },
  {
    name: 'Status',
    type: 'singleSelect',
    value: 'select',
    description: 'Review status; the site writes "New", coordinators change it.',
    choices: STATUS_CHOICES,
  },
  {
    name: 'Consent version',
    type: 'singleLineText',
    value: 'text',
    description: 'Version of the privacy notice accepted.',
  },
  {
    name: 'Consent at',
    type: 'dateTime',
    value: 'dateTime',
    description: 'When the privacy notice was accepted.',
  },
  {
    name: RAW_FIELD,
    type: 'multilineText',
    value: 'longText',
    description: 'The whole application as sent by the site (JSON); do not edit.',
  },
];

/**
 * When the coordination last exchanged with the applicant, set by the
 * coordinators (the site never writes it): applications are deleted 24 months
 * after it (src/lib/retention.ts), or after "Submitted at" while it is empty.
 */
export const LAST_CONTACT_FIELD = 'Last contact';

const lastContactField: FieldSpec = {
  name: LAST_CONTACT_FIELD,
  type: 'dateTime',
  value: 'dateTime',
  description:
    'When you last exchanged with the applicant: set it after each exchange. The site deletes the application 24 months after it (after Submitted at while it is empty).',
};

export const volunteersTable: TableSpec = {
  name: 'Volunteers',
  description:
    'Volunteer applications (doctors, nurses, psychologists, social workers, interpreters, anyone willing to help).',
  fields: [
    ...commonFields,
    ...formColumns([volunteerFields], (column) => column.shared !== true),
    lastContactField,
  ],
};

export const observersTable: TableSpec = {
  name: 'Observers',
  description:
    'Speak Out observer applications (researchers, journalists, teachers, artists, people from culture).',
  fields: [
    ...commonFields,
    ...formColumns([observerFields], (column) => column.shared !== true),
    {
      name: 'Charter version',
      type: 'singleLineText',
      value: 'text',
      description: "Version of the observers' charter accepted.",
    },
    lastContactField,
  ],
};

export const suspectedSpamTable: TableSpec = {
  name: 'Suspected spam',
  description:
    'Applications of any kind that the site flagged as likely spam, kept apart for a human to review.',
  fields: [
    ...commonFields,
    {
      name: 'Kind',
      type: 'singleSelect',
      value: 'select',
      description: 'Volunteer or Observer.',
      choices: ['Volunteer', 'Observer'],
    },
  ],
};

/** The field that holds Registration.id: the key the copies of registrations are found by. */
export const REGISTRATION_ID_FIELD = 'Registration ID';

/** The session's start, from which a registration's retention period counts. */
export const SESSION_DATE_FIELD = 'Session date';

export const REGISTRATION_STATUS_CHOICES = ['confirmed', 'waiting', 'cancelled'] as const;

/** Whether a registrant was emailed about the last change of the session that concerns them. */
export const CHANGE_TOLD_FIELD = 'Last change told';
export const TOLD_OF_LAST_CHANGE_FIELD = 'Told of last change';
export const TOLD_CHOICES = ['yes', 'not yet'] as const;

/** Copies of the training registrations, for trainers; the seat ledger stays the source of truth. */
export const registrationsTable: TableSpec = {
  name: 'Registrations',
  description:
    'Training-session registrations, copied from the site’s seat ledger for trainers to see who is coming, who waits, who cancelled and who was told of the last change. The site overwrites Status, Position and the change columns; edit nothing here.',
  fields: [
    {
      name: 'Name',
      type: 'singleLineText',
      value: 'text',
      description: 'Name as typed by the registrant (primary field).',
    },
    {
      name: REGISTRATION_ID_FIELD,
      type: 'singleLineText',
      value: 'text',
      description: 'Id given by the site (reg_…); never edit it (the site finds its copies by it).',
    },
    {
      name: 'Session',
      type: 'singleLineText',
      value: 'text',
      description: 'The session’s slug, e.g. 2027-01-16-induction (group by it).',
    },
    {
      name: 'Session title',
      type: 'singleLineText',
      value: 'text',
      description: 'The session’s title, in the registrant’s language.',
    },
    {
      name: 'Email',
      type: 'email',
      value: 'email',
      description: 'Registrant’s email address.',
    },
    {
      name: 'Status',
      type: 'singleSelect',
      value: 'select',
      description: 'confirmed (has a seat), waiting (on the waiting list) or cancelled.',
      choices: REGISTRATION_STATUS_CHOICES,
    },
    {
      name: 'Position',
      type: 'number',
      value: 'number',
      description: 'Place on the waiting list, from 1; empty for the others.',
    },
    {
      name: CHANGE_TOLD_FIELD,
      type: 'number',
      value: 'number',
      description:
        'Number of the last change of the session (time, place, video link, cancelled or back on) this person was emailed about; empty if none was.',
    },
    {
      name: TOLD_OF_LAST_CHANGE_FIELD,
      type: 'singleSelect',
      value: 'select',
      description:
        'yes: told of the last change that concerns them; not yet: its email is still to be sent (the site retries every minute). Empty: the session has not changed since they registered.',
      choices: TOLD_CHOICES,
    },
    {
      name: 'Registered at',
      type: 'dateTime',
      value: 'dateTime',
      description: 'When the site accepted the registration.',
    },
    {
      name: SESSION_DATE_FIELD,
      type: 'dateTime',
      value: 'dateTime',
      description:
        'When the session starts; the site deletes the registration 12 months after it (after Registered at while it is empty).',
    },
    {
      name: 'Locale',
      type: 'singleSelect',
      value: 'select',
      description: 'Language of the form and of the emails: fr or en.',
      choices: ['fr', 'en'],
    },
  ],
};

/** The tables of applications (each has Application ID and Raw). */
export const applicationTables: readonly TableSpec[] = [
  volunteersTable,
  observersTable,
  suspectedSpamTable,
];

/** Every table the site writes to: what `airtable:check` and docs/airtable.md cover. */
export const airtableTables: readonly TableSpec[] = [...applicationTables, registrationsTable];

/**
 * The trainers' Sessions table, by the session schema field each column
 * fills (src/loaders/airtable-sessions.ts maps a row to the schema). Every
 * text a visitor reads has a French and an English column.
 */
export const sessionColumns = {
  slug: 'Slug',
  titleFr: 'Title (FR)',
  titleEn: 'Title (EN)',
  descriptionFr: 'Description (FR)',
  descriptionEn: 'Description (EN)',
  start: 'Start',
  durationMinutes: 'Duration (minutes)',
  placeNameFr: 'Place name (FR)',
  placeNameEn: 'Place name (EN)',
  placeAddress: 'Place address',
  videoLink: 'Video link',
  delegation: 'Delegation',
  audience: 'Audience',
  capacity: 'Capacity',
  trainerRoleFr: 'Trainer role (FR)',
  trainerRoleEn: 'Trainer role (EN)',
  notesFr: 'Notes (FR)',
  notesEn: 'Notes (EN)',
  registrationCloses: 'Registration closes',
  status: 'Status',
} as const;

const c = sessionColumns;
const both = (what: string) =>
  `${what} Fill both languages: the French pages, feeds and emails show only the (FR) column, the English ones only the (EN) column.`;

/** The Sessions table as the build reads it: `airtable:check` and docs/airtable.md cover it too. */
export const sessionsTable: TableSpec = {
  name: 'Sessions',
  description:
    'The training sessions, written by the trainers; the site reads this table at each build (docs/trainers.md).',
  fields: [
    {
      name: c.slug,
      type: 'singleLineText',
      value: 'text',
      description: 'URL segment, e.g. 2027-01-16-induction.',
    },
    { name: c.titleFr, type: 'singleLineText', value: 'text', description: both('Title.') },
    { name: c.titleEn, type: 'singleLineText', value: 'text', description: both('Title.') },
    {
      name: c.descriptionFr,
      type: 'multilineText',
      value: 'text',
      description: both('What the session covers.'),
    },
    {
      name: c.descriptionEn,
      type: 'multilineText',
      value: 'text',
      description: both('What the session covers.'),
    },
    {
      name: c.start,
      type: 'dateTime',
      value: 'wallTime',
      description: 'Start, Paris time (a date with time, or text 2027-01-16T09:30).',
    },
    {
      name: c.durationMinutes,
      type: 'number',
      value: 'number',
      description: 'Length in minutes (15 to 600).',
    },
    {
      name: c.placeNameFr,
      type: 'singleLineText',
      value: 'text',
      description: both('Name of the place, if in person.'),
    },
    {
      name: c.placeNameEn,
      type: 'singleLineText',
      value: 'text',
      description: both('Name of the place, if in person.'),
    },
    {
      name: c.placeAddress,
      type: 'singleLineText',
      value: 'text',
      description: 'Address, one line, if in person.',
    },
    { name: c.videoLink, type: 'url', value: 'link', description: 'https link, if online.' },
    {
      name: c.delegation,
      type: 'singleSelect',
      value: 'select',
      description: 'Calais or Grande-Synthe.',
      choices: ['Calais', 'Grande-Synthe'],
    },
    {
      name: c.audience,
      type: 'singleSelect',
      value: 'select',
      description: 'Who may attend.',
      choices: ['Volunteers', 'Observers', 'All'],
    },
    {
      name: c.capacity,
      type: 'number',
      value: 'number',
      description: 'Number of seats (1 to 500).',
    },
    {
      name: c.trainerRoleFr,
      type: 'singleLineText',
      value: 'text',
      description: both('Who leads it, as participants see it.'),
    },
    {
      name: c.trainerRoleEn,
      type: 'singleLineText',
      value: 'text',
      description: both('Who leads it, as participants see it.'),
    },
    {
      name: c.notesFr,
      type: 'multilineText',
      value: 'text',
      description: both('Optional: what to bring, access.'),
    },
    {
      name: c.notesEn,
      type: 'multilineText',
      value: 'text',
      description: both('Optional: what to bring, access.'),
    },
    {
      name: c.registrationCloses,
      type: 'dateTime',
      value: 'wallTime',
      description: 'Optional: last moment to register, Paris time; empty: when the session starts.',
    },
    {
      name: c.status,
      type: 'singleSelect',
      value: 'select',
      description: 'Scheduled, Cancelled or Draft (not published).',
      choices: ['Scheduled', 'Cancelled', 'Draft'],
    },
  ],
};

/** What `airtable:check` and docs/airtable.md cover: the tables written, and the one the build reads. */
export const checkedTables: readonly TableSpec[] = [...airtableTables, sessionsTable];

/** The table a record belongs in: suspected spam is kept apart, whatever its kind. */
export function tableFor(record: Pick<ApplicationRecord, 'kind' | 'status'>): TableSpec {
  if (record.status === 'suspected-spam') return suspectedSpamTable;
  const byKind: Record<ApplicationKind, TableSpec> = {
    volunteer: volunteersTable,
    observer: observersTable,
  };
  return byKind[record.kind];
}
