// The id scheme of the forms' fields, shared by the components and their script.

/** The id of a field's input (or first input of a group), for labels and summary links. */
export const fieldId = (kind: string, field: string) => `${kind}-${field}`;
