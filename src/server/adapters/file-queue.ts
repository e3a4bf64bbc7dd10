// The pending deliveries on this machine, when Netlify Blobs is not used: one
// JSON file per application, replaced atomically, so a crash loses nothing.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingDelivery, PendingQueue } from '../ports.ts';
import { safeName, writeFileAtomic } from './atomic-file.ts';

export class FileQueue implements PendingQueue {
  readonly #dir: string;

  constructor(options: { dir: string }) {
    this.#dir = options.dir;
    mkdirSync(this.#dir, { recursive: true });
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
    const temp = join(this.#dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    await writeFile(temp, JSON.stringify(item), { flush: true });
    try {
      await link(temp, file);
      return true;
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
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
