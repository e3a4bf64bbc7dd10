// The Astro content loader of the `sessions` collection: see session-source.ts
// for where the sessions come from. Each entry's id is the session's slug.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { sessionCatalogPath, writeSessionCatalog } from '../server/sessions.ts';
import { extraDir, loadSessions, type SessionSourceOptions } from './session-source.ts';

export interface SessionsLoaderOptions extends Omit<SessionSourceOptions, 'root'> {
  /** Where to leave the sessions for the functions, from the root. Default sessionCatalogPath. */
  catalogPath?: string;
}

export function sessionsLoader(options: SessionsLoaderOptions = {}): Loader {
  return {
    name: 'mdm-sessions',
    load: async (context) => {
      const { store, logger, config, watcher } = context;
      const root = fileURLToPath(config.root);

      const sync = async () => {
        const { origin, sessions, skipped } = await loadSessions({ ...options, root });
        store.clear();
        const catalog: unknown[] = [];
        for (const session of sessions) {
          const data = await context.parseData({
            id: session.id,
            data: session.input,
            ...(session.filePath === undefined ? {} : { filePath: session.filePath }),
          });
          store.set({
            id: session.id,
            data,
            digest: context.generateDigest(session.input),
            ...(session.filePath === undefined ? {} : { filePath: session.filePath }),
          });
          catalog.push(data);
        }
        // The functions read the sessions from this file, not from the site over HTTP.
        writeSessionCatalog(resolve(root, options.catalogPath ?? sessionCatalogPath), catalog);
        const from =
          origin === 'airtable'
            ? 'the Airtable "Sessions" table'
            : [options.sessionsDir ?? 'content/sessions', extraDir(options.env ?? process.env)]
                .filter((dir) => dir !== undefined)
                .map((dir) => `${dir}/`)
                .join(' and ');
        const drafts =
          skipped > 0 ? ` (${skipped} draft or blank row${skipped === 1 ? '' : 's'} left out)` : '';
        logger.info(`${sessions.length} sessions from ${from}${drafts}`);
      };

      await sync();

      // `astro dev` only: reload when a session file changes.
      if (watcher !== undefined) {
        const dir = fileURLToPath(
          new URL(`${options.sessionsDir ?? 'content/sessions'}/`, config.root),
        );
        watcher.add(dir);
        watcher.on('all', (_event, path) => {
          if (!path.startsWith(dir)) return;
          sync().catch((error: unknown) => {
            logger.error(error instanceof Error ? error.message : String(error));
          });
        });
      }
    },
  };
}
