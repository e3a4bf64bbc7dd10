// Airtable formulas built from outside input (application ids) for filterByFormula.
// An unescaped value can close its string and inject a formula that matches every
// record, so every value goes through formulaString().

/** A value as a double-quoted formula string: backslashes first, then double quotes. */
export function formulaString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A field reference; our field names are constants, but a brace would still end it early. */
export function formulaField(name: string): string {
  if (name.includes('}')) throw new Error(`field name not usable in a formula: ${name}`);
  return `{${name}}`;
}

/** A formula true for records whose `field` equals any of `values` (none: matches nothing). */
export function fieldEqualsAny(field: string, values: readonly string[]): string {
  const comparisons = values.map((value) => `${formulaField(field)}=${formulaString(value)}`);
  if (comparisons.length === 0) return 'FALSE()';
  if (comparisons.length === 1) return comparisons[0] ?? 'FALSE()';
  return `OR(${comparisons.join(',')})`;
}
