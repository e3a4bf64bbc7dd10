// The Airtable store over the fake Airtable, as most Airtable tests need it:
// no rate limit on the fake, a limiter that never makes the store wait. With
// a `clock`, the fake, the limiter and the store all keep it (see FakeClock in
// memory-ports.ts). The caller closes the fake.
import {
  AirtableStore,
  type AirtableStoreOptions,
} from '../../src/server/adapters/airtable-store.ts';
import { createRateLimiter } from '../../src/server/retry.ts';
import { FakeAirtable, type FakeAirtableOptions } from '../fakes/fake-airtable.ts';
import type { FakeClock } from './memory-ports.ts';

export async function storeOverFakeAirtable(
  fakeOptions: FakeAirtableOptions = {},
  storeOptions: Partial<AirtableStoreOptions> = {},
  clock?: FakeClock,
): Promise<{ fake: FakeAirtable; store: AirtableStore }> {
  const timed = clock === undefined ? {} : { clock };
  const fake = await FakeAirtable.start({ ratePerSecond: null, ...timed, ...fakeOptions });
  const store = new AirtableStore({
    apiKey: fake.apiKey,
    baseId: fake.baseId,
    endpointUrl: fake.url,
    limiter: createRateLimiter({ ratePerSecond: 1_000, code: 'airtable_paced', ...timed }),
    ...timed,
    ...storeOptions,
  });
  return { fake, store };
}
