// Registering for a training session as a person without JavaScript meets it:
// the form, "check your email", the email in the local outbox with the link
// that confirms the address (GET shows a button, POST gives the seat), the
// confirmation with its invitation, the cancellation link (GET shows a button,
// POST cancels).
import { expect, test } from '@playwright/test';
import { openSession } from '../support/test-sessions.ts';

// The tests' own session, dated from the build: see tests/support/test-sessions.ts.
const frenchPage = `/formations/${openSession.slug}/`;
const englishPage = `/en/training/${openSession.slug}/`;

const unique = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('registers for a session, confirms the address from the email, then cancels through its link', async ({
    page,
  }) => {
    const email = unique('registrant');
    await page.goto(frenchPage);
    await page.fill('#registration-name', 'Camille Martin');
    await page.fill('#registration-email', email);
    await page.check('#registration-consent');
    await page.getByRole('button', { name: 'M’inscrire' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Confirmez votre adresse email',
    );
    await page.goto('/api/outbox');
    await page.locator('tr', { hasText: email }).locator('td a').first().click();
    const verify = page.locator('a[href*="/api/registrations/verify?token="]').first();
    const verifyHref = (await verify.getAttribute('href')) ?? '';
    await page.goto(new URL(verifyHref).pathname + new URL(verifyHref).search);
    await page.getByRole('button', { name: 'Confirmer et demander ma place' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Votre inscription est confirmée',
    );

    await page.goto('/api/outbox');
    const rows = page.locator('tr', { hasText: email });
    await expect(rows).toHaveCount(2);
    await rows.filter({ hasText: 'confirmée' }).locator('td a').first().click();
    const link = page.locator('a[href*="/api/registrations/cancel?token="]').first();
    const href = (await link.getAttribute('href')) ?? '';
    await page.goto(new URL(href).pathname + new URL(href).search);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuler votre inscription');
    await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Votre inscription est annulée',
    );
  });

  test('shows a friendly page to someone who registers twice', async ({ page }) => {
    const email = unique('twice');
    for (const _ of [1, 2]) {
      await page.goto(englishPage);
      await page.fill('#registration-name', 'Sam Taylor');
      await page.fill('#registration-email', email);
      await page.check('#registration-consent');
      await page.getByRole('button', { name: 'Register' }).click();
    }

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are already registered');
  });
});

test.describe('seats left without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the count of the build on the list and the session page, and says so', async ({
    page,
  }) => {
    await page.goto('/formations/');
    const card = page.locator(`li#${openSession.slug}`);

    await expect(card.locator('.seats-left')).toHaveText(
      /^\d+ places restantes sur 500, à la construction du site \(.+ à \d{2}:\d{2}\)\.$/,
    );
    await page.goto(englishPage);
    await expect(page.locator('.seats-left')).toHaveText(
      /^\d+ of 500 seats left when the site was built \(.+ at \d{2}:\d{2}\)\.$/,
    );
  });
});

test('shows the live count of seats left on the session page and on the list', async ({ page }) => {
  await page.goto(englishPage);

  await expect(page.locator('.seats-left')).toHaveText(/^\d+ of 500 seats left\.$/);
  await page.goto('/en/training/');
  await expect(page.locator(`li#${openSession.slug} .seats-left`)).toHaveText(
    /^\d+ of 500 seats left\.$/,
  );
});

test('replaces the form with a notice once registration closes, if the page is still open', async ({
  page,
}) => {
  // The test session closes when it starts, at 09:30 Paris time on its day.
  const closes = Date.parse(
    (await (await page.request.get(frenchPage)).text()).match(
      /data-registration-closes="([^"]+)"/,
    )?.[1] ?? '',
  );
  await page.clock.install({ time: closes - 60_000 });
  await page.goto(frenchPage);
  await expect(page.locator('form.signup-form')).toBeVisible();

  await page.clock.runFor(60_000);

  await expect(page.locator('form.signup-form')).toBeHidden();
  await expect(
    page.getByText('Les inscriptions à cette session sont closes depuis le'),
  ).toBeVisible();
});
