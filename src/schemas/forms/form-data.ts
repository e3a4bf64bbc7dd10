// Turns the name/value pairs of an HTML form into the shape the schemas check,
// so that a plain form post and the script's JSON become the same object.

/** Hidden fields that are not part of an application: spam signals only. */
export const honeypotField = 'website';
export const startedAtField = 'startedAt';
/**
 * JSON member with the random UUID the script makes once per form view, so that
 * the server answers a retry of the same form with the same application. A
 * plain form post has none: a static page cannot carry a per-visit value.
 */
export const submissionIdField = 'submissionId';

/** Prefix of the language rows: `lang-ar=fluent` means "Arabic, fluent". */
export const languageFieldPrefix = 'lang-';

/** Level value of a language row left at "I don't speak it". */
export const noLanguageLevel = 'none';

export function fromFormEntries(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  // No prototype: a field named __proto__ must stay a plain field.
  const data = Object.create(null) as Record<string, unknown>;
  const languages: { code: string; level: string }[] = [];
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    if (name.startsWith(languageFieldPrefix)) {
      if (value !== '' && value !== noLanguageLevel) {
        languages.push({ code: name.slice(languageFieldPrefix.length), level: value });
      }
      continue;
    }
    const previous = data[name];
    if (previous === undefined) data[name] = value;
    else
      data[name] = Array.isArray(previous)
        ? [...(previous as unknown[]), value]
        : [previous, value];
  }
  if (languages.length > 0) data['languages'] = languages;
  return data;
}
