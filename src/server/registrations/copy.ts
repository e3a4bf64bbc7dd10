// Copies of the registrations for trainers (Airtable's "Registrations" table).
// The ledger records which state of each registration was last copied, so a
// copy owed is never lost (the next drain finds it) and the roster, which
// looks registrations up by id, never holds one twice. A copy made from a read
// older than an erasure is taken back at once (see erasures.ts).
import { erasedIds } from '../erasures.ts';
import { errorCode } from '../log.ts';
import type { RegistrationCopy, UncopiedRegistration } from '../ports.ts';
import type { RegistrationDeps } from './deps.ts';
import { changesTold } from './ledger-rules.ts';

/** Copies per roster call: a few requests each, well inside one call's deadline. */
const COPY_BATCH = 50;

export async function copyRegistrations(
  deps: Pick<
    RegistrationDeps,
    'ledger' | 'sessions' | 'roster' | 'clock' | 'log' | 'erasures' | 'signingSecret'
  >,
  budgetMs = 10_000,
): Promise<{ copied: number }> {
  const roster = deps.roster;
  if (roster === undefined || roster === null) return { copied: 0 };
  const deadline = deps.clock.now() + budgetMs;
  const owed = await deps.ledger.uncopied();
  const titles = new Map<string, string>();
  let copied = 0;
  for (let start = 0; start < owed.length; start += COPY_BATCH) {
    if (deps.clock.now() >= deadline) break;
    const batch = owed.slice(start, start + COPY_BATCH);
    try {
      const copies: RegistrationCopy[] = [];
      for (const item of batch) copies.push(await toCopy(deps, titles, item));
      await roster.saveRegistrations(copies);
      // Erased since the ledger was read: this copy must not outlive the erasure.
      for (const id of await erasedIds(
        deps,
        copies.map((c) => c.id),
      )) {
        await roster.eraseRegistration(id);
        deps.log.info('registration_copy_erased', { id });
      }
      for (const { registration, state } of batch) {
        await deps.ledger.markCopied(registration.sessionSlug, registration.id, state);
      }
      copied += batch.length;
    } catch (error) {
      // Still owed in the ledger: the next drain copies them.
      deps.log.warn('registration_copy_postponed', {
        code: errorCode(error),
        pending: owed.length - copied,
      });
      break;
    }
  }
  if (owed.length > 0)
    deps.log.info('registration_copy_finished', { count: copied, pending: owed.length });
  return { copied };
}

async function toCopy(
  deps: Pick<RegistrationDeps, 'sessions'>,
  titles: Map<string, string>,
  { registration, position }: UncopiedRegistration,
): Promise<RegistrationCopy> {
  const key = `${registration.sessionSlug} ${registration.locale}`;
  let title = titles.get(key);
  if (title === undefined) {
    const session = await deps.sessions.find(registration.sessionSlug);
    // A session over is no longer in the catalogue: its slug says which it was.
    title = session?.title[registration.locale] ?? registration.sessionSlug;
    titles.set(key, title);
  }
  return {
    id: registration.id,
    sessionSlug: registration.sessionSlug,
    sessionTitle: title,
    name: registration.name,
    email: registration.email,
    status: registration.status,
    ...(position === undefined ? {} : { position }),
    registeredAt: registration.registeredAt,
    ...(registration.sessionAt === undefined ? {} : { sessionAt: registration.sessionAt }),
    locale: registration.locale,
    ...changesTold(registration),
  };
}
