// The site search as a visitor meets it: a word from one story or one episode's
// transcript finds that page in its own language, the type filters narrow the
// results and the URL follows, the header form of any page leads there, and
// without JavaScript the page says so and offers the lists instead.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { axeTags } from '../support/crawl.ts';

// Words of the shipped sample content that appear in one indexed page only.
const frenchStory = { word: 'guitare', path: '/recits/un-espace-pour-dessiner/' };
const englishStory = { word: 'pencils', path: '/en/stories/a-space-to-draw/' };
// In the second episode's transcript, not in its description or introduction.
const frenchTranscript = { word: 'photographie', path: '/podcast/speak-out-2-l-apres-midi/' };
const englishTranscript = { word: 'patience', path: '/en/podcast/speak-out-2-the-afternoon/' };

/** Console errors (a CSP violation is one) and the scripts the page fetched. */
function watch(page: Page) {
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\.(js|pagefind)$/.test(pathname) && !pathname.includes('/fragment/')) {
      scripts.push(pathname.replace(/\/_astro\/.*/, '/_astro/(page script)'));
    }
  });
  return { errors, scripts };
}

const results = (page: Page) => page.locator('[data-search-results] > li');
const resultLinks = (page: Page) => page.locator('[data-search-results] h2 a');
const status = (page: Page) => page.getByRole('status');

async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await resultLinks(page).evaluateAll((links) =>
    links.map((link) => (link as HTMLAnchorElement).pathname),
  );
  return hrefs;
}

