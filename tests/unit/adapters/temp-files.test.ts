// The local adapters never leave a temporary file (which holds a name and an
// email) in their folders: not after a failed write, not after a killed process.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepTempFiles, writeFileAtomic } from '../../../src/server/adapters/atomic-file.ts';
import { OutboxMailer } from '../../../src/server/adapters/outbox-mailer.ts';

const run = promisify(execFile);
const personal = JSON.stringify({ name: 'Camille Martin', email: 'camille@example.org' });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'temp-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tempFilesIn = async (folder: string) =>
  (await readdir(folder)).filter((name) => name.startsWith('.tmp-'));

/** A real process that starts a temporary file the way the adapters do, then is killed. */
async function killedMidWrite(folder: string): Promise<void> {
  const program = `
    const { writeFileSync } = require('node:fs');
    writeFileSync(require('node:path').join(${JSON.stringify(folder)}, '.tmp-' + process.pid + '-0badc0ffee'), ${JSON.stringify(personal)}.slice(0, 20));
    process.kill(process.pid, 'SIGKILL');`;
  await run(process.execPath, ['-e', program]).catch(() => undefined);
}

describe('temporary files of the local adapters', () => {
  it('are removed when the rename fails', async () => {
    const target = join(dir, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true });

    await expect(writeFileAtomic(target, personal)).rejects.toThrow();

    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('left by a killed process are swept when the local outbox opens its folder', async () => {
    await killedMidWrite(dir);

    new OutboxMailer({ dir });

    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('of a write in progress in a live process are kept, unless too old to be one', async () => {
    const live = join(dir, `.tmp-${process.pid}-0123456789ab`);
    const old = join(dir, `.tmp-${process.pid}-ba9876543210`);
    await writeFile(live, personal);
    await writeFile(old, personal);
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await utimes(old, hourAgo, hourAgo);

    const removed = sweepTempFiles(dir);

    expect(removed).toBe(1);
    expect(await tempFilesIn(dir)).toEqual([`.tmp-${process.pid}-0123456789ab`]);
  });
});
