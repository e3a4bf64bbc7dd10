// Requests that used to answer 500 or throw out of the handler: bodies nested
// deep enough to overflow the stack, and services that cannot be set up. The
// answer is a fixed 4xx/5xx problem or page; never an error's text or stack.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleApplication } from '../../../src/server/handlers/applications.ts';
import { handleErasure } from '../../../src/server/handlers/erasure.ts';
import { handleOutbox } from '../../../src/server/handlers/outbox.ts';
import { handleCancel, handleRegistration } from '../../../src/server/handlers/registrations.ts';
import { runDrain } from '../../../src/server/handlers/drain.ts';
import { jsonDepth } from '../../../src/server/http.ts';
import { setServices } from '../../../src/server/services.ts';
import { testDeps } from '../../support-server/deps.ts';
import { formBody, observerJson, volunteerForm } from '../../support-server/forms.ts';
import { installServices, requestContext } from '../../support-server/services.ts';

const site = 'https://calais.example.org';
const post = (path: string, body: string, type: string, headers: Record<string, string> = {}) =>
  new Request(`${site}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...headers },
  });
const jsonPost = (path: string, data: string, headers: Record<string, string> = {}) =>
  post(path, data, 'application/json', headers);

/** `[[[…"1"…]]]`, `levels` deep, as JSON text (built as text: the value itself would overflow). */
const nested = (levels: number) => `${'['.repeat(levels)}"1"${']'.repeat(levels)}`;

/** What no answer may contain: a stack frame, an exception's name or message, a file path. */
const leaks = /\bat [\w.<>]+ \(|Error:|ENOTDIR|node:internal|\/dev\/null|\.ts:\d+/;

afterEach(() => {
  setServices(undefined);
  vi.unstubAllEnvs();
});

describe('a JSON body nested too deep', () => {
  it('answers an observer sign-up whose startedAt is nested 15,000 levels deep with a 400 problem, storing nothing', async () => {
    const deps = testDeps();
    installServices(deps);
    const body = JSON.stringify(observerJson()).replace(/"startedAt":"\d+"/, () => {
      return `"startedAt":${nested(15_000)}`;
    });

    const response = await handleApplication(
      'observer',
      jsonPost('/api/observers', body),
      requestContext(),
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'json_too_deep' });
    expect(deps.queue.items.size).toBe(0);
  });

  it('answers a registration with a deeply nested name with a 400 problem, not a 500', async () => {
    installServices(testDeps());
    const body = `{"locale":"fr","name":${nested(15_000)},"email":"a@example.org"}`;

    const response = await handleRegistration(
      jsonPost('/api/sessions/induction/registrations', body),
      requestContext(),
      'induction',
    );

    expect(response.status).toBe(400);
  });

  it('still accepts the nesting a real sign-up has (a list of languages)', async () => {
    const deps = testDeps();
    installServices(deps);
    const ctx = requestContext();

    const response = await handleApplication(
      'observer',
      jsonPost('/api/observers', JSON.stringify(observerJson())),
      ctx,
    );
    await ctx.settle();

    expect(response.status).toBe(201);
  });

  it('counts brackets only outside strings', () => {
    expect(jsonDepth('{"a":"[[[[[[[[[[[[","b":[{"c":"\\"]]]"}]}')).toBe(3);
    expect(jsonDepth(nested(15_000))).toBe(15_000);
  });
});

describe('services that cannot be set up', () => {
  let dir: string;

  beforeEach(() => {
    // The data folder is under a plain file, so opening the local store throws
    // an error whose message names a path: nothing of it may reach the answer.
    dir = mkdtempSync(join(tmpdir(), 'mdm-failing-setup-'));
    writeFileSync(join(dir, 'file'), '');
    vi.stubEnv('LOCAL_DATA_DIR', join(dir, 'file', 'data'));
    vi.stubEnv('AIRTABLE_API_KEY', '');
    vi.stubEnv('AIRTABLE_BASE_ID', '');
    vi.stubEnv('RESEND_API_KEY', '');
    vi.stubEnv('SIGNING_SECRET', '');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
    setServices(undefined);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a JSON sign-up with a fixed 500 problem in its visitor’s language, and logs only a code', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });

    const response = await handleApplication(
      'observer',
      jsonPost('/api/observers', JSON.stringify(observerJson()), {
        'accept-language': 'en-GB,en;q=0.8',
      }),
      requestContext(),
    );
    spy.mockRestore();

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(leaks);
    expect(JSON.parse(text)).toEqual({
      type: 'about:blank',
      status: 500,
      title: 'A problem on our side',
      code: 'internal_error',
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      event: 'request_failed',
      code: 'ENOTDIR',
    });
    expect(lines[0]).not.toContain(dir);
  });

  it('answers a plain form post with the form’s failure page in French, without the error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await handleApplication(
      'volunteer',
      post(
        '/api/volunteers',
        formBody(volunteerForm()).toString(),
        'application/x-www-form-urlencoded',
      ),
      requestContext(),
    );

    expect(response.status).toBe(500);
    const page = await response.text();
    expect(page).toContain('Votre candidature n’a pas pu être enregistrée');
    expect(page).not.toMatch(leaks);
  });

  it('answers every other endpoint with a fixed page or problem, never throwing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fromEnglishPage = { referer: `${site}/en/training/induction/` };
    const ctx = requestContext();

    const answers = await Promise.all([
      handleRegistration(
        post(
          '/api/sessions/induction/registrations',
          'name=Sam&email=sam%40example.org',
          'application/x-www-form-urlencoded',
          fromEnglishPage,
        ),
        ctx,
        'induction',
      ),
      handleCancel(
        new Request(`${site}/api/registrations/cancel?token=x`, {
          headers: { accept: 'text/html' },
        }),
        ctx,
      ),
      handleErasure(
        new Request(`${site}/api/erasure?token=x`, { headers: { accept: 'text/html' } }),
      ),
      handleOutbox(new Request(`${site}/api/outbox`), undefined),
    ]);

    expect(answers.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    const [registration, cancel, erasure] = await Promise.all(answers.map((r) => r.text()));
    expect(registration).toContain('A problem on our side');
    expect(cancel).toContain('Un problème de notre côté');
    expect(erasure).toContain('<html lang="fr"');
    for (const answer of [registration, cancel, erasure]) expect(answer).not.toMatch(leaks);
  });

  it('lets a scheduled drain end quietly, to be tried again by the next run', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(runDrain(1_000)).resolves.toBeUndefined();
  });
});
