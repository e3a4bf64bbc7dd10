// Validation of session candidates from either source (Airtable rows or files),
// with the content schema, before Astro sees them: one error lists every bad
// record by its name in the source (file path, or Airtable record id and slug)
// and every bad field by the name the trainer knows (column or YAML key).
import type { z } from 'zod';
import { sessionSchema, type SessionData } from '../schemas/session.ts';

export interface SessionCandidate {
  /** How the trainer finds the record: "content/sessions/x.yaml", 'Airtable "Sessions" record rec… (slug "…")'. */
  source: string;
  /** Data shaped as the schema's input. */
  input: Record<string, unknown>;
  /** Where the record lives on disk, for Astro (files only). */
  filePath?: string;
  /** The source's name of a schema field ("start" → "Start"); default: the dotted path. */
  fieldName?: (path: readonly PropertyKey[]) => string;
  /** How the source calls a required value not given: "empty" for a cell; default "missing". */
  missingWord?: string;
}

export interface ValidSession {
  /** The slug: the entry's id, the same in every language, and the base of the calendar UID. */
  id: string;
  /** What was read, for Astro's parseData (which applies the same schema). */
  input: Record<string, unknown>;
  data: SessionData;
  filePath?: string;
}

/** A build-stopping problem in the sessions' source, written for the trainer who has to fix it. */
export class SessionSourceError extends Error {
  override readonly name = 'SessionSourceError';
}

const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(record)';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: Record<string, unknown>,
  fieldName: (path: readonly PropertyKey[]) => string,
  missingWord: string,
) {
  return issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return `  - ${fieldName(issue.path)}: ${missing ? missingWord : issue.message}`;
  });
}

/**
 * Validates every candidate and checks that slugs are unique and delegations
 * known (when `knownDelegations` is given). Throws one SessionSourceError
 * naming each bad record and field; returns the sessions otherwise.
 */
export function validateSessions(
  candidates: readonly SessionCandidate[],
  knownDelegations?: readonly string[],
): ValidSession[] {
  const problems: string[] = [];
  const valid: ValidSession[] = [];
  const sourceOfSlug = new Map<string, string>();

  for (const candidate of candidates) {
    const fieldName = candidate.fieldName ?? dotted;
    const result = sessionSchema.safeParse(candidate.input);
    const lines = result.success
      ? []
      : describeIssues(
          result.error.issues,
          candidate.input,
          fieldName,
          candidate.missingWord ?? 'missing',
        );
    if (
      result.success &&
      knownDelegations !== undefined &&
      !knownDelegations.includes(result.data.delegation)
    ) {
      lines.push(
        `  - ${fieldName(['delegation'])}: unknown delegation "${result.data.delegation}" (known: ${knownDelegations.join(', ')})`,
      );
    }
    if (result.success) {
      const earlier = sourceOfSlug.get(result.data.slug);
      if (earlier !== undefined) {
        lines.push(
          `  - ${fieldName(['slug'])}: "${result.data.slug}" is already the slug of ${earlier}`,
        );
      }
      sourceOfSlug.set(result.data.slug, candidate.source);
    }
    if (lines.length > 0 || !result.success) {
      problems.push(`${candidate.source}:\n${lines.join('\n')}`);
      continue;
    }
    valid.push({
      id: result.data.slug,
      input: candidate.input,
      data: result.data,
      ...(candidate.filePath === undefined ? {} : { filePath: candidate.filePath }),
    });
  }

  if (problems.length > 0) {
    const count = problems.length === 1 ? 'One session is' : `${problems.length} sessions are`;
    throw new SessionSourceError(`${count} not valid:\n${problems.join('\n')}`);
  }
  return valid;
}
