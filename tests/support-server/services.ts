// Services for handler tests: the real handlers over in-memory ports (or the
// local adapters), installed as the process's services.
import type { OutboxMailer } from '../../src/server/adapters/outbox-mailer.ts';
import { LocalLedger } from '../../src/server/adapters/local-ledger.ts';
import type { AppConfig } from '../../src/server/config.ts';
import type { RegistrationDeps } from '../../src/server/registrations/deps.ts';
import { setServices, type Services } from '../../src/server/services.ts';
import type { TestDeps } from './deps.ts';
import { MemoryLease } from './memory-ports.ts';

export function installServices(
  deps: TestDeps,
  outbox: OutboxMailer | null = null,
  registrations?: RegistrationDeps,
): Services & { lease: MemoryLease } {
  const config: AppConfig = {
    store: { kind: 'local', file: '/dev/null' },
    mailer: { kind: 'outbox', dir: '/dev/null', from: 'test@example.org' },
    queue: { kind: 'files', file: '/dev/null' },
    coordinatorEmail: deps.coordinatorEmail,
    signingSecret: deps.signingSecret,
    siteUrl: deps.siteUrl,
    dataDir: '/dev/null',
    deployed: false,
  };
  const services = {
    config,
    deps,
    outbox,
    retention: [],
    lease: new MemoryLease(),
    registrations: registrations ?? {
      ledger: new LocalLedger({ file: ':memory:' }),
      erasures: deps.erasures,
      sessions: { find: () => Promise.resolve(null), upcoming: () => Promise.resolve([]) },
      mailer: deps.mailer,
      clock: deps.clock,
      log: deps.log,
      siteUrl: deps.siteUrl,
      coordinatorEmail: deps.coordinatorEmail,
      signingSecret: deps.signingSecret,
    },
  };
  setServices(services);
  return services;
}

/** A request context that keeps what the handler leaves running after its answer. */
export function requestContext() {
  const pending: Promise<unknown>[] = [];
  return {
    waitUntil: (promise: Promise<unknown>) => {
      pending.push(promise);
    },
    /** Lets the background work finish, as the platform would. */
    settle: () => Promise.all(pending),
  };
}
