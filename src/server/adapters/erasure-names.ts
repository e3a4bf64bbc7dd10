// How both erasure logs name an entry: "<key>.<until in ms>", so that one
// listing (a directory, or a Netlify Blobs store) answers every question
// without reading a single entry.

const keyPattern = /^[\w-]{16,128}$/;

export function entryName(key: string, until: string): string {
  const ms = Date.parse(until);
  if (!keyPattern.test(key) || Number.isNaN(ms)) throw new Error('invalid_erasure_entry');
  return `${key}.${String(ms)}`;
}

export function parseEntryName(name: string): { key: string; until: number } | null {
  const at = name.lastIndexOf('.');
  const key = name.slice(0, at);
  const until = Number(name.slice(at + 1));
  if (at < 0 || !keyPattern.test(key) || !/^\d{1,16}$/.test(name.slice(at + 1))) return null;
  return { key, until };
}

/** The keys among `names` that are in `wanted`. */
export function erasedAmong(names: readonly string[], wanted: readonly string[]): Set<string> {
  const asked = new Set(wanted);
  const found = new Set<string>();
  for (const name of names) {
    const entry = parseEntryName(name);
    if (entry !== null && asked.has(entry.key)) found.add(entry.key);
  }
  return found;
}

/** The keys among `names` whose every entry is past `now`. */
export function expiredAmong(names: readonly string[], now: string): string[] {
  const latest = new Map<string, number>();
  for (const name of names) {
    const entry = parseEntryName(name);
    if (entry !== null) latest.set(entry.key, Math.max(latest.get(entry.key) ?? 0, entry.until));
  }
  const at = Date.parse(now);
  return [...latest].filter(([, until]) => until <= at).map(([key]) => key);
}
