// `npm run bench:signups`: 1,000 applications sent at once to the functions run
// locally by the Netlify CLI, with a fake Airtable enforcing 5 requests/s per
// base and its 30 s penalty (time-scaled), and a fake Resend. Prints how long
// applicants waited, how long until everything was in Airtable and emailed,
// what it cost in requests (Airtable calls per application count against the
// plan's monthly quota), and what was lost or duplicated, each beside the bar
// of issue 10. It does not assert.
//
// Two ways to run the functions:
// - by default, their handlers (netlify/functions/*.ts) are called in this
//   process, as one warm instance runs them: all --count posts really at once;
// - with --cli, under `netlify functions:serve --offline` on --port. The CLI runs
//   every invocation in a new worker thread (a cold start each, about 35 MB, and
//   a 30 s limit), so the posts go --concurrency at a time: 1,000 at once would
//   need some 35 GB, and on two cores most would time out.
//
// Options: --count=1000 --cli --concurrency=1000 (25 with --cli) --port=8881
//          --time-scale=0.02 --resend-rate=0 (requests/s of the fake Resend; 0: no limit)
//          --timeout=1800 (seconds to wait for the queue to empty)

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteQueue } from '../src/server/adapters/sqlite-queue.ts';
import { internalCallHeaders } from '../src/server/internal-call.ts';
import { FakeAirtable } from '../tests/fakes/fake-airtable.ts';
import { FakeResend } from '../tests/fakes/fake-resend.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const raw = process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

const inProcess = !process.argv.includes('--cli');
const count = option('count', 1_000);
const concurrency = Math.max(1, option('concurrency', inProcess ? count : 25));
const timeScale = option('time-scale', 0.02);
const port = option('port', 8881);
const resendRate = option('resend-rate', 0);
const timeoutMs = option('timeout', 1_800) * 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;
const millis = (ms: number) => `${ms.toFixed(0)} ms`;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** A valid volunteer application as the form's script sends it (JSON). */
function application(n: number): Record<string, unknown> {
  return {
    locale: n % 3 === 0 ? 'en' : 'fr',
    name: `Bench Person ${n}`,
    email: `bench${n}@example.org`,
    consent: true,
    privacyVersion: '2026-11-22',
    profession: 'nurse',
    languages: [{ code: 'ar', level: 'fluent' }],
    site: n % 2 === 0 ? 'calais' : 'grande-synthe',
    availability: ['weekends'],
    frequency: 'monthly',
    motivation: 'I would like to help at the mobile clinic.',
    // Shown long enough ago to be human (see src/server/applications/spam.ts).
    startedAt: String(Date.now() - 60_000),
  };
}

async function waitForFunctions(
  base: string,
  child: ChildProcess,
  deadline: number,
): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error('the Netlify CLI stopped before serving functions');
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  throw new Error('the functions did not answer within the start-up time');
}

