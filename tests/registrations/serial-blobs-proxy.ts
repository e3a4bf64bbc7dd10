// A proxy in front of the local Netlify Blobs server that handles one request at
// a time. The local server checks `If-Match` and then writes with awaits in
// between, so two simultaneous conditional writes can both pass, and a read
// during a write can see the file half written; Netlify's service checks and
// writes atomically. Serialising requests here gives the tests the service's
// guarantee, so that they test the ledger's compare-and-swap: a ledger's read
// and its conditional write are still two requests, between which others come.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serialWritesProxy(
  target: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let queue: Promise<unknown> = Promise.resolve();
  const forward = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve) => {
      const out = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
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
  const server = createServer((req, res) => {
    queue = queue.then(() => forward(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
