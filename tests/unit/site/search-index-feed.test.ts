// The search index fed by the build's page renderer: each HTML page goes to
// Pagefind as it is rendered, comes back to Astro unchanged, and the scan of
// dist/ at the end adds only what the renderer did not hand over.
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AstroPrerenderer } from 'astro';
import { afterEach, describe, expect, test } from 'vitest';
import {
  feedingPrerenderer,
  startSearchIndex,
  type SearchIndex,
} from '../../../src/integrations/pagefind.ts';

const page = (lang: string, title: string, text = 'Texte du récit.') =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>` +
  `<main><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></main></body></html>`;

/** A renderer that answers every request with `response()`. */
const rendererOf = (response: () => Response): AstroPrerenderer => ({
  name: 'test',
  getStaticPaths: () => Promise.resolve([]),
  render: () => Promise.resolve(response()),
});

/** An index that records what it is handed. */
const recording = () => {
  const added: [string, string][] = [];
  const index: SearchIndex = {
    add: (url, html) => added.push([url, html.toString()]),
    seen: new Set(),
    finish: () => Promise.reject(new Error('not in this test')),
  };
  return { added, index };
};

const renderOptions = { routeData: {} as Parameters<AstroPrerenderer['render']>[1]['routeData'] };

describe('feedingPrerenderer', () => {
  test('hands a rendered HTML page to the index and gives Astro the same page', async () => {
    const html = page('fr', 'Un récit');
    const base = rendererOf(
      () =>
        new Response(html, {
          status: 200,
          headers: { 'content-type': 'text/html', 'x-kept': 'yes' },
        }),
    );
    const { added, index } = recording();

    const result = await feedingPrerenderer(base, index).render(
      new Request('http://localhost/recits/un-r%C3%A9cit/'),
      renderOptions,
    );

    expect(added).toEqual([['/recits/un-récit/', html]]);
    const response = result instanceof Response ? result : result.response;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.text()).toBe(html);
  });

  test.each([
    ['a feed', 'http://localhost/recits/flux.xml', 200, 'application/rss+xml'],
    ['the 404 page (written as 404.html)', 'http://localhost/404', 200, 'text/html'],
    ['a redirect', 'http://localhost/ancien/', 301, 'text/html'],
  ])('leaves %s to Astro untouched', async (_, url, status, type) => {
    const original = new Response('<html></html>', { status, headers: { 'content-type': type } });
    const { added, index } = recording();

    const result = await feedingPrerenderer(
      rendererOf(() => original),
      index,
    ).render(new Request(url), renderOptions);

    expect(result).toBe(original);
    expect(added).toEqual([]);
  });
  test('hands the pages to the index in the order Astro started them, whatever order they finish in', async () => {
    // Three pages in flight at once: the last one started finishes first, the
    // feed between them is not a page.
    const finish: Record<string, () => void> = {};
    const base: AstroPrerenderer = {
      name: 'test',
      getStaticPaths: () => Promise.resolve([]),
      render: (request) =>
        new Promise((resolve) => {
          const path = new URL(request.url).pathname;
          const type = path.endsWith('/') ? 'text/html' : 'application/rss+xml';
          finish[path] = () => {
            resolve(new Response(page('fr', path), { headers: { 'content-type': type } }));
          };
        }),
    };
    const { added, index } = recording();
    const renderer = feedingPrerenderer(base, index);

    const rendered = new Map(
      ['/recits/a/', '/recits/flux.xml', '/recits/b/', '/recits/c/'].map((path) => [
        path,
        renderer.render(new Request(`http://localhost${path}`), renderOptions),
      ]),
    );
    for (const path of ['/recits/c/', '/recits/a/', '/recits/flux.xml', '/recits/b/']) {
      finish[path]?.();
      await rendered.get(path);
    }

    expect(added.map(([url]) => url)).toEqual(['/recits/a/', '/recits/b/', '/recits/c/']);
  });
});

describe('startSearchIndex', () => {
  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('indexes the pages handed during the build and the files it was not handed, each once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const files = {
      'recits/un-recit/index.html': page('fr', 'Un récit'),
      'en/stories/a-story/index.html': page('en', 'A story'),
    };
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), html);
    }
    const index = startSearchIndex();

    // What the renderer handed differs from the file only for this test, to
    // show which of the two the index kept.
    index.add('/recits/un-recit/', page('fr', 'Un récit', 'Remis pendant la construction.'));
    index.add('/recits/', '<html lang="fr"><body><h1>Liste</h1></body></html>');
    const report = await index.finish(dir);

    expect(report.pagesPerLanguage).toEqual({ fr: 1, en: 1 });
    const folder = join(dir, 'pagefind', 'fragment');
    const records = readdirSync(folder).map(
      (file) =>
        JSON.parse(
          gunzipSync(readFileSync(join(folder, file)))
            .subarray(12)
            .toString('utf8'),
        ) as { url: string; content: string },
    );
    expect(records.map((record) => record.url).sort()).toEqual([
      '/en/stories/a-story/',
      '/recits/un-recit/',
    ]);
    expect(records.find((record) => record.url === '/recits/un-recit/')?.content).toContain(
      'Remis pendant la construction',
    );
  }, 60_000);
});
