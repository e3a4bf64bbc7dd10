// Browser tests against the built site (dist/) served by the Netlify CLI with the
// functions, _headers and _redirects, offline. `npm test` builds before running them.
import { defineConfig, devices } from '@playwright/test';

// TEST_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.TEST_PORT ?? 8890);
const baseURL = `http://localhost:${port}`;
const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

// The server starts on an empty data folder of its own (LOCAL_DATA_DIR below).
// `--command ''` stops the CLI from also starting netlify.toml's `astro dev`;
// `--internal-disable-edge-functions` stops it from downloading Deno, which fails offline.
// The loopback preload keeps it off the network, as `npm start` is (scripts/loopback-only.ts).
const server = [
  'rm -rf .data/test && mkdir -p .data/test &&',
  'node --import ./scripts/loopback-only.ts node_modules/netlify-cli/bin/run.js dev --offline --internal-disable-edge-functions',
  `--dir dist --framework '#static' --command '' --no-open`,
  `--port ${port} --functions-port ${port + 1} --staticServerPort ${port + 2}`,
].join(' ');

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  // Two cores shared with the server: the crawl is one serial file, the rest share the other worker.
  workers: 2,
  fullyParallel: false,
  forbidOnly: inCI,
  retries: 0,
  reporter: 'list',
  globalSetup: './tests/support/global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    locale: 'fr-FR',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium: Playwright's own browser download is not reachable here.
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: server,
    url: `${baseURL}/`,
    reuseExistingServer: !inCI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      ...stringEnv(process.env),
      // Stops the CLI's usage reporting, its only outside call when offline.
      CI: 'true',
      // The test server's own data folder: tests never touch a developer's .data/.
      LOCAL_DATA_DIR: '.data/test',
      // Empty values beat a developer's .env: the test server always uses the local
      // store and outbox, never Airtable or Resend.
      AIRTABLE_API_KEY: '',
      AIRTABLE_BASE_ID: '',
      RESEND_API_KEY: '',
      QUEUE_BACKEND: 'files',
      SITE_URL: baseURL,
    },
  },
});

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
