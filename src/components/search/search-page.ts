// The search page's script: reads ?q= and ?type= from the URL, searches the
// index of the page's language with Pagefind's own small API (pagefind.js and
// its WebAssembly, loaded from our origin on first use), shows the results, and
// keeps the URL in step so that a search can be shared.
import { excerptParts, fill, queryString, readQuery, type SearchQuery } from './search-state.ts';

/** The part of pagefind.js's API this page uses. */
interface Pagefind {
  options(options: { excerptLength?: number; noWorker?: boolean }): Promise<void>;
  search(
    term: string,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: { id: string; data(): Promise<ResultData> }[] }>;
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** Results shown at most: the index is a few dozen pages per language. */
const maxResults = 50;

function required(root: ParentNode, selector: string): HTMLElement {
  const element = root.querySelector(selector);
  if (!(element instanceof HTMLElement)) throw new Error(`The search page has no ${selector}.`);
  return element;
}

export function startSearchPage(root: HTMLElement): void {
  const form = required(root, 'form[data-search]');
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (input === null) throw new Error('The search form has no input named q.');
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]')];
  const status = required(root, '[data-search-status]');
  const list = required(root, '[data-search-results]');
  const text = (name: string) => root.dataset[name] ?? '';
  const knownTypes = boxes.map((box) => box.value);
  required(root, '[data-search-nojs]').hidden = true;

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () => {
    pagefind ??= (import(/* @vite-ignore */ text('index')) as Promise<Pagefind>).then(
      async (api) => {
        // On the page's own thread: a web worker would cost one more 12 KB script.
        await api.options({ excerptLength: 24, noWorker: true });
        return api;
      },
    );
    return pagefind;
  };

  // A newer search replaces an older one still running.
  let latest = 0;
  const run = async (query: SearchQuery) => {
    const id = ++latest;
    list.replaceChildren();
    if (query.q === '') {
      status.textContent = text('prompt');
      return;
    }
    status.textContent = text('loading');
    try {
      const api = await loadPagefind();
      const filters = query.types.length > 0 ? { type: { any: query.types } } : {};
      const { results } = await api.search(query.q, { filters });
      const shown = await Promise.all(results.slice(0, maxResults).map((r) => r.data()));
      if (id !== latest) return;
      list.replaceChildren(...shown.map(resultItem));
      const count = results.length;
      const template = count === 0 ? 'none' : count === 1 ? 'one' : 'many';
      status.textContent = fill(text(template), { count, query: query.q });
    } catch (error) {
      if (id !== latest) return;
      status.textContent = text('failed');
      console.error(error);
    }
  };

  const current = (): SearchQuery => ({
    q: input.value.trim(),
    types: boxes.filter((box) => box.checked).map((box) => box.value),
  });
  const update = () => {
    const query = current();
    history.replaceState(history.state, '', `${location.pathname}${queryString(query)}`);
    void run(query);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  for (const box of boxes) box.addEventListener('change', update);
  // Fetch the index while the visitor types, before the first search needs it.
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), {
    once: true,
  });

  const asked = readQuery(location.search, knownTypes);
  input.value = asked.q;
  for (const box of boxes) box.checked = asked.types.includes(box.value);
  void run(asked);
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'result';
  const image = data.meta['image'];
  if (image !== undefined && image !== '') {
    // Beside its title the picture says nothing more: it is decorative here.
    const img = document.createElement('img');
    img.src = image;
    img.alt = '';
    img.width = 120;
    img.height = 80;
    img.loading = 'lazy';
    item.append(img);
  }
  const body = document.createElement('div');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  heading.append(link);
  const type = document.createElement('p');
  type.className = 'meta';
  type.textContent = (data.filters['type'] ?? []).join(', ');
  const excerpt = document.createElement('p');
  excerpt.append(
    ...excerptParts(data.excerpt).map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  body.append(heading, type, excerpt);
  item.append(body);
  return item;
}
