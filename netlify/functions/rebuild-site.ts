// Once a day: asks Netlify to rebuild the site through its build hook
// (src/server/handlers/rebuild.ts says why and how).
import type { Config } from '@netlify/functions';
import { readVariable } from '../../src/env.ts';
import { internalFunction } from '../../src/server/handlers/internal.ts';
import { triggerRebuild } from '../../src/server/handlers/rebuild.ts';

// Started by Netlify's scheduler, or by a signed request (src/server/internal-call.ts).
export default internalFunction('rebuild-site', 'scheduled', () =>
  triggerRebuild(readVariable('BUILD_HOOK_URL')),
);

// 04:00 UTC, before the day's sessions; hourly ('@hourly') costs about 24 times the build minutes.
export const config: Config = { schedule: '0 4 * * *' };
