// Drives the editor at /admin/ in a browser test: Sveltia CMS on its test
// backend, whose "repository" lives in the browser's origin-private storage
// (OPFS), so nothing is sent anywhere and every file it writes can be read back.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
/** The folder Sveltia's test backend keeps its files in, inside OPFS. */
const testRepo = 'sveltia-cms-test';

/** Serve the built configuration with its backend swapped for the in-browser test one. */
export async function useTestBackend(page: Page | BrowserContext): Promise<void> {
  await page.route(
    (url) => url.pathname === '/admin/config.yml',
    async (route) => {
      const response = await route.fetch();
      const config = await response.text();
      const body = config.replace(/^backend:\n(?: {2}.*\n)+/m, 'backend:\n  name: test-repo\n');
      if (body === config) throw new Error('config.yml has no backend block to replace');
      await route.fulfill({ response, body });
    },
  );
}

/** Files of the working copy, as the test repository's starting content. */
export function workingCopy(...folders: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(mdx?|ya?ml)$/.test(entry.name)) {
        files[relative(root, full)] = readFileSync(full, 'utf8');
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** Put `files` into the test repository (the page must be on the site's origin). */
export async function seedTestRepo(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ files, testRepo }) => {
      const storage = await navigator.storage.getDirectory();
      const top = await storage.getDirectoryHandle(testRepo, { create: true });
      for (const [path, text] of Object.entries(files)) {
        const parts = path.split('/');
        let dir = top;
        for (const part of parts.slice(0, -1)) {
          dir = await dir.getDirectoryHandle(part, { create: true });
        }
        const writable = await (
          await dir.getFileHandle(parts.at(-1) ?? '', { create: true })
        ).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { files, testRepo },
  );
}

/** Every file of the test repository under `folder`, as bytes (base64) by path. */
export async function readTestRepo(page: Page, folder: string): Promise<Record<string, Buffer>> {
  const files = await page.evaluate(
    async ({ folder, testRepo }) => {
      const out: Record<string, string> = {};
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(testRepo);
      for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
      const walk = async (current: FileSystemDirectoryHandle, prefix: string) => {
        for await (const [name, handle] of current.entries() as AsyncIterable<
          [string, FileSystemHandle]
        >) {
          if (handle.kind === 'directory') {
            await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
          } else {
            const bytes = new Uint8Array(
              await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer(),
            );
            let binary = '';
            for (let at = 0; at < bytes.length; at += 0x8000) {
              binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
            }
            out[`${prefix}${name}`] = btoa(binary);
          }
        }
      };
      await walk(dir, `${folder}/`);
      return out;
    },
    { folder, testRepo },
  );
  return Object.fromEntries(
    Object.entries(files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]),
  );
}
