// The server's configuration: the environment (read and checked by src/env.ts,
// as the build reads it), turned into the adapters and settings it selects, so
// that a missing or wrong variable is named at start-up instead of failing
// mid-request.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  airtableAccess,
  ConfigError,
  readEnv,
  type AirtableAccess,
  type ConfigProblem,
  type RawEnv,
} from '../env.ts';

export type StoreConfig =
  | (AirtableAccess & {
      kind: 'airtable';
      /** Wait after a 429; Airtable's is 30 s. Only the tests and benchmark change it. */
      rateLimitPenaltyMs?: number;
    })
  | { kind: 'local'; file: string };

export type MailerConfig =
  | { kind: 'resend'; apiKey: string; baseUrl?: string; from: string }
  | { kind: 'outbox'; dir: string; from: string };

export type QueueConfig = { kind: 'blobs' } | { kind: 'files'; file: string };

export interface AppConfig {
  store: StoreConfig;
  mailer: MailerConfig;
  queue: QueueConfig;
  /** Address applicants may write to; Reply-To of every email. */
  coordinatorEmail: string;
  /** Key of the erasure links' signatures. */
  signingSecret: string;
  /** Public address of the site, without trailing slash, for links in emails. */
  siteUrl: string;
  /** Folder of everything the local adapters keep. */
  dataDir: string;
  /** Running on Netlify's servers (see isDeployedOnNetlify): no local adapter may be used. */
  deployed: boolean;
  /** The sessions catalog the build wrote (default: sessionCatalogPath under the working folder; tests set their own). */
  sessionsFile?: string;
}

export { ConfigError, type ConfigProblem } from '../env.ts';

/**
 * The one test of "this is the deployed site". Netlify documents SITE_ID as a
 * read-only variable it always gives functions at run time ("reserved in
 * Netlify's system. You can't set or override these values manually":
 * docs.netlify.com/build/functions/environment-variables), and the Netlify CLI
 * (27.x) never sets it for `netlify dev`/`serve`. So it is set exactly where
 * the local disk is neither durable nor private. Putting SITE_ID in a local
 * .env makes the machine behave as deployed: it fails closed, never open.
 */
export function isDeployedOnNetlify(env: RawEnv): boolean {
  const siteId = env['SITE_ID'];
  return siteId !== undefined && siteId.trim() !== '';
}

const localCoordinator = 'coordination@example.org';

/**
 * Reads and checks the configuration. Throws a ConfigError naming every wrong
 * variable. Outside Netlify, missing services fall back to local adapters and a
 * missing signing secret is generated once into the data folder.
 */
export function loadConfig(env: RawEnv = process.env): AppConfig {
  const e = readEnv(env);
  const problems: ConfigProblem[] = [];
  const need = (variable: string, present: unknown, message: string) => {
    if (present === undefined) problems.push({ variable, message });
  };

  // Deployed on Netlify (not the CLI): nothing may fall back to the local disk.
  const deployed = isDeployedOnNetlify(env);
  const dataDir = resolve(e.LOCAL_DATA_DIR ?? '.data');

  let airtable: AirtableAccess | undefined;
  try {
    airtable = airtableAccess(e);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (deployed && e.AIRTABLE_API_KEY === undefined && e.AIRTABLE_BASE_ID === undefined) {
    need('AIRTABLE_API_KEY', undefined, 'is required on Netlify');
    need('AIRTABLE_BASE_ID', undefined, 'is required on Netlify');
  }
  if (e.RESEND_API_KEY !== undefined || deployed) {
    need('RESEND_API_KEY', e.RESEND_API_KEY, 'is required on Netlify');
    need('MAIL_FROM', e.MAIL_FROM, 'is required when RESEND_API_KEY is set');
  }
  const realServices =
    e.AIRTABLE_API_KEY !== undefined || e.RESEND_API_KEY !== undefined || deployed;
  if (realServices) {
    need('SIGNING_SECRET', e.SIGNING_SECRET, 'is required when Airtable or Resend is configured');
    need(
      'COORDINATOR_EMAIL',
      e.COORDINATOR_EMAIL,
      'is required when Airtable or Resend is configured',
    );
  }
  if (deployed && e.QUEUE_BACKEND === 'files') {
    problems.push({ variable: 'QUEUE_BACKEND', message: 'cannot be "files" on Netlify' });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const store: StoreConfig =
    airtable !== undefined
      ? {
          kind: 'airtable',
          ...airtable,
          ...(e.AIRTABLE_RATE_LIMIT_PENALTY_MS === undefined
            ? {}
            : { rateLimitPenaltyMs: e.AIRTABLE_RATE_LIMIT_PENALTY_MS }),
        }
      : { kind: 'local', file: join(dataDir, 'store.sqlite') };
  const from = e.MAIL_FROM ?? 'Médecins du Monde Calais <calais@example.org>';
  const mailer: MailerConfig =
    e.RESEND_API_KEY !== undefined
      ? {
          kind: 'resend',
          apiKey: e.RESEND_API_KEY,
          from,
          ...(e.RESEND_BASE_URL === undefined ? {} : { baseUrl: e.RESEND_BASE_URL }),
        }
      : { kind: 'outbox', dir: join(dataDir, 'outbox'), from };
  const queue: QueueConfig =
    (e.QUEUE_BACKEND ?? (deployed ? 'blobs' : 'files')) === 'blobs'
      ? { kind: 'blobs' }
      : { kind: 'files', file: join(dataDir, 'pending.sqlite') };

  return {
    store,
    mailer,
    queue,
    coordinatorEmail: e.COORDINATOR_EMAIL ?? localCoordinator,
    signingSecret: e.SIGNING_SECRET ?? localSigningSecret(dataDir),
    siteUrl: (e.SITE_URL ?? e.URL ?? 'http://localhost:8888').replace(/\/+$/, ''),
    dataDir,
    deployed,
  };
}

/** A secret made once per machine and kept in the data folder (which git ignores). */
function localSigningSecret(dataDir: string): string {
  const file = join(dataDir, 'signing-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not made yet: made below.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // "wx" fails if another process wrote it meanwhile: then theirs is the one to use.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
