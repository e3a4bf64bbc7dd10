// `npm run function -- NAME [SITE_URL]`: starts a background or scheduled
// function now, with the signed header that proves the request is ours
// (src/server/internal-call.ts). NAME is one of deliver-background,
// drain-pending, session-notices, rebuild-site; SITE_URL defaults to the local
// server, http://localhost:8888. The key is SIGNING_SECRET, or locally the one
// kept in LOCAL_DATA_DIR/signing-secret; against the deployed site, set
// SIGNING_SECRET to the site's value for this one command.
import { loadConfig } from '../src/server/config.ts';
import { internalCallHeaders } from '../src/server/internal-call.ts';

const names = ['deliver-background', 'drain-pending', 'session-notices', 'rebuild-site'];
const [name, base = 'http://localhost:8888'] = process.argv.slice(2);

if (name === undefined || !names.includes(name)) {
  console.error(`Usage: npm run function -- ${names.join('|')} [SITE_URL]`);
  process.exit(2);
}

const { signingSecret } = loadConfig(process.env);
const url = `${base.replace(/\/+$/, '')}/.netlify/functions/${name}`;
const response = await fetch(url, {
  method: 'POST',
  headers: { ...internalCallHeaders(name, signingSecret), 'content-type': 'application/json' },
  body: '{}',
  signal: AbortSignal.timeout(60_000),
});
// 202: a background run started; 204: a scheduled run done; 403: the key is not the site's.
console.log(`${name}: ${response.status} ${response.statusText}`);
process.exit(response.ok ? 0 : 1);
