// Each language reads as its own, checked over the built site (dist/, no
// browser needed): the French pages and calendar feeds hold none of the
// English values of any built session (title, description, place name,
// trainer's role, notes), and the English ones none of the French values. The
// sessions are those the build left for the functions, so the browser tests'
// own session is checked too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { sessionSchema, type SessionData } from '../../src/schemas/session.ts';
import { sessionCatalogPath } from '../../src/server/sessions.ts';
import { builtPages, listFiles } from '../support/dist-site.ts';
import { localeOfPath } from '../support/paths.ts';

const root = join(import.meta.dirname, '..', '..');
const distDir = join(root, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  throw new Error('dist/ has no site: run `npm run build` before the browser tests.');
}

const sessions: SessionData[] = (
  JSON.parse(readFileSync(join(root, sessionCatalogPath), 'utf8')) as unknown[]
).map((entry) => sessionSchema.parse(entry));

/** The session texts a reader sees, in one language, where the two languages differ. */
function valuesIn(locale: 'fr' | 'en'): string[] {
  const other = locale === 'fr' ? 'en' : 'fr';
  return sessions.flatMap((s) =>
    [s.title, s.description, s.place?.name, s.trainerRole, s.notes]
      .filter((text) => text !== undefined && text[locale] !== text[other])
      .map((text) => text?.[locale] ?? ''),
  );
}

/** A page's text as a reader gets it: entities decoded, typographic apostrophes kept apart. */
const decodeHtml = (html: string): string =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** An iCalendar feed's text: folded lines joined, RFC 5545 escapes undone. */
const decodeIcs = (ics: string): string =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .replace(/\\n/gi, '\n')
    .replace(/\\([,;\\])/g, '$1');

/** Every built page and calendar feed of one language, as text. */
function outputsIn(locale: 'fr' | 'en'): { name: string; text: string }[] {
  const pages = builtPages(distDir)
    .filter((page) => localeOfPath(page.path) === locale)
    .map((page) => ({ name: page.path, text: decodeHtml(page.html) }));
  const feeds = listFiles(distDir)
    .filter((file) => file.endsWith('.ics') && localeOfPath(`/${file}`) === locale)
    .map((file) => ({
      name: `/${file}`,
      text: decodeIcs(readFileSync(join(distDir, file), 'utf8')),
    }));
  return [...pages, ...feeds];
}

for (const [locale, other] of [
  ['fr', 'en'],
  ['en', 'fr'],
] as const) {
  test(`the ${locale} pages and calendar feeds show no ${other} value of any session`, () => {
    const outputs = outputsIn(locale);
    const foreign = valuesIn(other);
    const own = valuesIn(locale);

    const leaks = outputs.flatMap(({ name, text }) =>
      foreign.filter((value) => text.includes(value)).map((value) => `${name}: "${value}"`),
    );
    const shown = own.filter((value) => outputs.some(({ text }) => text.includes(value)));

    expect(sessions.length, 'sessions built').toBeGreaterThan(0);
    expect(outputs.filter((o) => o.name.endsWith('.ics')).length, 'feeds').toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    // The check reads what it should: each language's own values are there.
    expect(shown.length).toBeGreaterThan(own.length / 2);
  });
}
