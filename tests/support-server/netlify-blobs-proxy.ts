// A proxy in front of the local Netlify Blobs server that makes it answer as
// Netlify's service does where the adapters depend on it, and counts the
// requests that reach it (what a function would send over the network).
//
// - Etags: the local server answers a read without the blob's etag (Netlify
//   answers it), so the proxy lists the key's etag first and adds it to the
//   answer. With `serialised`, the listing and the read come between no other
//   request: the etag is the read's own, as Netlify's is.
// - `serialised`: one request at a time. The local server checks `If-Match` and
//   then writes with awaits in between, so two simultaneous conditional writes
//   can both pass, and a read during a write can see the file half written;
//   Netlify's service checks and writes atomically. Serialising requests gives
//   the tests the service's guarantee, so that they test the ledger's
//   compare-and-swap: a ledger's read and its conditional write are still two
//   requests, between which others come.
// - `etags: false` leaves reads as the local server answers them, as the
//   Netlify CLI's server does under `netlify dev` (see src/server/adapters/cli-blobs.ts).
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetlifyBlobsProxyOptions {
  serialised: boolean;
  etags: boolean;
}

export interface NetlifyBlobsProxy {
  url: string;
  /** How many requests reached the proxy so far (the proxy's own listings are not counted). */
  requests(): number;
  close(): Promise<void>;
}

/** The store's path (`/[region:x/]SITE/STORE`) and the key a request names; key empty for a listing. */
function partsOf(path: string): { store: string; key: string } | null {
  const segments = new URL(path, 'http://proxy').pathname.split('/').slice(1);
  const head = segments[0]?.startsWith('region:') ? 3 : 2;
  if (segments.length < head) return null;
  return {
    store: `/${segments.slice(0, head).join('/')}`,
    key: segments.slice(head).map(decodeURIComponent).join('/'),
  };
}

export async function netlifyBlobsProxy(
  target: string,
  options: NetlifyBlobsProxyOptions,
): Promise<NetlifyBlobsProxy> {
  const upstream = new URL(target);
  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;

  /** The etag the local server lists for this key, if it holds it. */
  async function listedEtag(req: IncomingMessage): Promise<string | undefined> {
    if (!options.etags || req.method !== 'GET' || req.url === undefined) return undefined;
    const parts = partsOf(req.url);
    if (parts === null || parts.key === '') return undefined;
    const listing = new URL(parts.store, upstream);
    listing.searchParams.set('prefix', parts.key);
    const answer = await fetch(listing, {
      headers: { authorization: req.headers.authorization ?? '' },
    });
    if (!answer.ok) return undefined;
    const { blobs } = (await answer.json()) as { blobs: { key: string; etag: string }[] };
    return blobs.find((blob) => blob.key === parts.key)?.etag;
  }

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const etag = await listedEtag(req).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const out = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const headers = { ...answer.headers };
          if (answer.statusCode === 200 && headers.etag === undefined && etag !== undefined)
            headers.etag = etag;
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          answer.on('end', resolve);
        },
      );
      out.on('error', () => {
        res.writeHead(502).end();
        resolve();
      });
      req.pipe(out);
    });
  };

  const server = createServer((req, res) => {
    count += 1;
    if (options.serialised) queue = queue.then(() => forward(req, res));
    else void forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
