// Takes the screenshots of docs/publishing.md from the running site, so that the
// guide shows the editor as it is: `npm start`, then
//   npx node scripts/publishing-screenshots.ts [http://localhost:8888]
// The editor runs on its in-browser test backend, seeded with the working copy:
// nothing is committed anywhere.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { seedTestRepo, useTestBackend, workingCopy } from '../tests/support/editor.ts';

const base = process.argv[2] ?? 'http://localhost:8888';
const out = join(import.meta.dirname, '..', 'docs', 'images', 'publishing');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/images/publishing/${name}.png`);
};

try {
  // 1. What a member of staff sees first on the deployed site (GitHub sign-in).
  const signIn = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1200, height: 700 } });
  await signIn.goto(`${base}/admin/`);
  await signIn.getByRole('button', { name: /GitHub/ }).waitFor();
  await shot(signIn, '1-sign-in');

  // 2. The editor itself, with the site's content (one context: one test repository).
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1200, height: 760 },
  });
  await useTestBackend(context);
  const page = await context.newPage();
  await page.goto(`${base}/robots.txt`);
  await seedTestRepo(page, workingCopy('content/programmes', 'content/stories', 'content/podcast'));
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: 'Travailler avec un dépôt de test' }).click();
  await page.getByText('Une matinée avec la clinique mobile').waitFor();
  await shot(page, '2-collections');

  await page.locator('button', { hasText: 'Nouveau' }).click();
  await page.getByLabel('Title', { exact: true }).first().fill('Un atelier de dessin');
  await page.getByLabel('Slug', { exact: true }).first().fill('un-atelier-de-dessin');
  await shot(page, '3-new-story-french');

  await page.getByRole('group', { name: /Hero/ }).first().scrollIntoViewIfNeeded();
  await page
    .getByRole('textbox', { name: 'Picture description (alt text)', exact: true })
    .first()
    .fill('Des feuilles de dessin et des crayons posés sur une table.');
  await shot(page, '4-picture-and-alt-text');

  await page.getByRole('radio', { name: 'Anglais' }).first().click();
  await page.getByLabel('Title', { exact: true }).first().fill('A drawing workshop');
  await shot(page, '5-english');

  const episodes = await context.newPage();
  await episodes.goto(`${base}/admin/`);
  const testRepo = episodes.getByRole('button', { name: 'Travailler avec un dépôt de test' });
  if (await testRepo.isVisible()) await testRepo.click();
  await episodes.getByText('Podcast episodes').click();
  await episodes
    .getByText(/Le matin/)
    .first()
    .click();
  await episodes
    .getByRole('group', { name: /Recording/ })
    .first()
    .scrollIntoViewIfNeeded();
  await shot(episodes, '6-episode');
} finally {
  await browser.close();
}
