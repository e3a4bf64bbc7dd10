// What a real browser sends when another site's page posts one of our forms,
// and what the functions' own pages look like under their Content-Security-Policy.
import { expect, test } from '@playwright/test';

const unique = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

test('a form on another site cannot post an application through its visitor’s browser', async ({
  page,
  baseURL,
}) => {
  const email = unique('cross-site');
  // A third-party page, served by the test itself: nothing leaves this machine.
  await page.route('http://elsewhere.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Win a prize</title>
        <form method="post" action="${baseURL ?? ''}/api/observers">
          <input name="locale" value="en"><input name="name" value="Your donation failed">
          <input name="email" value="${email}"><button>Claim</button>
        </form></html>`,
    }),
  );
  await page.goto('http://elsewhere.test/');

  await page.getByRole('button', { name: 'Claim' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Envoi refusé');
  await page.goto('/api/outbox');
  await expect(page.locator('tr', { hasText: email })).toHaveCount(0);
});

test('a page the functions render keeps its style under its policy, with no violation', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  const response = await page.goto('/api/erasure?token=not-a-token');

  expect(response?.status()).toBe(400);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  // The layout's CSS applied: main is 40rem wide at most.
  expect(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).toBe(
    '640px',
  );
  expect(violations).toEqual([]);
});
