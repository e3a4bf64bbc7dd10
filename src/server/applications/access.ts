// What we hold of one application, for the right of access: the stored record
// (the database), or the copy still waiting in the pending queue, or both.
import type { ApplicationRecord } from '../ports.ts';
import type { AppDeps } from './deps.ts';

export interface HeldApplication {
  record: ApplicationRecord;
  /** In the database (Airtable, or the local store). */
  stored: boolean;
  /** Still in the pending queue (Netlify Blobs, or local files). */
  pending: boolean;
}

export async function heldApplication(
  deps: Pick<AppDeps, 'store' | 'queue'>,
  id: string,
): Promise<HeldApplication | null> {
  const pending = await deps.queue.get(id);
  const stored = await deps.store.find(id);
  const record = stored ?? pending?.record ?? null;
  return record === null ? null : { record, stored: stored !== null, pending: pending !== null };
}
