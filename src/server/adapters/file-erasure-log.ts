// The erasure log on this machine: one empty file per erasure, its name the
// keyed hash and the instant it may be forgotten (see erasure-names.ts).
import { mkdirSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErasureLog } from '../ports.ts';
import { entryName, erasedAmong, expiredAmong, parseEntryName } from './erasure-names.ts';

export class FileErasureLog implements ErasureLog {
  readonly #dir: string;

  constructor(options: { dir: string }) {
    this.#dir = options.dir;
    mkdirSync(this.#dir, { recursive: true });
  }

  async add(key: string, until: string): Promise<void> {
    await writeFile(join(this.#dir, entryName(key, until)), '', { flush: true });
  }

  async erased(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return erasedAmong(await readdir(this.#dir), keys);
  }

  async expired(now: string): Promise<string[]> {
    return expiredAmong(await readdir(this.#dir), now);
  }

  async remove(keys: readonly string[]): Promise<void> {
    const gone = new Set(keys);
    for (const name of await readdir(this.#dir)) {
      const entry = parseEntryName(name);
      if (entry !== null && gone.has(entry.key)) await rm(join(this.#dir, name), { force: true });
    }
  }
}
