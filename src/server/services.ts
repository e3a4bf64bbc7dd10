// The one module that reads the configuration and picks the adapters: Airtable
// or the local store, Resend or the local outbox, Netlify Blobs or local files.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getStore } from '@netlify/blobs';
import { AirtableStore } from './adapters/airtable-store.ts';
import { BlobsErasureLog } from './adapters/blobs-erasure-log.ts';
import { BlobsLease } from './adapters/blobs-lease.ts';
import { BlobsLedger } from './adapters/blobs-ledger.ts';
import { BlobsQueue } from './adapters/blobs-queue.ts';
import { listedEtags } from './adapters/cli-blobs.ts';
import { FileErasureLog } from './adapters/file-erasure-log.ts';
import { LocalLease } from './adapters/local-lease.ts';
import { LocalLedger } from './adapters/local-ledger.ts';
import { LocalStore } from './adapters/local-store.ts';
import { OutboxMailer } from './adapters/outbox-mailer.ts';
import { ResendMailer } from './adapters/resend-mailer.ts';
import { SqliteQueue } from './adapters/sqlite-queue.ts';
import type { AppDeps } from './applications/deps.ts';
import {
  ConfigError,
  isDeployedOnNetlify,
  loadConfig,
  type AppConfig,
  type MailerConfig,
} from './config.ts';
import { createLogger, type Logger } from './log.ts';
import type { Mailer, RegistrationLedger, RetentionPurge, WriterLease } from './ports.ts';
import { erasureLogPurge, pendingQueuePurge } from './purge.ts';
import { systemClock } from './retry.ts';
import type { RegistrationDeps } from './registrations/deps.ts';
import { sessionCatalogFromFile, sessionCatalogPath, sessionsForWelcome } from './sessions.ts';

export interface Services {
  config: AppConfig;
  deps: AppDeps;
  /** The training registrations' dependencies (the seat ledger sits beside the pending queue). */
  registrations: RegistrationDeps;
  /** The local outbox when it is the mailer, for the /api/outbox page; null with Resend. */
  outbox: OutboxMailer | null;
  /** Every place that keeps personal data, for the retention purge (src/server/purge.ts). */
  retention: readonly RetentionPurge[];
  /** The right to write to Airtable and Resend, held by one drainer at a time (src/server/drainer.ts). */
  lease: WriterLease;
}

/** Which adapters the configuration selects, by name (for /api/health). */
export const adapterNames = (config: AppConfig) =>
  ({
    store: config.store.kind,
    mailer: config.mailer.kind,
    queue: config.queue.kind === 'blobs' ? 'blobs' : 'local',
    // The seat ledger follows the queue (see createServices).
    ledger: config.queue.kind === 'blobs' ? 'blobs' : 'sqlite',
  }) as const;

/**
 * The local adapters write personal data to the function's disk, which on Netlify
 * is neither durable nor private: once deployed they cannot be built at all,
 * whatever configuration object reaches this point.
 */
function refuseLocalAdaptersWhenDeployed(config: AppConfig): void {
  if (!config.deployed) return;
  const local = [
    config.store.kind === 'local' ? 'AIRTABLE_API_KEY' : null,
    config.mailer.kind === 'outbox' ? 'RESEND_API_KEY' : null,
    config.queue.kind === 'files' ? 'QUEUE_BACKEND' : null,
  ].filter((v): v is string => v !== null);
  if (local.length > 0) {
    throw new ConfigError(
      local.map((variable) => ({ variable, message: 'selects a local adapter on Netlify' })),
    );
  }
}

