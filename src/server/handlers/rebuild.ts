// Asking Netlify to rebuild the site through its build hook (BUILD_HOOK_URL),
// once a day from the scheduled function netlify/functions/rebuild-site.ts:
// the safety net behind the Airtable automation (a change it missed still
// reaches the site, and sessions that are over leave the page and the feeds).
// Does nothing while BUILD_HOOK_URL is unset. See docs/trainers.md.
import { createLogger, type Logger } from '../log.ts';

export type RebuildOutcome = 'skipped' | 'triggered' | 'failed';

export interface RebuildDeps {
  fetch?: typeof fetch;
  log?: Logger;
}

/** POSTs to the build hook. Never logs the URL: anyone holding it can start builds. */
export async function triggerRebuild(
  hookUrl: string | undefined,
  deps: RebuildDeps = {},
): Promise<RebuildOutcome> {
  const log = deps.log ?? createLogger();
  if (hookUrl === undefined || hookUrl.trim() === '') {
    log.info('rebuild_skipped', { variables: ['BUILD_HOOK_URL'] });
    return 'skipped';
  }
  let url: URL;
  try {
    url = new URL(hookUrl.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:') {
    log.error('rebuild_failed', { code: 'build_hook_url_invalid', variables: ['BUILD_HOOK_URL'] });
    return 'failed';
  }
  url.searchParams.set('trigger_title', 'Scheduled rebuild (training sessions)');
  const started = Date.now();
  try {
    const response = await (deps.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      log.error('rebuild_failed', { code: 'build_hook_refused', status: response.status });
      return 'failed';
    }
    log.info('rebuild_triggered', { status: response.status, ms: Date.now() - started });
    return 'triggered';
  } catch (error) {
    const code =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'build_hook_timeout'
        : 'build_hook_network';
    log.error('rebuild_failed', { code });
    return 'failed';
  }
}
