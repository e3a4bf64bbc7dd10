// The pending deliveries on this machine, when Netlify Blobs is not used: one
// JSON file per application, replaced atomically, so a crash loses nothing.
import { mkdirSync } from 'node:fs';
import { link, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingDelivery, PendingQueue } from '../ports.ts';
import { safeName, sweepTempFiles, withTempFile, writeFileAtomic } from './atomic-file.ts';

export class FileQueue implements PendingQueue {
  readonly #dir: string;
  /**
   * When each item seen by this process was submitted (it never changes), for
   * list()'s order: a file read only to sort it is read once per process, not
   * once per drain round (1,000 reads a round in a burst).
   */
  readonly #submittedAt = new Map<string, string>();

  constructor(options: { dir: string }) {
    this.#dir = options.dir;
    mkdirSync(this.#dir, { recursive: true });
    // What a killed process left half-written (names, emails) goes at once.
    sweepTempFiles(this.#dir);
  }

  #file(id: string) {
    return join(this.#dir, `${safeName(id)}.json`);
  }

  async put(item: PendingDelivery): Promise<void> {
    this.#submittedAt.set(item.record.id, item.record.submittedAt);
    await writeFileAtomic(this.#file(item.record.id), JSON.stringify(item));
  }

  async putIfAbsent(item: PendingDelivery): Promise<boolean> {
    // A complete temporary file, then a hard link, which fails if the name is
    // taken: atomic between processes, and no reader ever sees half a file.
    const file = this.#file(item.record.id);
    this.#submittedAt.set(item.record.id, item.record.submittedAt);
    return withTempFile(this.#dir, JSON.stringify(item), async (temp) => {
      try {
        await link(temp, file);
        return true;
      } catch (error) {
        if (isCode(error, 'EEXIST')) return false;
        throw error;
      }
    });
  }

  async get(id: string): Promise<PendingDelivery | null> {
    try {
      return JSON.parse(await readFile(this.#file(id), 'utf8')) as PendingDelivery;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    // The drain lists every minute: a long-running process sweeps too.
    sweepTempFiles(this.#dir);
    const ids = (await readdir(this.#dir))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -'.json'.length));
    const entries = await Promise.all(
      ids.map(async (id) => {
        const known = this.#submittedAt.get(id);
        if (known !== undefined) return { id, submittedAt: known };
        const item = await this.get(id);
        if (item === null) return null;
        this.#submittedAt.set(id, item.record.submittedAt);
        return { id, submittedAt: item.record.submittedAt };
      }),
    );
    return entries
      .filter((entry) => entry !== null)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
      .map((entry) => entry.id);
  }

  async remove(id: string): Promise<void> {
    await rm(this.#file(id), { force: true });
    this.#submittedAt.delete(id);
  }
}

const isCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === code;
