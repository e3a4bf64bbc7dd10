// The ports of the server core: the few operations the use cases need from the
// outside world. Adapters (src/server/adapters/) implement them; exactly one
// module (src/server/services.ts) reads the environment and picks them.
// The core never imports an SDK, Netlify, Airtable or Resend directly.

import type { Locale } from '../schemas/common.ts';
import type { SessionData } from '../schemas/session.ts';
import type { LeaseGrant } from './lease-rules.ts';

/** What kind of sign-up a record is. Issue 4 adds training registrations. */
export type ApplicationKind = 'volunteer' | 'observer';

/** Where a record goes: reviewed applications, or suspected spam kept apart for review. */
export type ReviewStatus = 'new' | 'suspected-spam';

/**
 * An accepted application, as persisted before the applicant gets an answer.
 * `id` is the idempotency key of every later step (Airtable field, Resend key).
 */
export interface ApplicationRecord {
  /**
   * Stable id made by the server, unguessable: random ("app_<uuid>"), or an HMAC
   * of the page's submission id so that a retried post maps to the same record.
   */
  id: string;
  kind: ApplicationKind;
  /** Language of the form the applicant used; the email is in this language. */
  locale: Locale;
  /** ISO 8601 instant the server accepted it. */
  submittedAt: string;
  status: ReviewStatus;
  /** Applicant's email (also used for the onboarding email). */
  email: string;
  /** Applicant's name as typed. */
  name: string;
  /** The validated form fields (shape per kind, from src/schemas/forms/). */
  fields: Record<string, unknown>;
  /** Versions of the texts accepted, and when. */
  consent: { privacyVersion: string; charterVersion?: string; acceptedAt: string };
}

/** The coordinators' records (Airtable in production, an embedded local store otherwise). */
export interface ApplicationStore {
  /**
   * Writes the records by id: one not there yet is created, one already stored
   * is never made twice (Airtable updates it with the same values: an upsert;
   * the local store leaves it as it is). Safe to repeat after a lost answer.
   */
  saveAll(records: readonly ApplicationRecord[]): Promise<void>;
  /** The stored record with this id, or null. */
  find(id: string): Promise<ApplicationRecord | null>;
  /** Deletes the record with this id; true if there was one. */
  erase(id: string): Promise<boolean>;
}

/** An email ready to send: built from a stored record, never from raw input. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Reply-To address (the coordinator), if any. */
  replyTo?: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
  /** Labels for the provider's dashboard, e.g. { kind: 'volunteer' }. No personal data. */
  tags?: Record<string, string>;
}

/** One email of a batch, with the key it is sent under if it ever goes alone. */
export interface BatchEmail {
  message: EmailMessage;
  idempotencyKey: string;
}

/** What a batch did with one of its emails: sent (the provider's id), or refused (a short code, no personal data). */
export type BatchOutcome = { id: string } | { refused: string };

/** Emails per batch request at most (Resend's limit). */
export const maxMailBatch = 100;

/** Sends email (Resend in production, a local outbox otherwise). */
export interface Mailer {
  /** Sends once per idempotency key: a retry with the same key and message sends nothing more. */
  send(message: EmailMessage, options: { idempotencyKey: string }): Promise<{ id: string }>;
  /**
   * Sends up to maxMailBatch emails without attachments in one request, once
   * per batch key: a retry of the same batch (same emails, same key) sends
   * nothing more. Answers one outcome per email, in order; an email the
   * provider refuses does not stop the others (the caller may send it alone).
   */
  sendBatch(
    emails: readonly BatchEmail[],
    options: { idempotencyKey: string },
  ): Promise<BatchOutcome[]>;
}

/** One unit of work still to do for an accepted sign-up. */
export interface PendingDelivery {
  record: ApplicationRecord;
  /** Steps already done, so a retry skips them. */
  stored: boolean;
  mailed: boolean;
  attempts: number;
  /** ISO instant before which no retry should be tried (after a 429 or an outage). */
  notBefore?: string;
  /** Last error, as a short code (never personal data), e.g. "airtable_429". */
  lastError?: string;
  /**
   * Key of the batch its welcome email was handed to. Until that batch is
   * answered, the email goes again only in that very batch (same emails, same
   * key), so that the provider drops a repeat of a batch whose answer was lost.
   */
  mailBatch?: string;
}