/** The functions under test, however they run. */
interface Target {
  /** POST /api/volunteers with a JSON application. */
  post(body: Record<string, unknown>): Promise<{ status: number; id?: string }>;
  /** One run of the scheduled drain. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

async function cliTarget(env: Record<string, string>): Promise<Target> {
  const base = `http://127.0.0.1:${port}`;
  const cli = spawn(
    join(root, 'node_modules/.bin/netlify'),
    ['functions:serve', '--offline', '--port', String(port)],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let errors = '';
  cli.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const close = () => {
    if (cli.pid !== undefined && cli.exitCode === null) {
      try {
        // The CLI was started in its own process group: this stops it and its children, nothing else.
        process.kill(-cli.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    return Promise.resolve();
  };
  const startedAt = Date.now();
  try {
    await waitForFunctions(base, cli, Date.now() + 120_000);
  } catch (error) {
    console.error(errors);
    await close();
    throw error;
  }
  console.log(`Functions ready on ${base} after ${seconds(Date.now() - startedAt)}.`);
  return {
    async post(body) {
      const response = await fetch(`${base}/api/volunteers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(300_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      return {
        status: response.status,
        ...(typeof answer.id === 'string' ? { id: answer.id } : {}),
      };
    },
    async drain() {
      await fetch(`${base}/.netlify/functions/drain-pending`, {
        method: 'POST',
        // The drain runs only for a request signed with the functions' SIGNING_SECRET.
        headers: internalCallHeaders('drain-pending', env['SIGNING_SECRET'] ?? ''),
        signal: AbortSignal.timeout(120_000),
      }).catch(() => undefined);
    },
    close,
  };
}

async function inProcessTarget(env: Record<string, string>): Promise<Target> {
  Object.assign(process.env, env);
  const { createServices, setServices } = await import('../src/server/services.ts');
  const { loadConfig } = await import('../src/server/config.ts');
  const { createLogger } = await import('../src/server/log.ts');
  // The functions' own services, with a silent logger so that the figures stay readable.
  setServices(
    createServices(
      loadConfig(process.env),
      createLogger(() => undefined),
    ),
  );
  const volunteers = (await import('../netlify/functions/volunteers.ts')).default;
  const drainPending = (await import('../netlify/functions/drain-pending.ts')).default;
  const background = new Set<Promise<unknown>>();
  const context = {
    waitUntil(promise: Promise<unknown>) {
      background.add(promise);
      void promise.finally(() => background.delete(promise));
    },
  };
  console.log('Functions loaded in this process.');
  return {
    async post(body) {
      const request = new Request('http://localhost:8888/api/volunteers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const response = await volunteers(request, context as never);
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      return {
        status: response.status,
        ...(typeof answer.id === 'string' ? { id: answer.id } : {}),
      };
    },
    async drain() {
      await drainPending(
        new Request('http://localhost:8888/.netlify/functions/drain-pending', {
          method: 'POST',
          headers: internalCallHeaders('drain-pending', env['SIGNING_SECRET'] ?? ''),
        }),
      );
    },
    async close() {
      await Promise.allSettled([...background]);
      setServices(undefined);
    },
  };
}

interface BurstResult {
  latencies: number[];
  accepted: string[];
  /** The address each accepted application gave: its welcome email goes there. */
  addressOf: Map<string, string>;
  failures: Map<string, number>;
}

