// Runs once before the browser tests (after the web server has started).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from './test-sessions.ts';

const root = join(import.meta.dirname, '..', '..');

export default function globalSetup(): void {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ has no site: run `npm run build:test` before `npm run test:browser`.');
  }
  // The tests' own sessions, dated from the build (tests/support/test-sessions.ts).
  if (!existsSync(join(root, 'dist', 'formations', openSession.slug, 'index.html'))) {
    throw new Error(
      'dist/ has no test sessions: build it with `npm run build:test` (not `npm run build`) before `npm run test:browser`.',
    );
  }
}
