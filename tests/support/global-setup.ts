// Runs once before the browser tests (after the web server has started).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export default function globalSetup(): void {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ has no site: run `npm run build` before `npm run test:browser`.');
  }
}
