// Loaded with `node --import` in front of the Netlify CLI by `npm start` and
// `npm run dev`: every server the CLI opens without naming a host (its proxy on
// :8888, the functions server, the static server, the local Blobs server)
// listens on the loopback interface only, so nobody else on the network can
// read the local outbox or follow its erasure links. The CLI (netlify-cli 27.x)
// has no flag, variable or netlify.toml setting for this: it calls
// `server.listen({ port })`, which Node binds to every interface.
// LISTEN_HOST=0.0.0.0 opens it again on purpose (e.g. to try the site on a phone).
import { Server } from 'node:net';
import { readVariable } from '../src/env.ts';

export const listenHost = readVariable('LISTEN_HOST') ?? '127.0.0.1';

type ListenArgs = unknown[];

/** The same arguments, with the host added where the caller named none. */
export function withHost(args: ListenArgs, host: string): ListenArgs {
  const [first, second] = args;
  if (first === undefined || typeof first === 'function') {
    // listen() or listen(callback): a random port on every interface.
    return [0, host, ...args.filter((a) => a !== undefined)];
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): a string second argument is a host.
    return typeof second === 'string' ? args : [first, host, ...args.slice(1)];
  }
  if (typeof first === 'object' && first !== null && !('fd' in first) && !('_handle' in first)) {
    const options = first as { host?: unknown; path?: unknown };
    // A Unix socket (path) or a named host stays as it is.
    if (options.path !== undefined || options.host !== undefined) return args;
    return [{ ...options, host }, ...args.slice(1)];
  }
  // A pipe name or a handle: not a network interface.
  return args;
}

// Kept unbound on purpose: it is called with each server as `this` below.
const listen = Reflect.get(Server.prototype, 'listen') as (...args: ListenArgs) => Server;
Server.prototype.listen = function (this: Server, ...args: ListenArgs) {
  return Reflect.apply(listen, this, withHost(args, listenHost));
} as typeof Server.prototype.listen;
