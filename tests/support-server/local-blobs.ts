// A local Netlify Blobs server in a temporary folder, for the contract suites
// of the adapters that keep their data in Blobs (queue, erasure log, seat ledger).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { serialWritesProxy } from '../registrations/serial-blobs-proxy.ts';

export interface LocalBlobs {
  /** The store of this name, as a function invocation would open it. */
  store(name: string): ReturnType<typeof getStore>;
  close(): Promise<void>;
}

/**
 * Starts the server. `serialised`: behind a proxy that handles one request at a
 * time, for suites that test compare-and-swap (see serial-blobs-proxy.ts).
 */
export async function localBlobs(prefix: string, serialised = false): Promise<LocalBlobs> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  const token = 'local-token';
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const proxy = serialised ? await serialWritesProxy(`http://127.0.0.1:${port}`) : undefined;
  const url = proxy?.url ?? `http://127.0.0.1:${port}`;
  return {
    store: (name) =>
      getStore({
        name,
        edgeURL: url,
        uncachedEdgeURL: url,
        siteID: 'site-under-test',
        token,
        consistency: 'strong',
      }),
    close: async () => {
      await proxy?.close();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
