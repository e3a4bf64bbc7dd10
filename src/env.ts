// Every environment variable the project reads, in one schema, read the same
// way by the build (sessions loader, editor config), the functions
// (src/server/config.ts) and the scripts: each value is trimmed (a token pasted
// with a trailing newline works everywhere), an empty one counts as unset, and
// an API address loses its trailing slash. Which variables must go together,
// and what is required once deployed, is config.ts's business; this module only
// says what each one is and whether its value is well-formed. The README's
// table and .env.example list the same names (tests/unit/server/env.test.ts).
import { z } from 'zod';

const unset = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

/** An API server's address, http(s), kept without its trailing slash. */
const apiUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
  .transform((url) => url.replace(/\/+$/, ''));

export const envSchema = z.object({
  AIRTABLE_API_KEY: optional(z.string().min(10, 'must be an Airtable personal access token')),
  AIRTABLE_BASE_ID: optional(
    z.string().regex(/^app[A-Za-z0-9]{14}$/, 'must look like "app" and 14 letters or digits'),
  ),
  AIRTABLE_ENDPOINT_URL: optional(apiUrl),
  AIRTABLE_RATE_LIMIT_PENALTY_MS: optional(
    z.coerce.number().int('must be a whole number of milliseconds').min(0).max(60_000),
  ),
  RESEND_API_KEY: optional(z.string().min(10, 'must be a Resend API key')),
  RESEND_BASE_URL: optional(apiUrl),
  MAIL_FROM: optional(
    z
      .string()
      .regex(
        /^([^<>]+<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/,
        'must be "Name <address>" or an address',
      ),
  ),
  COORDINATOR_EMAIL: optional(z.email('must be an email address')),
  SIGNING_SECRET: optional(z.string().min(32, 'must be at least 32 characters long')),
  SITE_URL: optional(apiUrl),
  /** Netlify's address of the site, used when SITE_URL is unset. */
  URL: optional(z.string()),
  LOCAL_DATA_DIR: optional(z.string().min(1)),
  QUEUE_BACKEND: optional(z.enum(['blobs', 'files'], 'must be "blobs" or "files"')),
  /** Set by Netlify on the deployed site only (see config.ts isDeployedOnNetlify). */
  SITE_ID: optional(z.string()),
  SESSIONS_EXTRA_DIR: optional(z.string()),
  BUILD_HOOK_URL: optional(z.string()),
  CMS_GITHUB_REPO: optional(
    z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be "owner/name", e.g. "mdm-france/calais-site"'),
  ),
  CMS_BRANCH: optional(z.string()),
  /** Netlify's address of the repository it builds from. */
  REPOSITORY_URL: optional(z.string()),
  LISTEN_HOST: optional(z.string()),
});

export type Env = z.infer<typeof envSchema>;

/** Variables Netlify itself gives builds or functions; nobody sets them (the README's table lists the others). */
export const providedByNetlify = ['URL', 'REPOSITORY_URL'] as const;
export type RawEnv = Readonly<Record<string, string | undefined>>;

/** One wrong variable: its name and what is expected. Never its value. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable} ${p.message}`).join('; '));
    this.problems = problems;
  }
}

/** The variables, checked; throws a ConfigError naming every malformed one. */
export function readEnv(raw: RawEnv = process.env): Env {
  const parsed = envSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
  );
}

/**
 * One variable, checked alone: for what runs before or beside the rest (the
 * local server's preload, a scheduled function that needs nothing else).
 */
export function readVariable<K extends keyof Env>(name: K, raw: RawEnv = process.env): Env[K] {
  const parsed = envSchema.shape[name].safeParse(raw[name]);
  if (parsed.success) return parsed.data as Env[K];
  throw new ConfigError(parsed.error.issues.map((i) => ({ variable: name, message: i.message })));
}

/** What the official client needs to reach the base, for the functions and the build alike. */
export interface AirtableAccess {
  apiKey: string;
  baseId: string;
  /** Another API server (the tests' fake), without trailing slash. */
  endpointUrl?: string;
}

/**
 * The Airtable base the variables name: undefined when neither
 * AIRTABLE_API_KEY nor AIRTABLE_BASE_ID is set, a ConfigError naming the
 * missing one when only one is.
 */
export function airtableAccess(env: Env): AirtableAccess | undefined {
  const { AIRTABLE_API_KEY: apiKey, AIRTABLE_BASE_ID: baseId } = env;
  if (apiKey === undefined && baseId === undefined) return undefined;
  if (apiKey === undefined || baseId === undefined) {
    const [missing, set] =
      apiKey === undefined
        ? ['AIRTABLE_API_KEY', 'AIRTABLE_BASE_ID']
        : ['AIRTABLE_BASE_ID', 'AIRTABLE_API_KEY'];
    throw new ConfigError([
      { variable: missing, message: `is not set, but ${set} is: set both, or neither` },
    ]);
  }
  const endpointUrl = env.AIRTABLE_ENDPOINT_URL;
  return { apiKey, baseId, ...(endpointUrl === undefined ? {} : { endpointUrl }) };
}
