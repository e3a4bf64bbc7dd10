// What the registration use cases need from the outside; services.ts wires the
// real adapters, the tests wire local ones.
import type { Logger } from '../log.ts';
import type {
  ErasureLog,
  Mailer,
  RegistrationLedger,
  RegistrationRoster,
  SessionCatalog,
} from '../ports.ts';
import type { Clock } from '../retry.ts';

export interface RegistrationDeps {
  ledger: RegistrationLedger;
  /** Erasures the copies and emails check, so that an erasure is never undone. */
  erasures: ErasureLog;
  sessions: SessionCatalog;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  /** Public address of the site, without trailing slash. */
  siteUrl: string;
  /** Organizer of the invitations and Reply-To of the emails. */
  coordinatorEmail: string;
  signingSecret: string;
  /** Where trainers see the registrations (Airtable); null when the local ledger is all there is. */
  roster?: RegistrationRoster | null;
  /** Makes registration ids; random in production, predictable in tests. */
  newId?: () => string;
}
