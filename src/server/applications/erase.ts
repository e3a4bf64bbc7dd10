// Erasing an application at its author's request: recorded in the erasure log
// first (so that a delivery under way undoes its own write, see erasures.ts),
// then from the pending queue and the store, whichever holds it.
import { recordErasure } from '../erasures.ts';
import type { AppDeps } from './deps.ts';

export async function eraseApplication(
  deps: Pick<AppDeps, 'store' | 'queue' | 'log' | 'erasures' | 'signingSecret' | 'clock'>,
  id: string,
): Promise<boolean> {
  await recordErasure(deps, id);
  // The queue before the store: a delivery still pending must not write the record back.
  const pending = await deps.queue.get(id);
  await deps.queue.remove(id);
  const stored = await deps.store.erase(id);
  deps.log.info('application_erased', {
    id,
    code: stored || pending !== null ? 'erased' : 'not_found',
  });
  return stored || pending !== null;
}
