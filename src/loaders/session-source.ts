// Where the sessions come from at build time: the Airtable "Sessions" table
// when AIRTABLE_API_KEY and AIRTABLE_BASE_ID are set, the files of
// content/sessions/ otherwise; both validated the same way.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  airtableConfigFromEnv,
  describeFetchFailure,
  fetchSessionRows,
  isUnpublished,
  rowToCandidate,
  type AirtableSessionsConfig,
} from './airtable-sessions.ts';
import { readVariable, type RawEnv } from '../env.ts';
import { readSessionFiles } from './session-files.ts';
import { validateSessions, type ValidSession } from './validate-sessions.ts';

export interface SessionSourceOptions {
  /** The project's root folder. */
  root: string;
  /** Folder of the session files, from the root. Default "content/sessions". */
  sessionsDir?: string;
  /** Folder whose file names are the delegation keys, from the root. Default "content/delegations/fr". */
  delegationsDir?: string;
  /** The build environment. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Overrides of the Airtable client's settings (tests: short penalty, fast pacing). */
  airtable?: Partial<AirtableSessionsConfig>;
}

export interface LoadedSessions {
  origin: 'airtable' | 'files';
  sessions: ValidSession[];
  /** Draft and blank Airtable rows left out. */
  skipped: number;
}

export async function loadSessions(options: SessionSourceOptions): Promise<LoadedSessions> {
  const env = options.env ?? process.env;
  const known = await delegationKeys(
    join(options.root, options.delegationsDir ?? 'content/delegations/fr'),
  );
  const airtable = airtableConfigFromEnv(env);
  if (airtable === undefined) {
    const candidates = await readSessionFiles(
      join(options.root, options.sessionsDir ?? 'content/sessions'),
      options.root,
    );
    // A second folder read beside it, only when named: the browser tests' own
    // sessions, dated from the day they run, so that no test waits on a shipped date.
    const extra = extraDir(env);
    if (extra !== undefined) {
      candidates.push(...(await readSessionFiles(resolve(options.root, extra), options.root)));
    }
    return { origin: 'files', sessions: validateSessions(candidates, known), skipped: 0 };
  }
  let rows;
  try {
    rows = await fetchSessionRows({ ...airtable, ...options.airtable });
  } catch (error) {
    throw describeFetchFailure(error);
  }
  const published = rows.filter((row) => !isUnpublished(row));
  return {
    origin: 'airtable',
    sessions: validateSessions(published.map(rowToCandidate), known),
    skipped: rows.length - published.length,
  };
}

/** The folder SESSIONS_EXTRA_DIR names, if any. */
export const extraDir = (env: RawEnv): string | undefined =>
  readVariable('SESSIONS_EXTRA_DIR', env);

/** The keys of the delegation pages, or undefined when there is no such folder to check against. */
async function delegationKeys(dir: string): Promise<string[] | undefined> {
  try {
    return (await readdir(dir))
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => name.replace(/\.mdx?$/, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
