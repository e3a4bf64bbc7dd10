// Values of unknown type (a form's body, a stored record, an Airtable cell)
// read as text, with one name per rule, so that "a string or nothing" means
// the same wherever it is read.

/** The value if it is a string, else the empty string. */
export const stringOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The value if it is a string with something other than spaces in it, else undefined. */
export const nonBlankString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
