// The pending deliveries on this machine, when Netlify Blobs is not used: one
// JSON file per application, replaced atomically, so a crash loses nothing.
import { mkdirSync } from 'node:fs';
import { link, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingDelivery, PendingQueue } from '../ports.ts';
import { safeName, sweepTempFiles, withTempFile, writeFileAtomic } from './atomic-file.ts';

export class FileQueue implements PendingQueue {
  readonly #dir: string;

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
    await writeFileAtomic(this.#file(item.record.id), JSON.stringify(item));
  }

  async putIfAbsent(item: PendingDelivery): Promise<boolean> {
    // A complete temporary file, then a hard link, which fails if the name is
    // taken: atomic between processes, and no reader ever sees half a file.
    const file = this.#file(item.record.id);
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
    const names = (await readdir(this.#dir)).filter(
      (n) => n.endsWith('.json') && !n.startsWith('.'),
    );
    const items = await Promise.all(names.map((n) => this.get(n.slice(0, -'.json'.length))));
    return items
      .filter((item): item is PendingDelivery => item !== null)
      .sort(
        (a, b) =>
          a.record.submittedAt.localeCompare(b.record.submittedAt) ||
          a.record.id.localeCompare(b.record.id),
      )
      .map((item) => item.record.id);
  }

  async remove(id: string): Promise<void> {
    await rm(this.#file(id), { force: true });
  }
}

const isCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === code;
