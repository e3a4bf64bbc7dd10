// The build's search index, on a tiny site of its own: what Pagefind keeps,
// how it splits languages, and which of its files the integration leaves.
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSite, type SearchIndexReport } from '../../../src/integrations/pagefind.ts';

const page = (lang: string, main: string) =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>` +
  `<header><nav>Menu headerword</nav></header><main>${main}</main>` +
  `<footer>footerword</footer></body></html>`;

const site: Record<string, string> = {
  'recits/un-recit/index.html': page(
    'fr',
    '<article data-pagefind-body data-pagefind-filter="type:Récit"><h1>Un récit</h1><p>La guitare du dimanche.</p></article>',
  ),
  'en/stories/a-story/index.html': page(
    'en',
    '<article data-pagefind-body data-pagefind-filter="type:Story"><h1>A story</h1><p>Coloured pencils.</p></article>',
  ),
  'partenaires/index.html': page('fr', '<h1>Partenaires</h1><p>Une page sans corps indexé.</p>'),
};

let dir: string;
let report: SearchIndexReport;

/** Every indexed record of the site (Pagefind's fragments, gzipped JSON behind a signature). */
const fragments = () => {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map(
    (file) =>
      JSON.parse(
        gunzipSync(readFileSync(join(folder, file)))
          .subarray(12)
          .toString('utf8'),
      ) as {
        url: string;
        content: string;
        filters: Record<string, string[]>;
      },
  );
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  for (const [file, html] of Object.entries(site)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  report = await indexSite(dir);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('indexSite', () => {
  test('indexes only the pages that mark their content, one index per language', () => {
    expect(report.pagesPerLanguage).toEqual({ fr: 1, en: 1 });
    expect(
      fragments()
        .map((f) => f.url)
        .sort(),
    ).toEqual(['/en/stories/a-story/', '/recits/un-recit/']);
  });

  test('keeps the header, navigation and footer out of what is searched', () => {
    const text = fragments()
      .map((f) => f.content)
      .join(' ');

    expect(text).toContain('guitare');
    expect(text).not.toMatch(/headerword|footerword/);
  });

  test('records the type of each page as a filter', () => {
    const types = Object.fromEntries(fragments().map((f) => [f.url, f.filters['type']]));

    expect(types).toEqual({ '/recits/un-recit/': ['Récit'], '/en/stories/a-story/': ['Story'] });
  });

  test('writes pagefind.js and the WebAssembly of each language, and none of the ready-made interfaces', () => {
    const files = readdirSync(join(dir, 'pagefind'));

    expect(files).toEqual(
      expect.arrayContaining(['pagefind.js', 'wasm.fr.pagefind', 'wasm.en.pagefind']),
    );
    expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
