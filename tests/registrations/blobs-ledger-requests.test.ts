// What the Blobs seat ledger costs in requests: on Netlify, whose reads answer
// the blob's etag, a read is one request and a change two (the read, then the
// conditional write). Under the Netlify CLI's local server, whose reads come
// without their etag, a change fails at once rather than retry in vain, and
// the store cli-blobs.ts wraps (as services.ts does off Netlify) makes it work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsLedger } from '../../src/server/adapters/blobs-ledger.ts';
import { listedEtags } from '../../src/server/adapters/cli-blobs.ts';
import { PermanentError } from '../../src/server/errors.ts';
import { localBlobs, type LocalBlobs } from '../support-server/local-blobs.ts';
import { newRegistration } from './builders.ts';

/** How many requests `step` sent through `blobs`. */
async function requestsOf(blobs: LocalBlobs, step: () => Promise<unknown>): Promise<number> {
  const before = blobs.requests();
  await step();
  return blobs.requests() - before;
}

describe('the Blobs ledger over a store whose reads answer the etag, as Netlify’s do', () => {
  let blobs: LocalBlobs;
  beforeAll(async () => {
    blobs = await localBlobs('ledger-requests-');
  });
  afterAll(async () => {
    await blobs.close();
  });

  it('reads with one request and changes with two', async () => {
    const ledger = new BlobsLedger({ store: blobs.store('registrations') });

    const first = await requestsOf(blobs, () =>
      ledger.register(newRegistration({ id: 'reg_1', email: 'p1@example.org' })),
    );
    const second = await requestsOf(blobs, () =>
      ledger.register(newRegistration({ id: 'reg_2', email: 'p2@example.org' })),
    );
    const confirm = await requestsOf(blobs, () =>
      ledger.verify('induction', 'reg_1', '2027-01-01T11:00:00.000Z', 2),
    );
    const seats = await requestsOf(blobs, () => ledger.seats('induction', 2));
    const find = await requestsOf(blobs, () => ledger.find('induction', 'reg_2'));
    const duplicate = await requestsOf(blobs, () =>
      ledger.register(newRegistration({ id: 'reg_3', email: 'P1@example.org' })),
    );

    expect({ first, second, confirm, seats, find, duplicate }).toEqual({
      first: 2,
      second: 2,
      confirm: 2,
      seats: 1,
      find: 1,
      duplicate: 1,
    });
    expect(await ledger.seats('induction', 2)).toMatchObject({ confirmed: 1, left: 1 });
  });
});

describe('the Blobs ledger over the Netlify CLI’s local server, whose reads come without their etag', () => {
  let blobs: LocalBlobs;
  beforeAll(async () => {
    blobs = await localBlobs('ledger-cli-', { etags: false });
  });
  afterAll(async () => {
    await blobs.close();
  });

  it('refuses to change an existing session at once, rather than retry a write that cannot pass', async () => {
    const ledger = new BlobsLedger({ store: blobs.store('bare') });
    await ledger.register(newRegistration({ id: 'reg_1', email: 'p1@example.org' }));

    let failure: unknown;
    const spent = await requestsOf(blobs, () =>
      ledger
        .register(newRegistration({ id: 'reg_2', email: 'p2@example.org' }))
        .catch((error: unknown) => {
          failure = error;
        }),
    );

    expect(failure).toBeInstanceOf(PermanentError);
    expect((failure as PermanentError).code).toBe('blobs_read_without_etag');
    expect(spent).toBe(1);
  });

  it('works through listedEtags, at the cost of a listing before each read', async () => {
    const ledger = new BlobsLedger({ store: listedEtags(blobs.store('wrapped')) });
    await ledger.register(newRegistration({ id: 'reg_1', email: 'p1@example.org' }));

    const change = await requestsOf(blobs, () =>
      ledger.register(newRegistration({ id: 'reg_2', email: 'p2@example.org' })),
    );
    const seats = await requestsOf(blobs, () => ledger.seats('induction', 5));

    expect({ change, seats }).toEqual({ change: 3, seats: 2 });
    expect((await ledger.find('induction', 'reg_2'))?.status).toBe('pending');
  });
});
