// Builds the editor (src/editor/, Sveltia CMS from npm) with Vite into /admin/
// and serves it under `astro dev`. The bundle depends only on the editor's
// sources, the CMS version and this file, so it is built once and reused from a cache
// until one of them changes: site builds stay as fast as without it.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = join(root, 'src', 'editor');
const cacheRoot = join(root, 'node_modules', '.cache', 'mdm-editor');

/** The URL path the editor is served at. */
export const editorBase = '/admin/';

async function bundleKey(): Promise<string> {
  const hash = createHash('sha256');
  const manifest = JSON.parse(
    await readFile(join(root, 'node_modules', '@sveltia', 'cms', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(manifest.version);
  // This file too: how the bundle is made is part of what it is.
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  for (const name of (await readdir(sources)).sort()) {
    hash.update(name);
    hash.update(await readFile(join(sources, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding the built editor, building it first if the cache has none. */
export async function editorBundle(logger: AstroIntegrationLogger): Promise<string> {
  const folder = join(cacheRoot, await bundleKey());
  if (existsSync(join(folder, 'index.html'))) return folder;
  const started = performance.now();
  const building = `${folder}.tmp-${process.pid}`;
  await build({
    root: sources,
    base: editorBase,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [withoutFontCdn],
    build: {
      outDir: building,
      emptyOutDir: true,
      // The editor is one large application, loaded by the staff only.
      chunkSizeWarningLimit: 4096,
      reportCompressedSize: false,
    },
  });
  await rm(folder, { recursive: true, force: true });
  await rename(building, folder);
  // Bundles of older versions are never used again.
  for (const old of await readdir(cacheRoot)) {
    if (join(cacheRoot, old) !== folder)
      await rm(join(cacheRoot, old), { recursive: true, force: true });
  }
  logger.info(`editor bundled in ${Math.round(performance.now() - started)} ms`);
  return folder;
}

/**
 * Sveltia's UI declares its fonts twice: from the npm package's own files
 * (which the bundle carries) and from a third-party CDN in a <style> rule.
 * Dropping the CDN rules keeps every font on our origin.
 */
const withoutFontCdn = {
  name: 'mdm-editor-without-font-cdn',
  transform(code: string, id: string) {
    if (!id.includes('@sveltia')) return null;
    const local = code.replace(/@font-face\s*\{[^{}]*?https:\/\/cdn\.jsdelivr\.net[^{}]*?\}/g, '');
    return local === code ? null : { code: local, map: null };
  },
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export default function editor(): AstroIntegration {
  return {
    name: 'mdm-editor',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // `astro dev`: serve the cached bundle; config.yml is an Astro route.
        const ready = editorBundle(logger);
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(editorBase) || path === `${editorBase}config.yml`) {
            next();
            return;
          }
          void ready.then(async (folder) => {
            const relativePath = path.slice(editorBase.length) || 'index.html';
            const file = normalize(resolve(folder, relativePath));
            if (!file.startsWith(folder + sep) || !(await stat(file).catch(() => null))?.isFile()) {
              next();
              return;
            }
            response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
            createReadStream(file).pipe(response);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), editorBase);
        await mkdir(target, { recursive: true });
        await cp(await editorBundle(logger), target, { recursive: true });
      },
    },
  };
}
