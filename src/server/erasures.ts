// Erasure is final: an erasure first records a keyed hash of the erased id in
// the erasure log, then deletes; every writer that may hold an older read (the
// delivery of an application, the copy of a registration) writes, then asks the
// log, and undoes its write if the id was erased meanwhile. Whichever of the two
// comes second sees the other's step, so no interleaving brings the data back.
import { createHmac } from 'node:crypto';
import { keptUntil } from '../lib/retention.ts';
import type { ErasureLog } from './ports.ts';
import type { Clock } from './retry.ts';

export interface ErasureDeps {
  erasures: ErasureLog;
  signingSecret: string;
  clock: Clock;
}

/**
 * The log's key of an id: an HMAC, so that the log holds no id that could be
 * matched with anything else we keep, and nobody can forge an entry's meaning.
 */
export const erasureKey = (secret: string, id: string): string =>
  createHmac('sha256', secret).update(`erased:${id}`).digest('base64url').slice(0, 43);

/** Records that `id` is being erased; call it before deleting anything. */
export async function recordErasure(deps: ErasureDeps, id: string): Promise<void> {
  const until = keptUntil('erasureRecords', new Date(deps.clock.now())).toISOString();
  await deps.erasures.add(erasureKey(deps.signingSecret, id), until);
}

/** The ids among these that were erased: one look at the log for a whole batch. */
export async function erasedIds(
  deps: Pick<ErasureDeps, 'erasures' | 'signingSecret'>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const byKey = new Map(ids.map((id) => [erasureKey(deps.signingSecret, id), id]));
  const keys = await deps.erasures.erased([...byKey.keys()]);
  return new Set([...keys].flatMap((key) => byKey.get(key) ?? []));
}

export const isErased = async (
  deps: Pick<ErasureDeps, 'erasures' | 'signingSecret'>,
  id: string,
): Promise<boolean> => (await erasedIds(deps, [id])).has(id);
