// Writing a file so that a reader sees either the old content or the new, never
// half of it, even if the process dies mid-write: temporary file, then rename.
// The temporary file holds the same personal data as the real one, so it never
// outlives its write: removed on every failure, and swept by the next process
// when this one was killed before it could remove it (see sweepTempFiles).
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const tempPrefix = '.tmp-';
/** No write takes this long: an older temporary file is the remains of a crash. */
const staleAfterMs = 10 * 60_000;

/** A temporary file's name carries the writer's process id, for the sweep. */
const tempFile = (dir: string) =>
  join(dir, `${tempPrefix}${process.pid}-${randomBytes(6).toString('hex')}`);

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  // After the rename there is nothing left to remove; after a failure, the
  // temporary file (half written, perhaps) goes at once.
  const temp = tempFile(dirname(file));
  try {
    await writeFile(temp, content, { flush: true, mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
};

/**
 * Removes the temporary files left in `dir` by a process that was killed
 * mid-write (its id is no longer running) or that are too old to be a write in
 * progress. Returns how many were removed. Run when an adapter opens its folder.
 */
export function sweepTempFiles(dir: string, now: number = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const match = /^\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
    if (match === null) continue;
    const file = join(dir, name);
    try {
      const stale = now - statSync(file).mtimeMs > staleAfterMs;
      if (stale || !isAlive(Number(match[1]))) {
        rmSync(file, { force: true });
        removed += 1;
      }
    } catch {
      // Renamed or removed by its writer meanwhile: nothing to sweep.
    }
  }
  return removed;
}

/** Keys become file names: anything outside [A-Za-z0-9_-] is refused, so no path tricks. */
export function safeName(key: string): string {
  if (!/^[\w-]{1,128}$/.test(key)) throw new Error('invalid_file_key');
  return key;
}