/** Durable list of accepted sign-ups not yet fully delivered (Netlify Blobs, or local files). */
export interface PendingQueue {
  put(item: PendingDelivery): Promise<void>;
  /**
   * Puts an item only if none with its id is queued, in one atomic step even
   * between two simultaneous calls; true if this call put it.
   */
  putIfAbsent(item: PendingDelivery): Promise<boolean>;
  get(id: string): Promise<PendingDelivery | null>;
  /** Ids of every pending item, oldest first. */
  list(): Promise<string[]>;
  remove(id: string): Promise<void>;
}

/**
 * The right to write to the providers (Airtable, Resend), held by one drainer
 * at a time across every function instance: one record changed by
 * compare-and-swap, with an expiry, so that a holder that crashed blocks the
 * others only until its time is over. Instants are clock milliseconds.
 */
export interface WriterLease {
  /**
   * Takes the lease for `holder` until `now + ttlMs` if nobody holds it (or its
   * holder's time is over); null if another holds it. On success, who held
   * it before and when they gave it up, if they did.
   */
  acquire(holder: string, now: number, ttlMs: number): Promise<LeaseGrant | null>;
  /** Extends the holder's lease to `now + ttlMs`; false if it was lost (expired and taken). */
  renew(holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, recording when; nothing if another holds it now. */
  release(holder: string, now: number): Promise<void>;
}

/**
 * Erasures remembered until `until`, by a keyed hash of the erased id (never
 * the id, never personal data), so that a write started before an erasure can
 * find out and undo itself: erasure is final. Netlify Blobs when deployed,
 * files on this machine otherwise. Keys are [A-Za-z0-9_-] only.
 */
export interface ErasureLog {
  /** Remembers that the item of this key was erased, until the ISO instant `until`. */
  add(key: string, until: string): Promise<void>;
  /** Which of these keys were erased (and are still remembered). */
  erased(keys: readonly string[]): Promise<Set<string>>;
  /** Keys remembered past their `until`, as seen at the ISO instant `now`. */
  expired(now: string): Promise<string[]>;
  /** Forgets these keys. */
  remove(keys: readonly string[]): Promise<void>;
}

/**
 * Where a training registration stands. `pending`: its address is not
 * confirmed yet, so it holds no seat and no place on the waiting list (anyone
 * can type any address: seats go only to people who own theirs).
 */
export type RegistrationStatus = 'pending' | 'confirmed' | 'waiting' | 'cancelled';

/** Notices about the session itself, owed by a scheduled run rather than by a registration change. */
export type SessionNotice = 'reminder';

/**
 * The notice of one change of the session (see `SessionChange`), numbered by
 * the invitation SEQUENCE it gives, so that each change is told once and two
 * changes in a row are two emails.
 */
export type ChangeNotice = `session-changed-${number}`;

/**
 * The emails a registration may owe its author, each sent once (its idempotency
 * key ends with it). `session-cancelled` is only found in ledgers written before
 * changes were followed (a cancellation is now a `ChangeNotice`).
 */
export type RegistrationEmail =
  | 'verify'
  | 'confirmed'
  | 'waiting'
  | 'promoted'
  | 'session-cancelled'
  | SessionNotice
  | ChangeNotice;

/**
 * What a registrant is told of a session and is told again when it changes:
 * when, how long, where, the video link, and whether it takes place.
 */
export type SessionFacts = Pick<
  SessionData,
  'start' | 'durationMinutes' | 'place' | 'videoLink' | 'status'
>;

/** One change of a session as a registrant is told of it: what it was, what it is. */
export interface SessionChange {
  /** The invitation SEQUENCE it gives (the one before, plus one); its notice is `session-changed-<sequence>`. */
  sequence: number;
  /** ISO instant the scheduled run saw it. */
  at: string;
  from: SessionFacts;
  to: SessionFacts;
  /** Whether they held a seat then: a seat holder's email carries the updated invitation. */
  seat: boolean;
}

/** One person's registration for one training session. */
export interface Registration {
  /** Random, unguessable: "reg_…". */
  id: string;
  sessionSlug: string;
  /** As typed (emails are sent to it). */
  email: string;
  name: string;
  locale: Locale;
  status: RegistrationStatus;
  /** ISO instant the ledger accepted it. */
  registeredAt: string;
  /** ISO instant its author confirmed the address by following the emailed link. */
  verifiedAt?: string;
  /**
   * ISO instant the session starts, from which its retention period counts
   * (src/lib/retention.ts). Absent from registrations made before it was kept:
   * those count from `registeredAt`, which is always earlier.
   */
  sessionAt?: string;
  /** ISO instant a waiting registration got a seat. */
  promotedAt?: string;
  /** ISO instant its author cancelled it. */
  cancelledAt?: string;
  consent: { privacyVersion: string; acceptedAt: string };
  /**
   * Emails owed and not yet sent: written in the same atomic step as the change
   * that owes them (a transactional outbox), removed once sent.
   */
  unsent: RegistrationEmail[];
  /**
   * Session notices ever owed to this registration, and when: a notice is owed
   * once only, even after it has been sent and left `unsent`.
   */
  notices?: { kind: SessionNotice | 'session-cancelled'; at: string }[];
  /** The state last copied to the trainers' table (see copyState); a copy is owed while it differs. */
  copied?: string;
  /**
   * The session's facts as this registrant was last told them, and the
   * invitation SEQUENCE that goes with them: set when the address is confirmed,
   * moved on by each change (`changes`). Absent from registrations made before
   * it was kept, until the first scheduled run records the facts of the day.
   */
  told?: { facts: SessionFacts; sequence: number };
  /** The changes of the session this registrant was owed a notice of, in order. */
  changes?: SessionChange[];
}

/** A new registration, before the ledger decides its status. */
export type NewRegistration = Omit<
  Registration,
  | 'status'
  | 'unsent'
  | 'verifiedAt'
  | 'promotedAt'
  | 'cancelledAt'
  | 'notices'
  | 'copied'
  | 'told'
  | 'changes'
>;

/** A registration is pending until its address is confirmed; `duplicate`: this address already is registered. */
export type RegisterOutcome = 'pending' | 'duplicate';

/** What confirming the address gave: a seat, or a place on the waiting list. */
export type VerifyOutcome = 'confirmed' | 'waiting';

/** A session as the catalogue has it now, which the registrations follow. */
export interface CurrentSession {
  facts: SessionFacts;
  capacity: number;
  /** Whether free seats may go to people waiting (not once the session is cancelled or has started). */
  promote: boolean;
}

/** What following a session's current facts did. */
export interface FollowResult {
  /** Registrations newly owed the notice of a change. */
  changed: number;
  /** People waiting who got a seat that came free (capacity raised). */
  promoted: number;
  /** Seats given, after the step; more than `capacity` once a trainer lowered it below them. */
  confirmed: number;
  capacity: number;
}

export interface SeatCount {
  capacity: number;
  confirmed: number;
  /** Seats still free (never negative). */
  left: number;
  waiting: number;
}

/**
 * The source of truth for seats: every change is one atomic step, so that
 * simultaneous registrations never overbook a session (Airtable, which has no
 * transactions, only gets copies). Local SQLite, or Netlify Blobs with
 * compare-and-swap writes.
 */
export interface RegistrationLedger {
  /**
   * Registers, in one step: a duplicate (same email, case-insensitive, same
   * session, not cancelled) returns the existing registration; otherwise a
   * pending registration that owes the email asking to confirm the address.
   */
  register(
    input: NewRegistration,
  ): Promise<{ registration: Registration; outcome: RegisterOutcome; position?: number }>;
  /**
   * Confirms the address of a pending registration, in one step: a seat if
   * one is left, else the waiting list (`position` counts from 1), and the
   * email that says so is owed; `facts` (the session's, which that email
   * tells) are recorded as told. Confirming again answers the current state;
   * null if there is no such registration or it was cancelled.
   */
  verify(
    sessionSlug: string,
    id: string,
    at: string,
    capacity: number,
    facts?: SessionFacts,
  ): Promise<{ registration: Registration; outcome: VerifyOutcome; position?: number } | null>;
  /** Removes the registrations whose address was never confirmed and that were made before `before`. */
  dropUnverified(before: string): Promise<number>;
  /**
   * Cancels, in one step, and gives a freed seat to the first person waiting.
   * `cancelled` is null if there was no such active registration.
   */
  cancel(
    sessionSlug: string,
    id: string,
    at: string,
  ): Promise<{ cancelled: Registration | null; promoted: Registration | null }>;
  seats(sessionSlug: string, capacity: number): Promise<SeatCount>;
  find(sessionSlug: string, id: string): Promise<Registration | null>;
  /** Registrations that still owe an email, oldest first. */
  unsent(): Promise<Registration[]>;
  /** Records that this email was sent. */
  markSent(sessionSlug: string, id: string, email: RegistrationEmail): Promise<void>;
  /**
   * Owes `notice`, in one step, to every registration of the session it
   * concerns (a reminder: confirmed ones) that was never owed it. Returns how
   * many newly owe it.
   */
  owe(sessionSlug: string, notice: SessionNotice, at: string): Promise<number>;
  /**
   * Brings the session's registrations up to date with its current facts, in
   * one step: each one with a seat or on the waiting list whose told facts
   * differ is owed the notice of that change (and its told facts move on); free
   * seats go to the first people waiting, in order, if `promote`. Nobody loses
   * a seat: a capacity below the seats given is only reported.
   */
  follow(sessionSlug: string, current: CurrentSession, at: string): Promise<FollowResult>;
  /** Registrations whose status or waiting position changed since they were last copied, oldest first. */
  uncopied(): Promise<UncopiedRegistration[]>;
  /** Records that this state was copied; a registration changed since then stays owed. */
  markCopied(sessionSlug: string, id: string, state: string): Promise<void>;
  /**
   * Erases a registration at its author's request, in one step: its seat goes
   * to the first person waiting (as a cancellation), then nothing of it is kept.
   */
  erase(
    sessionSlug: string,
    id: string,
    at: string,
  ): Promise<{ erased: boolean; promoted: Registration | null }>;
}

export interface UncopiedRegistration {
  registration: Registration;
  /** Place on the waiting list, from 1, if waiting. */
  position?: number;
  /** What to pass to markCopied once copied. */
  state: string;
}

/** One registration as the trainers see it (the Airtable "Registrations" table). */
export interface RegistrationCopy {
  id: string;
  sessionSlug: string;
  sessionTitle: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  position?: number;
  registeredAt: string;
  /** When the session starts (ISO), if known: the registration is deleted 12 months after it. */
  sessionAt?: string;
  locale: Locale;
  /** The number (SEQUENCE) of the last change of the session they were emailed about, if any. */
  changeTold?: number;
  /** The number of the last change they are owed a notice of, if any: told once it equals `changeTold`. */
  lastChange?: number;
}

/** Where trainers see who registered (Airtable); created or updated by registration id. */
export interface RegistrationRoster {
  /** Creates the copies not there yet and updates those whose status or position changed. */
  saveRegistrations(copies: readonly RegistrationCopy[]): Promise<void>;
  /** Deletes every copy of this registration; true if there was one. */
  eraseRegistration(id: string): Promise<boolean>;
}

/** The published sessions (the catalog the build leaves beside the functions), by slug. */
export interface SessionCatalog {
  /** The session if it is published and not over yet (cancelled ones included), else null. */
  find(slug: string): Promise<SessionData | null>;
  /** Every published session not over yet (cancelled ones included). */
  upcoming(): Promise<SessionData[]>;
}

/**
 * The instants (ISO) before which each kind of data has outlived its retention
 * period (src/lib/retention.ts), as the purge sees them at `now`.
 */
export interface RetentionCutoffs {
  now: string;
  /** Applications whose last contact (or, without one, submission) is older. */
  applications: string;
  /** Suspected spam sent before this. */
  suspectedSpam: string;
  /** Registrations whose session (or, without one, registration) is older. */
  registrations: string;
  /** Applications still waiting in the pending queue, sent before this. */
  pending: string;
  /** Emails of the local outbox sent before this. */
  localOutbox: string;
}

/** One stored item past its retention period, as the purge lists it: ids, never personal data. */
export interface ExpiredItem {
  /** Where it is kept, for the report, e.g. "Airtable Volunteers", "seat ledger". */
  place: string;
  /** Our id of it (application, registration or email id; the erasure log's key). */
  id: string;
  /** The adapter's own handle (an Airtable record id, a session slug), passed back to purge(). */
  ref: string;
}

/** A place that keeps personal data, and deletes what has outlived its retention period. */
export interface RetentionPurge {
  /** What this place keeps past its period, as seen with these cutoffs. */
  expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]>;
  /** Deletes these items (from expired()); how many went. */
  purge(items: readonly ExpiredItem[]): Promise<number>;
}
