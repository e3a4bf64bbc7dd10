// `npm start` and `npm run dev` listen on the loopback interface only (scripts/loopback-only.ts).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withHost } from '../../../scripts/loopback-only.ts';

const run = promisify(execFile);

/** What a server opened the way the Netlify CLI opens its own (no host) is bound to. */
const boundAddress = async (env: Record<string, string> = {}) => {
  const program = `
    const server = require('node:http').createServer();
    server.listen({ port: 0 }, () => { console.log(server.address().address); server.close(); });`;
  const { stdout } = await run(
    process.execPath,
    ['--import', './scripts/loopback-only.ts', '-e', program],
    { env: { ...process.env, ...env } },
  );
  return stdout.trim();
};

describe('the local server', () => {
  it('listens on 127.0.0.1 when the caller names no host', async () => {
    expect(await boundAddress()).toBe('127.0.0.1');
  });

  it('listens where LISTEN_HOST says when someone opens it on purpose', async () => {
    expect(await boundAddress({ LISTEN_HOST: '::' })).toBe('::');
  });

  it('is started that way by npm start and npm run dev', async () => {
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };

    for (const name of ['start', 'dev']) {
      expect(scripts[name]).toMatch(
        /^node --import \.\/scripts\/loopback-only\.ts node_modules\/netlify-cli\/bin\/run\.js /,
      );
    }
  });
});

describe('withHost', () => {
  const noop = () => undefined;

  it('adds the host to every form of listen() that names none', () => {
    expect(withHost([8888], '127.0.0.1')).toEqual([8888, '127.0.0.1']);
    expect(withHost([8888, noop], '127.0.0.1')).toEqual([8888, '127.0.0.1', noop]);
    expect(withHost([{ port: 8888 }, noop], '127.0.0.1')).toEqual([
      { port: 8888, host: '127.0.0.1' },
      noop,
    ]);
    expect(withHost([noop], '127.0.0.1')).toEqual([0, '127.0.0.1', noop]);
  });

  it('leaves a named host, a Unix socket or a handle alone', () => {
    expect(withHost([8888, 'localhost'], '127.0.0.1')).toEqual([8888, 'localhost']);
    expect(withHost([{ port: 0, host: 'localhost' }], '127.0.0.1')).toEqual([
      { port: 0, host: 'localhost' },
    ]);
    expect(withHost([{ path: '/tmp/socket' }], '127.0.0.1')).toEqual([{ path: '/tmp/socket' }]);
    expect(withHost(['/tmp/socket'], '127.0.0.1')).toEqual(['/tmp/socket']);
  });
});
