// The scheduled rebuild behind the Airtable automation (src/server/handlers/rebuild.ts).
import { describe, expect, it } from 'vitest';
import { config } from '../../../netlify/functions/rebuild-site.ts';
import { triggerRebuild } from '../../../src/server/handlers/rebuild.ts';
import { createLogger } from '../../../src/server/log.ts';

const hook = 'https://api.netlify.com/build_hooks/abc123secret';

function recorder(answer: () => Promise<Response>) {
  const calls: { url: string; method: string | undefined }[] = [];
  const lines: string[] = [];
  const fetchImpl = ((input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method,
    });
    return answer();
  }) as typeof fetch;
  const log = createLogger((line) => lines.push(line));
  return { calls, lines, deps: { fetch: fetchImpl, log } };
}

describe('triggerRebuild', () => {
  it('does nothing while BUILD_HOOK_URL is unset', async () => {
    const { calls, deps } = recorder(() => Promise.resolve(new Response(null, { status: 200 })));

    const outcome = await triggerRebuild(undefined, deps);

    expect(outcome).toBe('skipped');
    expect(calls).toHaveLength(0);
  });

  it('POSTs to the build hook with a title that says why the deploy started', async () => {
    const { calls, deps } = recorder(() => Promise.resolve(new Response(null, { status: 200 })));

    const outcome = await triggerRebuild(hook, deps);

    expect(outcome).toBe('triggered');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('POST');
    const url = new URL(calls[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(hook);
    expect(url.searchParams.get('trigger_title')).toBe('Scheduled rebuild (training sessions)');
  });

  it('reports a refused hook by its status, never logging the hook URL', async () => {
    const { lines, deps } = recorder(() => Promise.resolve(new Response('nope', { status: 404 })));

    const outcome = await triggerRebuild(hook, deps);

    expect(outcome).toBe('failed');
    expect(lines.join('\n')).toContain('"status":404');
    expect(lines.join('\n')).not.toContain('abc123secret');
  });

  it('reports a network failure and a URL that is not https', async () => {
    const { lines, deps } = recorder(() => Promise.reject(new TypeError('fetch failed')));

    const network = await triggerRebuild(hook, deps);
    const plain = await triggerRebuild('http://example.org/hook', deps);

    expect([network, plain]).toEqual(['failed', 'failed']);
    expect(lines.join('\n')).toContain('build_hook_network');
    expect(lines.join('\n')).toContain('build_hook_url_invalid');
  });

  it('is scheduled by cron, with no path (a scheduled function must not have one)', () => {
    expect(config).toEqual({ schedule: '0 4 * * *' });
  });
});
