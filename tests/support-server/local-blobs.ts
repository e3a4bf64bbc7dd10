// A local Netlify Blobs server in a temporary folder, for the contract suites
// of the adapters that keep their data in Blobs (queue, erasure log, seat ledger).
// It answers through a proxy that gives reads their etag, as Netlify does
// (see netlify-blobs-proxy.ts): the adapters run as they do deployed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { netlifyBlobsProxy } from './netlify-blobs-proxy.ts';

export interface LocalBlobs {
  /** The store of this name, as a function invocation would open it. */
  store(name: string): ReturnType<typeof getStore>;
  /** How many requests the stores sent so far. */
  requests(): number;
  close(): Promise<void>;
}

export interface LocalBlobsOptions {
  /** One request at a time, for suites that test compare-and-swap (see netlify-blobs-proxy.ts). */
  serialised?: boolean;
  /** False: reads come without their etag, as from the Netlify CLI's local server. */
  etags?: boolean;
}

export async function localBlobs(
  prefix: string,
  options: LocalBlobsOptions = {},
): Promise<LocalBlobs> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  const token = 'local-token';
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const proxy = await netlifyBlobsProxy(`http://127.0.0.1:${String(port)}`, {
    serialised: options.serialised ?? false,
    etags: options.etags ?? true,
  });
  return {
    store: (name) =>
      getStore({
        name,
        edgeURL: proxy.url,
        uncachedEdgeURL: proxy.url,
        siteID: 'site-under-test',
        token,
        consistency: 'strong',
      }),
    requests: () => proxy.requests(),
    close: async () => {
      await proxy.close();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
