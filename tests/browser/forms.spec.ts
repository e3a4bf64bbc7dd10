// The sign-up forms as an applicant meets them, with JavaScript and without:
// submit, land on the thank-you page, find the email in the local outbox,
// follow its erasure link, confirm, and see the record gone from the store.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LocalStore } from '../../src/server/adapters/local-store.ts';
import { visitFrom, visitTo } from '../support-server/forms.ts';

const storeFile = join(import.meta.dirname, '..', '..', '.data', 'test', 'store.sqlite');
const unique = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

async function fillVolunteer(page: Page, email: string) {
  await page.fill('#volunteer-name', 'Camille Martin');
  await page.fill('#volunteer-email', email);
  await page.selectOption('#volunteer-profession', 'nurse');
  await page.selectOption('#volunteer-languages', 'fluent');
  await page.selectOption('#volunteer-lang-fr', 'native');
  await page.check('#volunteer-site-either');
  await page.check('#volunteer-availability');
  await page.check('#volunteer-availability-weekends');
  await page.selectOption('#volunteer-frequency', 'fortnightly');
  await page.fill(
    '#volunteer-motivation',
    'Infirmière, je veux aider les personnes exilées à se soigner.',
  );
  await page.check('#volunteer-consent');
}

async function fillObserver(page: Page, email: string) {
  await page.fill('#observer-name', 'Sam Taylor');
  await page.fill('#observer-email', email);
  await page.selectOption('#observer-profile', 'journalist');
  await page.fill('#observer-organisation', 'Coastal <Weekly>');
  await page.fill('#observer-project', 'A long-form article on access to care on the coast.');
  await page.check('#observer-formats');
  await page.fill('#observer-dateFrom', visitFrom);
  await page.fill('#observer-dateTo', visitTo);
  await page.check('#observer-charter');
  await page.check('#observer-consent');
}

/** Opens the applicant's email in the outbox page, follows the erasure link and confirms. */
async function eraseThroughOutbox(
  page: Page,
  email: string,
  texts: { erase: RegExp; button: string; done: string },
) {
  await page.goto('/api/outbox');
  const row = page.locator('tr', { hasText: email });
  await expect(row).toHaveCount(1);
  await row.locator('td a').first().click();

  const link = page.getByRole('link', { name: texts.erase });
  const token = new URL((await link.getAttribute('href')) ?? '').searchParams.get('token') ?? '';
  const id = token.split('.')[1] ?? '';
  const store = new LocalStore({ file: storeFile });
  try {
    expect((await store.find(id))?.email).toBe(email);
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    // The link shows what we hold before it offers to erase it (right of access).
    await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();
    await page.getByRole('button', { name: texts.button }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.done);
    expect(await store.find(id)).toBeNull();
    // Followed again, the link says the data is erased and offers nothing more.
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.done);
    await expect(page.getByRole('button')).toHaveCount(0);
  } finally {
    store.close();
  }
}

test.describe('with JavaScript', () => {
  // A person takes more than a few seconds on a form; the page's clock says so,
  // or the server would keep the sign-up apart as too fast to be human.
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: new Date(Date.now() - 60_000) });
  });

  test('a French volunteer applies, gets the email and erases the application', async ({
    page,
  }) => {
    const email = unique('volunteer-js');
    await page.goto('/nous-rejoindre/benevole/');

    await fillVolunteer(page, email);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    await expect(page).toHaveURL(/\/nous-rejoindre\/merci\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Merci');
    await eraseThroughOutbox(page, email, {
      erase: /effacer ma candidature/,
      button: 'Effacer ma candidature',
      done: 'Votre candidature est effacée',
    });
  });

  test('a volunteer who goes back and sends the same form again gets one email', async ({
    page,
  }) => {
    const email = unique('volunteer-again');
    await page.goto('/nous-rejoindre/benevole/');
    await fillVolunteer(page, email);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await expect(page).toHaveURL(/\/nous-rejoindre\/merci\/$/);

    await page.goBack();
    await expect(page.locator('#volunteer-email')).toHaveValue(email);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    await expect(page).toHaveURL(/\/nous-rejoindre\/merci\/$/);
    await page.goto('/api/outbox');
    await expect(page.locator('tr', { hasText: email })).toHaveCount(1);
  });

  test('an empty form shows a focused error summary linking to each field', async ({ page }) => {
    await page.goto('/nous-rejoindre/benevole/');

    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(page.locator('#volunteer-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#volunteer-email-error')).toHaveText(/adresse e-mail valide/);
    await summary.getByRole('link', { name: /adresse e-mail valide/ }).click();
    await expect(page.locator('#volunteer-email')).toBeFocused();
    const audit = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .include('form')
      .analyze();
    expect(
      audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  test('a field left wrong shows its message when the applicant moves on, and clears once fixed', async ({
    page,
  }) => {
    await page.goto('/en/join-us/observer/');

    await page.fill('#observer-email', 'not-an-address');
    await page.locator('#observer-email').blur();
    await expect(page.locator('#observer-email-error')).toHaveText(/valid email address/);
    await page.fill('#observer-email', 'sam@example.org');
    await page.locator('#observer-email').blur();

    await expect(page.locator('#observer-email-error')).toBeHidden();
    await expect(page.locator('#observer-email')).not.toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an English observer applies, gets the email and erases the application', async ({
    page,
  }) => {
    const email = unique('observer-nojs');
    await page.goto('/en/join-us/observer/');

    await fillObserver(page, email);
    await page.getByRole('button', { name: 'Send my request' }).click();

    await expect(page).toHaveURL(/\/en\/join-us\/thank-you\/$/);
    await eraseThroughOutbox(page, email, {
      erase: /erase my application/,
      button: 'Erase my application',
      done: 'Your application is erased',
    });
  });

  test('a French volunteer applies with the plain form post', async ({ page }) => {
    const email = unique('volunteer-nojs');
    await page.goto('/nous-rejoindre/benevole/');

    await fillVolunteer(page, email);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    await expect(page).toHaveURL(/\/nous-rejoindre\/merci\/$/);
    await page.goto('/api/outbox');
    await expect(page.locator('tr', { hasText: email })).toContainText(
      'Votre candidature de bénévole',
    );
  });
});
