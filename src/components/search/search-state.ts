// The pure parts of the search page's script: what the URL asks for, the URL
// that shares a search, and Pagefind's highlighted excerpt made safe to show.

/** What a search asks for: words, and the kinds of page to keep (none: all). */
export interface SearchQuery {
  q: string;
  types: string[];
}

/** The search in a page's query string (`?q=…&type=…&type=…`), keeping only known types. */
export function readQuery(search: string, knownTypes: readonly string[]): SearchQuery {
  const params = new URLSearchParams(search);
  const asked = new Set(params.getAll('type'));
  return {
    q: (params.get('q') ?? '').trim(),
    types: knownTypes.filter((type) => asked.has(type)),
  };
}

/** The query string that gives the same search back ("" for an empty one). */
export function queryString({ q, types }: SearchQuery): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  for (const type of types) params.append('type', type);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A run of excerpt text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

// Pagefind escapes the page text's < and > (and only those) before adding its marks.
const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/**
 * Pagefind's excerpt as plain runs of text: only its own <mark>…</mark> pairs
 * survive, as `marked` runs; any other markup stays visible text. The page puts
 * each run in a text node (or a <mark> holding one), never through innerHTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (text !== '') parts.push({ text: unescape(text), marked });
  };
  let rest = excerpt;
  for (let open = rest.indexOf('<mark>'); open !== -1; open = rest.indexOf('<mark>')) {
    const close = rest.indexOf('</mark>', open + '<mark>'.length);
    if (close === -1) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + '<mark>'.length, close), true);
    rest = rest.slice(close + '</mark>'.length);
  }
  push(rest, false);
  return parts;
}

/** A status template ("{count} results for “{query}”") with its values filled in. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
