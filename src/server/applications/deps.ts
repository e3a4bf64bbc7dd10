// What the use cases need from the outside, gathered in one object so that
// services.ts wires the real adapters and the tests wire fakes.
import type { Logger } from '../log.ts';
import type {
  ApplicationRecord,
  ApplicationStore,
  ErasureLog,
  Mailer,
  PendingQueue,
} from '../ports.ts';
import type { Clock } from '../retry.ts';
import type { SessionLink } from '../emails/welcome.ts';

export interface AppDeps {
  store: ApplicationStore;
  mailer: Mailer;
  queue: PendingQueue;
  /** Erasures every writer checks after writing, so that an erasure is never undone. */
  erasures: ErasureLog;
  clock: Clock;
  log: Logger;
  /** Public address of the site, without trailing slash. */
  siteUrl: string;
  coordinatorEmail: string;
  signingSecret: string;
  /** Sessions to list in the welcome email of this record. */
  upcomingSessions: (record: ApplicationRecord) => Promise<readonly SessionLink[]>;
  /** Makes application ids; random in production, predictable in tests. */
  newId?: () => string;
}
