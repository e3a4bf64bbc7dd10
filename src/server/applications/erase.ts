// Erasing an application at its author's request: from the store and from the
// pending queue, whichever holds it.
import type { AppDeps } from './deps.ts';

export async function eraseApplication(
  deps: Pick<AppDeps, 'store' | 'queue' | 'log'>,
  id: string,
): Promise<boolean> {
  // The queue first: a delivery still pending must not write the record back.
  const pending = await deps.queue.get(id);
  await deps.queue.remove(id);
  const stored = await deps.store.erase(id);
  deps.log.info('application_erased', {
    id,
    code: stored || pending !== null ? 'erased' : 'not_found',
  });
  return stored || pending !== null;
}
