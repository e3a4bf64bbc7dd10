// Registering for a training session as a person without JavaScript meets it:
// the form, "check your email", the email in the local outbox with the link
// that confirms the address (GET shows a button, POST gives the seat), the
// confirmation with its invitation, the cancellation link (GET shows a button,
// POST cancels).
import { expect, test } from '@playwright/test';

const unique = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('registers for a session, confirms the address from the email, then cancels through its link', async ({
    page,
  }) => {
    const email = unique('registrant');
    await page.goto('/formations/2027-01-16-accueil-benevoles-calais/');
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

    // The session may already be full from an earlier run on the same server.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      /Votre inscription est confirmée|Vous êtes sur la liste d’attente/,
    );

    await page.goto('/api/outbox');
    const rows = page.locator('tr', { hasText: email });
    await expect(rows).toHaveCount(2);
    await rows
      .filter({ hasText: /confirmée|Liste d’attente/ })
      .locator('td a')
      .first()
      .click();
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
      await page.goto('/en/training/2027-01-16-accueil-benevoles-calais/');
      await page.fill('#registration-name', 'Sam Taylor');
      await page.fill('#registration-email', email);
      await page.check('#registration-consent');
      await page.getByRole('button', { name: 'Register' }).click();
    }

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are already registered');
  });
});

test('shows the seats left when JavaScript is on', async ({ page }) => {
  await page.goto('/en/training/2027-01-16-accueil-benevoles-calais/');

  await expect(page.locator('.seats-left')).toHaveText(
    /Seats left: \d+\.|Full: join the waiting list/,
  );
});