/** Posts `count` applications, `concurrency` at a time, timing each answer. */
async function burst(
  post: Target['post'],
  count: number,
  concurrency: number,
): Promise<BurstResult> {
  const result: BurstResult = {
    latencies: [],
    accepted: [],
    addressOf: new Map(),
    failures: new Map(),
  };
  const fail = (reason: string) =>
    result.failures.set(reason, (result.failures.get(reason) ?? 0) + 1);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const n = next;
      const sent = Date.now();
      try {
        const body = application(n);
        const answer = await post(body);
        result.latencies.push(Date.now() - sent);
        if (answer.status === 201 && answer.id !== undefined) {
          result.accepted.push(answer.id);
          result.addressOf.set(answer.id, String(body['email']));
        } else fail(`HTTP ${answer.status}`);
      } catch (error) {
        fail(error instanceof Error ? error.name : 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return result;
}

/**
 * The same burst, in this process, through a handler that only reads the JSON
 * body and answers 201: what the answers cost before any of our work (the
 * Request and Response objects, one event loop for all), the floor under the p95.
 */
async function floorP95(count: number, concurrency: number): Promise<number> {
  const { latencies } = await burst(
    async (body) => {
      const request = new Request('http://localhost:8888/api/volunteers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const read = (await request.json()) as { email?: unknown };
      const response = Response.json(
        { id: `floor_${String(read.email)}`, next: '/merci/' },
        { status: 201 },
      );
      const answer = (await response.json()) as { id: string };
      return { status: response.status, id: answer.id };
    },
    count,
    concurrency,
  );
  return percentile(
    [...latencies].sort((a, b) => a - b),
    95,
  );
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-signups-'));
  const airtable = await FakeAirtable.start({ ratePerSecond: 5, timeScale });
  const resend = await FakeResend.start({ ratePerSecond: resendRate === 0 ? null : resendRate });
  let target: Target | undefined;

  try {
    console.log(
      `Fake Airtable ${airtable.url}: 5 requests/s per base, penalty ${seconds(airtable.penaltyMs)} (30 s × ${timeScale}).`,
    );
    console.log(
      `Fake Resend ${resend.url}: ${resendRate === 0 ? 'no rate limit' : `${resendRate} requests/s`}.`,
    );
    const env = {
      CI: 'true',
      AIRTABLE_API_KEY: airtable.apiKey,
      AIRTABLE_BASE_ID: airtable.baseId,
      AIRTABLE_ENDPOINT_URL: airtable.url,
      AIRTABLE_RATE_LIMIT_PENALTY_MS: String(airtable.penaltyMs),
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      MAIL_FROM: 'Médecins du Monde Calais <calais@example.org>',
      COORDINATOR_EMAIL: 'coordination@example.org',
      SIGNING_SECRET: 'bench-signing-secret-with-at-least-32-characters',
      SITE_URL: 'http://localhost:8888',
      LOCAL_DATA_DIR: dataDir,
      QUEUE_BACKEND: 'files',
    };
    target = inProcess ? await inProcessTarget(env) : await cliTarget(env);

    // 1. The burst: every application posted at once (or `concurrency` at a time).
    console.log(`Posting ${count} applications, ${concurrency} at a time…`);
    const started = Date.now();
    const { latencies, accepted, addressOf, failures } = await burst(
      (body) => (target as Target).post(body),
      count,
      concurrency,
    );
    const burstMs = Date.now() - started;
    console.log(`All answered after ${seconds(burstMs)}: ${accepted.length} accepted.`);

    // 2. Until the queue is empty: the scheduled drain, run by hand as the CLI does not fire schedules.
    // The functions' local queue (LOCAL_DATA_DIR/pending.sqlite), read through its own adapter.
    const queue = new SqliteQueue({ file: join(dataDir, 'pending.sqlite') });
    const pendingCount = async () => (await queue.list()).length;
    const ids = new Set(accepted);
    let allStoredAt: number | undefined;
    let allMailedAt: number | undefined;
    let drains = 0;
    let lastReport = 0;
    const inAirtable = () =>
      [...airtable.countBy('Application ID').keys()].filter((id) => ids.has(id)).length;
    const addresses = new Set(addressOf.values());
    const mailed = () =>
      new Set(resend.inbox.flatMap((email) => email.to).filter((to) => addresses.has(to))).size;
    // Looked at every 100 ms, so that the instants are precise; the drain is
    // started once a second at most (in production: once a minute), never twice at once.
    let draining: Promise<void> | undefined;
    let lastDrain = 0;
    while (Date.now() - started < timeoutMs) {
      if (allStoredAt === undefined && inAirtable() === ids.size) allStoredAt = Date.now();
      if (allMailedAt === undefined && mailed() >= ids.size) allMailedAt = Date.now();
      const pending = await pendingCount();
      if (pending === 0 && allStoredAt !== undefined && allMailedAt !== undefined) break;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        console.log(
          `  ${seconds(Date.now() - started)}: ${inAirtable()} in Airtable, ${mailed()} emailed, ${pending} pending, ${drains} drains`,
        );
      }
      if (pending > 0 && draining === undefined && Date.now() - lastDrain >= 1_000) {
        drains += 1;
        lastDrain = Date.now();
        draining = target.drain().finally(() => {
          draining = undefined;
        });
      }
      await sleep(100);
    }
    await draining;

    // 3. The figures.
    const sorted = [...latencies].sort((a, b) => a - b);
    const counts = airtable.countBy('Application ID');
    const lost = [...ids].filter((id) => (counts.get(id) ?? 0) === 0).length;
    const duplicated = [...ids].filter((id) => (counts.get(id) ?? 0) > 1).length;
    const emailsTo = new Map<string, number>();
    for (const email of resend.inbox)
      for (const to of email.to) emailsTo.set(to, (emailsTo.get(to) ?? 0) + 1);
    const duplicateEmails = [...emailsTo.values()].filter((n) => n > 1).length;
    const unmailed = [...addresses].filter((address) => !emailsTo.has(address)).length;
    const storedMs = allStoredAt === undefined ? undefined : allStoredAt - started;
    const mailedMs = allMailedAt === undefined ? undefined : allMailedAt - started;
    const p95 = percentile(sorted, 95);
    const tooMany = airtable.requestCount(429) + resend.requestCount(429);
    /** A figure with its bar, and whether it meets it. */
    const bar = (met: boolean, text: string) => `(bar ${text}: ${met ? 'met' : 'NOT MET'})`;
    const within = (ms: number | undefined) =>
      ms === undefined ? `not within ${seconds(timeoutMs)}` : seconds(ms);
    const storedBar = inProcess ? 25_000 : 40_000;

    console.log('');
    console.log(`Applications posted          ${count} (${concurrency} at a time)`);
    console.log(`Accepted (201)               ${accepted.length}`);
    for (const [reason, n] of failures) console.log(`Not accepted: ${reason.padEnd(15)} ${n}`);
    console.log(
      `Answer time p50 / p95 / p99  ${sorted.length === 0 ? 'n/a' : `${millis(percentile(sorted, 50))} / ${millis(p95)} / ${millis(percentile(sorted, 99))}`}${inProcess ? `  ${bar(p95 <= 100, 'p95 ≤ 100 ms')}` : ''}`,
    );
    if (inProcess)
      // Measured last, so that it warms nothing up for the burst above.
      console.log(
        `  floor: p95 of the same burst through a handler that only reads and answers: ${millis(await floorP95(count, concurrency))}`,
      );
    console.log(`Burst answered in            ${seconds(burstMs)}`);
    if (storedMs !== undefined)
      // Under the CLI the posts themselves can outlast the bar: what delivery added after the last answer.
      console.log(
        `All in Airtable, after the last answer ${seconds(Math.max(0, storedMs - burstMs))}`,
      );
    console.log(
      `All in Airtable after        ${within(storedMs)}  ${bar(storedMs !== undefined && storedMs <= storedBar, `≤ ${seconds(storedBar)}`)}`,
    );
    console.log(
      `All emailed after            ${within(mailedMs)}${inProcess ? `  ${bar(mailedMs !== undefined && mailedMs <= 30_000, '≤ 30.0 s')}` : ''}`,
    );
    console.log(
      `Airtable requests            ${airtable.requestCount()} (${airtable.requestCount(429)} answered 429), ${(airtable.requestCount() / Math.max(1, accepted.length)).toFixed(2)} per application`,
    );
    const writes = airtable.log.filter((entry) => entry.method !== 'GET').map((entry) => entry.at);
    const [firstWrite, lastWrite] = [writes[0], writes.at(-1)];
    if (firstWrite !== undefined && lastWrite !== undefined && writes.length > 1)
      // Pacing allows 4.5/s (AIRTABLE_RATE_PER_SECOND): what is below it is time lost between drain runs.
      console.log(
        `  Airtable writes from ${seconds(firstWrite - started)} to ${seconds(lastWrite - started)}: ${((writes.length - 1) / ((lastWrite - firstWrite) / 1_000)).toFixed(2)} requests/s (limit 5)`,
      );
    console.log(
      `Resend requests              ${resend.requestCount()} (${resend.requestCount(429)} answered 429), ${(resend.requestCount() / Math.max(1, accepted.length)).toFixed(2)} per application`,
    );
    console.log(`429s answered by the fakes   ${tooMany}  ${bar(tooMany === 0, '0')}`);
    console.log(`Emails sent                  ${resend.inbox.length}`);
    console.log(`Drain runs                   ${drains}`);
    console.log(`Still pending                ${await pendingCount()}`);
    queue.close();
    console.log(
      `Lost                         ${lost}${unmailed > 0 ? ` (and ${unmailed} without email)` : ''}  ${bar(lost === 0 && unmailed === 0, '0')}`,
    );
    console.log(
      `Duplicated                   ${duplicated} in Airtable, ${duplicateEmails} emails  ${bar(duplicated === 0 && duplicateEmails === 0, '0')}`,
    );
  } finally {
    await target?.close();
    await airtable.close();
    await resend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
