// Writing a file so that a reader sees either the old content or the new, never
// half of it, even if the process dies mid-write: temporary file, then rename.
import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  await writeFile(temp, content, { flush: true });
  await rename(temp, file);
}

/** Keys become file names: anything outside [A-Za-z0-9_-] is refused, so no path tricks. */
export function safeName(key: string): string {
  if (!/^[\w-]{1,128}$/.test(key)) throw new Error('invalid_file_key');
  return key;
}
