// Who may start the background and scheduled functions (netlify/functions/
// deliver-background, drain-pending, session-notices, rebuild-site): the
// platform, or a request that proves it comes from us. One place decides.
//
// What Netlify's documentation and code say (netlify-cli 27.10.2, November 2026):
// - A background function is started by any POST to /.netlify/functions/NAME-background
//   (docs.netlify.com/build/functions/background-functions: "an initial 202
//   success response"): the platform never starts ours, so it always needs a proof.
// - A scheduled function is invoked by the platform's scheduler with a POST whose
//   JSON body holds `next_run` (docs.netlify.com/build/functions/scheduled-functions;
//   Netlify's own example reads `const { next_run } = await req.json()`), and
//   "scheduled functions don't work with payloads or POST request data" from
//   anyone else. The CLI says of an HTTP request to one: "You can do this to test
//   your functions locally, but it won't work in production"
//   (netlify-cli dist/lib/functions/scheduled.js; netlify/cli#3689: "to mimic
//   planned production behaviour"). Deployed, a request with the scheduler's
//   shape is the platform's. Under the CLI any HTTP request gets that shape
//   (the CLI adds `next_run`, `user-agent: Netlify Clockwork`, `X-NF-Event:
//   schedule`), and there is no cron locally: there, a proof is needed.
//
// The proof: header x-internal-proof = "<unix seconds>.<HMAC-SHA256 of
// internal-call.v1.<function name>.<seconds>, base64url>" with SIGNING_SECRET,
// valid for 5 minutes either side, compared in constant time. A replay within
// those minutes only starts the same idempotent run again.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const internalProofHeader = 'x-internal-proof';
const validitySeconds = 300;

export type InternalKind = 'scheduled' | 'background';

export type InternalVerdict =
  | { ok: true; by: 'platform' | 'proof' }
  | { ok: false; reason: 'no_proof' | 'bad_proof' | 'expired_proof' };

const mac = (name: string, seconds: string, secret: string) =>
  createHmac('sha256', secret).update(`internal-call.v1.${name}.${seconds}`).digest('base64url');

/** The header value that lets a request of ours start function `name`. */
export function signInternalCall(name: string, secret: string, now: number): string {
  const seconds = String(Math.floor(now / 1000));
  return `${seconds}.${mac(name, seconds, secret)}`;
}

/** Headers of a request that starts function `name` (scripts, operators). */
export const internalCallHeaders = (name: string, secret: string, now: number = Date.now()) => ({
  [internalProofHeader]: signInternalCall(name, secret, now),
});

function checkProof(
  given: string | null,
  name: string,
  secret: string,
  now: number,
): InternalVerdict {
  if (given === null) return { ok: false, reason: 'no_proof' };
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(given.trim());
  if (match === null) return { ok: false, reason: 'bad_proof' };
  const [, seconds = '', signature = ''] = match;
  const expected = Buffer.from(mac(name, seconds, secret));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'bad_proof' };
  }
  if (Math.abs(now / 1000 - Number(seconds)) > validitySeconds) {
    return { ok: false, reason: 'expired_proof' };
  }
  return { ok: true, by: 'proof' };
}

/** Whether a body is the scheduler's: a small JSON object with a `next_run` date. */
async function isSchedulerInvocation(req: Request): Promise<boolean> {
  if (req.method !== 'POST') return false;
  try {
    const text = await req.text();
    if (text.length > 1024) return false;
    const body: unknown = JSON.parse(text);
    return (
      typeof body === 'object' &&
      body !== null &&
      'next_run' in body &&
      typeof body.next_run === 'string' &&
      !Number.isNaN(Date.parse(body.next_run))
    );
  } catch {
    return false;
  }
}

export async function checkInternalCall(
  req: Request,
  options: { name: string; kind: InternalKind; secret: string; deployed: boolean; now: number },
): Promise<InternalVerdict> {
  const proof = checkProof(
    req.headers.get(internalProofHeader),
    options.name,
    options.secret,
    options.now,
  );
  if (proof.ok || proof.reason !== 'no_proof') return proof;
  if (options.kind === 'scheduled' && options.deployed && (await isSchedulerInvocation(req))) {
    return { ok: true, by: 'platform' };
  }
  return proof;
}
