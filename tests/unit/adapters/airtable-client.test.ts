// The one Airtable client: every client of a base in a process shares its
// pacing (the limit is the base's, not a client's), and a failure becomes one
// of our errors, naming no data.
import { describe, expect, it } from 'vitest';
import { AirtableClient, toStoreError } from '../../../src/server/adapters/airtable-client.ts';
import { PermanentError, TemporaryError } from '../../../src/server/errors.ts';

const access = { apiKey: 'patABCDEFGHIJ.secret', baseId: 'appAAAAAAAAAAAAAA' };

describe('AirtableClient', () => {
  it('shares one limiter between the clients of a base, and only of that base', () => {
    const store = new AirtableClient({ ...access, endpointUrl: 'http://127.0.0.1:1/' });
    const loader = new AirtableClient({ ...access, endpointUrl: 'http://127.0.0.1:1' });
    const other = new AirtableClient({
      ...access,
      baseId: 'appBBBBBBBBBBBBBB',
      endpointUrl: 'http://127.0.0.1:1',
    });

    expect(loader.limiter).toBe(store.limiter);
    expect(other.limiter).not.toBe(store.limiter);
  });

  it('maps Airtable failures to our errors without their message', () => {
    const secret = { statusCode: 422, error: 'INVALID_VALUE', message: 'bad "Email": x@y.org' };

    const unprocessable = toStoreError(secret, 'Volunteers', 30_000);
    expect(unprocessable).toBeInstanceOf(PermanentError);
    expect(unprocessable.code).toBe('airtable_422_invalid_value:Volunteers.Email');
    expect(unprocessable.code).not.toContain('x@y.org');
    const limited = toStoreError({ statusCode: 429 }, 'Volunteers', 30_000);
    expect(limited).toBeInstanceOf(TemporaryError);
    expect((limited as TemporaryError).retryAfterMs).toBe(30_000);
    expect(toStoreError({ statusCode: 503 }, 'Sessions', 30_000).code).toBe('airtable_503');
    expect(toStoreError(new Error('socket hang up'), 'Sessions', 30_000).code).toBe(
      'airtable_network',
    );
  });
});
