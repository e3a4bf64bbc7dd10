// Just enough HTML reading for the files Astro writes (quoted attributes, no
// tags inside attribute values): the dist checks and the benchmark need no DOM.

export type Attributes = Record<string, string>;

/** The start tags named `name` in `html`, each as its attributes (names lower-cased). */
export function startTags(html: string, name: string): Attributes[] {
  const tags: Attributes[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}(?=[\\s/>])([^>]*)>`, 'gi'))) {
    tags.push(attributes(match[1] ?? ''));
  }
  return tags;
}

/** The text inside each `<name …>…</name>` element (scripts, styles: no nesting). */
export function elementBodies(
  html: string,
  name: string,
): { attributes: Attributes; body: string }[] {
  const elements: { attributes: Attributes; body: string }[] = [];
  const pattern = new RegExp(`<${name}(?=[\\s>])([^>]*)>([\\s\\S]*?)</${name}>`, 'gi');
  for (const match of html.matchAll(pattern)) {
    elements.push({ attributes: attributes(match[1] ?? ''), body: match[2] ?? '' });
  }
  return elements;
}

function attributes(source: string): Attributes {
  const result: Attributes = {};
  for (const match of source.matchAll(
    /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
  )) {
    const name = match[1];
    if (name === undefined) continue;
    result[name.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Scripts that carry data for machines (JSON-LD) rather than code to run. */
export function isDataScript(attrs: Attributes): boolean {
  return /json$/i.test(attrs['type'] ?? '');
}
