import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagePolicy, sharedPolicy } from '../../../src/lib/csp.ts';

const headersFile = readFileSync(join(import.meta.dirname, '../../../public/_headers'), 'utf8');

/** The headers of one `_headers` rule, by its path line. */
function rule(path: string): Record<string, string> {
  const lines = headersFile.split('\n');
  const start = lines.indexOf(path);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    const [name = '', ...value] = line.trim().split(':');
    headers[name] = value.join(':').trim();
  }
  return start === -1 ? {} : headers;
}

describe('content security policy', () => {
  it('sets in the `/*` header only what every path shares', () => {
    expect(rule('/*')['Content-Security-Policy']).toBe(sharedPolicy());
    expect(sharedPolicy()).toContain("frame-ancestors 'none'");
    expect(sharedPolicy()).not.toMatch(/default-src|script-src|connect-src/);
  });

  it('lets pages run scripts from our origin only, never inline code or eval', () => {
    const policy = pagePolicy();

    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
  });

  it('adds WebAssembly, and nothing else, for the search page', () => {
    const plain = pagePolicy('self').split('; ');
    const search = pagePolicy('self-and-wasm').split('; ');

    expect(search.filter((d) => !plain.includes(d))).toEqual([
      "script-src 'self' 'wasm-unsafe-eval'",
    ]);
  });
});