test.describe('with JavaScript', () => {
  test('a word only in one French story finds that story on /recherche/', async ({ page }) => {
    const watched = watch(page);

    await page.goto(`/recherche/?q=${frenchStory.word}`);

    await expect(status(page)).toHaveText(`1 résultat pour « ${frenchStory.word} ».`);
    expect(await resultPaths(page)).toEqual([frenchStory.path]);
    const result = results(page).first();
    await expect(result.locator('mark').first()).toHaveText(new RegExp(frenchStory.word, 'i'));
    await expect(result).toContainText('Récit');
    await expect(page.getByLabel('Mots à rechercher')).toHaveValue(frenchStory.word);
    await expect(page.getByText('La recherche a besoin de JavaScript')).toBeHidden();
    expect(watched.errors).toEqual([]);
    // Pagefind runs on the page's thread: no web worker, one WebAssembly file.
    expect([...new Set(watched.scripts)].sort()).toEqual([
      '/_astro/(page script)',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.fr.pagefind',
    ]);
  });

  test('a word only in one English story finds that story on /en/search/', async ({ page }) => {
    const watched = watch(page);

    await page.goto(`/en/search/?q=${englishStory.word}`);

    await expect(status(page)).toHaveText(`1 result for “${englishStory.word}”.`);
    expect(await resultPaths(page)).toEqual([englishStory.path]);
    await expect(results(page).first()).toContainText('Story');
    expect(watched.errors).toEqual([]);
  });

  test('a word only in an episode transcript finds the episode, in both languages', async ({
    page,
  }) => {
    const watched = watch(page);

    await page.goto(`/recherche/?q=${frenchTranscript.word}`);
    await expect(status(page)).toContainText('résultat');
    const french = await resultPaths(page);
    await page.goto(`/en/search/?q=${englishTranscript.word}`);
    await expect(status(page)).toContainText('result');
    const english = await resultPaths(page);

    // Other pages may share the word's stem ("photographier"): the episode must be there.
    expect(french).toContain(frenchTranscript.path);
    expect(english).toContain(englishTranscript.path);
    expect(watched.errors).toEqual([]);
  });

  test('a type filter narrows the results and goes into the URL', async ({ page }) => {
    const watched = watch(page);
    await page.goto('/recherche/?q=clinique');
    await expect(status(page)).toContainText('résultats pour « clinique »');
    const all = await resultPaths(page);

    await page.getByRole('checkbox', { name: 'Épisode' }).check();

    await expect(page).toHaveURL(/[?&]type=%C3%89pisode/);
    await expect(results(page).first()).toContainText('Épisode');
    const episodes = await resultPaths(page);
    expect(episodes.length).toBeGreaterThan(0);
    expect(episodes.length).toBeLessThan(all.length);
    expect(episodes.every((path) => path.startsWith('/podcast/'))).toBe(true);
    expect(all.some((path) => path.startsWith('/recits/'))).toBe(true);
    // The shared URL gives the same search back.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Épisode' })).toBeChecked();
    await expect.poll(() => resultPaths(page)).toEqual(episodes);
    expect(watched.errors).toEqual([]);
  });

  test('pressing Enter searches and puts the words in the URL', async ({ page }) => {
    await page.goto('/en/search/');
    await expect(status(page)).toHaveText('Type one or more words, then press Enter.');

    await page.getByLabel('Words to look for').fill(englishStory.word);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`/en/search/?q=${englishStory.word}`);
    await expect(status(page)).toHaveText(`1 result for “${englishStory.word}”.`);
  });

  test('the page with its results passes the axe audit', async ({ page }) => {
    await page.goto('/recherche/?q=clinique');
    await expect(status(page)).toContainText('résultats');

    const audit = await new AxeBuilder({ page }).withTags(axeTags).analyze();

    expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('a word with no match says so', async ({ page }) => {
    await page.goto('/recherche/?q=zzyzxq');

    await expect(status(page)).toHaveText('Aucun résultat pour « zzyzxq ».');
    await expect(results(page)).toHaveCount(0);
  });

  test('the header form of a content page leads to the search page with its results', async ({
    page,
  }) => {
    const watched = watch(page);
    await page.goto(englishStory.path);

    await page.getByRole('searchbox', { name: 'Search the site' }).fill(englishStory.word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    await expect(page).toHaveURL(`/en/search/?q=${englishStory.word}`);
    await expect(page.locator('#search-q')).toHaveValue(englishStory.word);
    await expect(resultLinks(page)).toHaveCount(1);
    expect(await resultPaths(page)).toEqual([englishStory.path]);
    expect(watched.errors).toEqual([]);
  });

  test('the French header form goes to the French search page', async ({ page }) => {
    await page.goto('/');

    await page.getByRole('searchbox', { name: 'Rechercher sur le site' }).fill(frenchStory.word);
    await page.getByRole('searchbox', { name: 'Rechercher sur le site' }).press('Enter');

    await expect(page).toHaveURL(`/recherche/?q=${frenchStory.word}`);
    await expect.poll(() => resultPaths(page)).toEqual([frenchStory.path]);
  });

  test('the language switcher links one search page to the other', async ({ page }) => {
    await page.goto('/recherche/');

    await page.getByRole('link', { name: 'English' }).first().click();

    await expect(page).toHaveURL('/en/search/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the site');
  });

  test('each language index holds only the pages of its language, of all four types', async ({
    page,
  }) => {
    const indexOf = async (path: string) => {
      await page.goto(path);
      return page.evaluate(async () => {
        const url = '/pagefind/pagefind.js';
        const api = (await import(url)) as {
          options(o: object): Promise<void>;
          filters(): Promise<Record<string, Record<string, number>>>;
          search(
            term: null,
            o: object,
          ): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
        };
        await api.options({ noWorker: true });
        const types = Object.keys((await api.filters())['type'] ?? {});
        const { results: all } = await api.search(null, { filters: { type: { any: types } } });
        const urls = await Promise.all(all.map(async (r) => (await r.data()).url));
        return { types: types.sort(), urls };
      });
    };

    const french = await indexOf('/recherche/');
    const english = await indexOf('/en/search/');

    expect(french.types).toEqual(['Programme', 'Récit', 'Épisode', 'Œuvre'].sort());
    expect(english.types).toEqual(['Artwork', 'Episode', 'Programme', 'Story']);
    expect(french.urls.length).toBeGreaterThan(10);
    expect(english.urls.length).toBeGreaterThan(10);
    expect(french.urls.filter((url) => url.startsWith('/en/'))).toEqual([]);
    expect(english.urls.filter((url) => !url.startsWith('/en/'))).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and offers the lists', async ({ page }) => {
    await page.goto(`/recherche/?q=${frenchStory.word}`);

    await expect(page.getByText('La recherche a besoin de JavaScript')).toBeVisible();
    for (const [name, path] of [
      ['Tous les récits', '/recits/'],
      ['Tous les épisodes', '/podcast/'],
      ['Galerie des œuvres de Loup Blaster', '/oeuvres/'],
    ] as const) {
      await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', path);
    }
    await expect(page.locator('.notice a[href^="/programmes/"]')).toHaveCount(6);
  });

  test('the header form still reaches the search page', async ({ page }) => {
    await page.goto('/en/');

    await page.getByRole('searchbox', { name: 'Search the site' }).fill(englishStory.word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    await expect(page).toHaveURL(`/en/search/?q=${englishStory.word}`);
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  });
});