export function createServices(config: AppConfig, log: Logger = createLogger()): Services {
  refuseLocalAdaptersWhenDeployed(config);
  const store =
    config.store.kind === 'airtable'
      ? new AirtableStore({
          apiKey: config.store.apiKey,
          baseId: config.store.baseId,
          ...(config.store.endpointUrl === undefined
            ? {}
            : { endpointUrl: config.store.endpointUrl }),
          ...(config.store.rateLimitPenaltyMs === undefined
            ? {}
            : { rateLimitPenaltyMs: config.store.rateLimitPenaltyMs }),
        })
      : new LocalStore({ file: config.store.file });
  const { mailer, outbox } = pickMailer(config.mailer);
  const queue =
    config.queue.kind === 'blobs'
      ? new BlobsQueue({ store: getStore({ name: 'pending-signups', consistency: 'strong' }) })
      : new SqliteQueue({ file: config.queue.file });
  // Seats live where the pending queue does: Blobs when deployed, this machine otherwise.
  // One reader of the catalog the build wrote: registrations and welcome emails.
  const sessions = sessionCatalogFromFile(config.sessionsFile ?? resolve(sessionCatalogPath));
  const ledger =
    config.queue.kind === 'blobs'
      ? blobsLedger({ listEtags: !config.deployed })
      : new LocalLedger({ file: join(config.dataDir, 'registrations.sqlite') });
  // The erasure log lives beside the queue and the ledger it protects.
  const erasures =
    config.queue.kind === 'blobs'
      ? new BlobsErasureLog({ store: getStore({ name: 'erasures', consistency: 'strong' }) })
      : new FileErasureLog({ dir: join(config.dataDir, 'erased') });
  // The writer lease lives beside the queue whose drainer holds it.
  const lease =
    config.queue.kind === 'blobs'
      ? new BlobsLease({
          store: blobsWithEtags('writer-lease', { listEtags: !config.deployed }),
        })
      : new LocalLease({ file: join(config.dataDir, 'lease.sqlite') });
  return {
    config,
    outbox,
    lease,
    // Every copy: the queue, the store (Airtable's four tables), the seat ledger,
    // the local outbox (Resend keeps its own logs), and the erasure log itself.
    retention: [
      pendingQueuePurge(queue, log),
      store,
      ledger,
      ...(outbox === null ? [] : [outbox]),
      erasureLogPurge(erasures),
    ],
    registrations: {
      ledger,
      erasures,
      // Trainers see registrations in Airtable; locally they are in the SQLite ledger already.
      roster: store instanceof AirtableStore ? store : null,
      sessions,
      mailer,
      clock: systemClock,
      log,
      siteUrl: config.siteUrl,
      coordinatorEmail: config.coordinatorEmail,
      signingSecret: config.signingSecret,
    },
    deps: {
      store,
      mailer,
      queue,
      erasures,
      clock: systemClock,
      log,
      siteUrl: config.siteUrl,
      coordinatorEmail: config.coordinatorEmail,
      signingSecret: config.signingSecret,
      upcomingSessions: sessionsForWelcome(sessions, config.siteUrl),
    },
  };
}

/**
 * The seat ledger on Netlify Blobs. Netlify's reads answer the etag that its
 * conditional writes need, in one request; the Netlify CLI's local server's
 * do not: off Netlify, `listEtags` has each read list the etag first (cli-blobs.ts).
 */
function blobsLedger(options: { listEtags: boolean }): BlobsLedger {
  return new BlobsLedger({ store: blobsWithEtags('registrations', options) });
}

/** A Blobs store whose reads carry the etag a conditional write needs (see blobsLedger). */
function blobsWithEtags(name: string, options: { listEtags: boolean }) {
  const store = getStore({ name, consistency: 'strong' });
  return options.listEtags ? listedEtags(store) : store;
}

/**
 * The seat ledger as the build may read it, for the count of seats left that
 * the training pages print (src/lib/build-seats.ts): the one the functions use
 * (see createServices), chosen without the rest of their configuration, which
 * a build does not have. On this machine, a ledger file that does not exist
 * yet holds no registration (and the build creates none). Null on Netlify when
 * the build environment gives no access to Netlify Blobs: the pages then show
 * the capacity.
 */
export function ledgerForBuild(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Pick<RegistrationLedger, 'seats'> | null {
  const blobs =
    (env['QUEUE_BACKEND'] ?? (isDeployedOnNetlify(env) ? 'blobs' : 'files')) === 'blobs';
  if (blobs) {
    try {
      // Counting seats only reads, and a read needs no etag: one request a session.
      return blobsLedger({ listEtags: false });
    } catch {
      return null;
    }
  }
  const file = join(resolve(env['LOCAL_DATA_DIR'] ?? '.data'), 'registrations.sqlite');
  if (existsSync(file)) return new LocalLedger({ file });
  return {
    seats: (_slug, capacity) =>
      Promise.resolve({ capacity, confirmed: 0, left: capacity, waiting: 0 }),
  };
}

function pickMailer(config: MailerConfig): { mailer: Mailer; outbox: OutboxMailer | null } {
  if (config.kind === 'outbox') {
    const outbox = new OutboxMailer(config);
    return { mailer: outbox, outbox };
  }
  const { apiKey, from, baseUrl } = config;
  return {
    mailer: new ResendMailer({ apiKey, from, ...(baseUrl === undefined ? {} : { baseUrl }) }),
    outbox: null,
  };
}

let current: Services | undefined;

/** The services of this process, made on first use. Throws a ConfigError naming any wrong variable. */
export function getServices(): Services {
  current ??= createServices(loadConfig());
  return current;
}

/**
 * The services of this process if they were made, without making them: for the
 * failure path, which must not retry a set-up that may be what failed.
 */
export const builtServices = (): Services | undefined => current;

/** Replaces the services of this process (tests), or forgets them so that the next call reads the environment again. */
export function setServices(services: Services | undefined): void {
  current = services;
}
