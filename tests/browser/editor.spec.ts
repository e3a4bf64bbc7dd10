// The editor at /admin/ as the communications staff use it: a story written in
// French and English through the editor's own form, with a picture and its alt
// text, saved, and the files it writes checked against the site's schemas.
// Sveltia's test backend keeps the files in the browser: no request leaves the machine.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { z } from 'zod';
import { storySchema } from '../../src/schemas/story.ts';
import { readTestRepo, seedTestRepo, useTestBackend, workingCopy } from '../support/editor.ts';

const root = join(import.meta.dirname, '..', '..');
const picture = join(root, 'content', 'stories', 'images', 'drawing-space.png');

/**
 * The story schema as the build applies it: the picture must be a file the
 * editor wrote, where the story says (relative to the story's own file), and
 * the programme an entry of the working copy.
 */
const storyFileSchema = (file: string, written: string[]) =>
  storySchema({
    image: () =>
      z.string().refine((path) => written.includes(relative(root, join(dirname(file), path))), {
        message: 'the picture is not where the story says',
      }),
    reference: (collection) =>
      z.string().refine((id) => existsSync(join(root, 'content', collection, `${id}.mdx`)), {
        message: 'no such programme',
      }),
  });

function frontmatter(text: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (match === null) throw new Error(`no frontmatter in:\n${text}`);
  return { data: parse(match[1] ?? ''), body: match[2] ?? '' };
}

/** The editing pane of one language (Sveltia marks each field's input with its lang). */
const field = (page: Page, locale: 'fr' | 'en', label: string) =>
  page.locator(`[lang="${locale}"]`).and(page.getByLabel(label, { exact: true }));

test('a story written in both languages through the editor passes the site’s schemas', async ({
  page,
}) => {
  test.setTimeout(30_000);
  const outside: string[] = [];
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (!['data:', 'blob:'].includes(protocol) && hostname !== 'localhost') {
      outside.push(request.url());
    }
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await useTestBackend(page);
  await page.goto('/robots.txt');
  await seedTestRepo(page, workingCopy('content/programmes'));

  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Travailler avec un dépôt de test' }).click();
  await page.locator('button', { hasText: 'Nouveau' }).click();

  await field(page, 'fr', 'Title').fill('Un atelier de dessin au bord du canal');
  await field(page, 'fr', 'Slug').fill('un-atelier-de-dessin');
  await field(page, 'fr', 'Description').fill(
    'Un après-midi de dessin avec l’équipe de soutien psychosocial, raconté par une bénévole.',
  );
  await field(page, 'fr', 'Author').fill('Équipe de la délégation');
  await page.getByLabel('Date', { exact: true }).fill('2026-06-01');
  await page.getByLabel('Valeur de l’élément').first().fill('soutien-psychosocial');
  await page.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Santé mentale et soutien psychosocial' }).click();
  // The editor draws a group's fields once it is scrolled into view.
  await page.getByRole('group', { name: /Hero/ }).first().scrollIntoViewIfNeeded();
  await page.locator('input[type="file"]').first().setInputFiles(picture);
  await field(page, 'fr', 'Picture description (alt text)').fill(
    'Image provisoire : des feuilles de dessin et des crayons posés sur une table.',
  );
  await page
    .getByRole('textbox', { name: 'Text', exact: true })
    .first()
    .fill('Le récit, en français.');

  await page.getByRole('radio', { name: 'Anglais' }).first().click();
  await field(page, 'en', 'Title').fill('A drawing workshop by the canal');
  await field(page, 'en', 'Slug').fill('a-drawing-workshop');
  await field(page, 'en', 'Description').fill(
    'An afternoon of drawing with the psychosocial support team, told by a volunteer.',
  );
  await field(page, 'en', 'Author').fill('The delegation team');
  await page.getByLabel('Valeur de l’élément').first().fill('psychosocial-support');
  await page.getByRole('group', { name: /Hero/ }).first().scrollIntoViewIfNeeded();
  await field(page, 'en', 'Picture description (alt text)').fill(
    'Placeholder picture: drawing sheets and pencils laid on a table.',
  );
  await page
    .getByRole('textbox', { name: 'Text', exact: true })
    .first()
    .fill('The story, in English.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/enregistrée|créée/i).first()).toBeVisible();

  const files = await readTestRepo(page, 'content/stories');
  const stories = Object.keys(files).filter((path) => path.endsWith('.mdx'));
  const pictures = Object.keys(files).filter((path) => path.endsWith('.png'));
  expect(stories.map((path) => path.replace(/[^/]+$/, '')).sort()).toEqual([
    'content/stories/en/',
    'content/stories/fr/',
  ]);
  expect(pictures).toHaveLength(1);
  for (const path of stories) {
    const { data, body } = frontmatter(files[path]?.toString('utf8') ?? '');
    const result = storyFileSchema(join(root, path), pictures).safeParse(data);
    expect(result.error?.issues ?? [], path).toEqual([]);
    expect(body.trim().length, `${path} body`).toBeGreaterThan(10);
  }
  expect(files[pictures[0] ?? '']?.equals(readFileSync(picture))).toBe(true);
  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});
