// What a keyboard user meets: the skip link, visible focus, the language
// switcher, and not-found pages in the reader's language.
import { expect, test, type Page } from '@playwright/test';
import { pathAndQuery } from '../support/paths.ts';

/** Presses Tab until the focused element matches `selector`; false if it never does. */
async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<boolean> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return true;
    }
  }
  return false;
}

/** A French page other than home that has an English version, a programme if there is one. */
async function translatedFrenchPage(page: Page): Promise<string> {
  const sitemap = await (await page.request.get('/sitemap.xml')).text();
  const french = [...sitemap.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)]
    .map((match) => pathAndQuery(match[1] ?? '/'))
    .filter((path) => path !== '/' && !path.startsWith('/en/'));
  const path = french.find((p) => p.includes('programme')) ?? french[0];
  if (path === undefined) throw new Error('sitemap.xml lists no French page but home');
  return path;
}

for (const home of ['/', '/en/']) {
  test(`the first Tab on ${home} focuses a skip link that moves focus to the main content`, async ({
    page,
  }) => {
    await page.goto(home);

    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    const href = await skip.getAttribute('href');
    await page.keyboard.press('Enter');
    // Focus lands on <main> (tabindex="-1") or, failing that, the next Tab starts inside it.
    let inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    if (!inMain) {
      await page.keyboard.press('Tab');
      inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    }

    expect(href, 'the first focusable element is an in-page link').toMatch(/^#./);
    await expect(page.locator(href ?? 'main')).toHaveCount(1);
    expect(inMain, 'focus moved to the main content').toBe(true);
  });
}

test('focused links show a visible focus indicator', async ({ page }) => {
  await page.goto('/');
  const checked: string[] = [];
  const missing: string[] = [];

  for (let press = 0; press < 15; press += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLAnchorElement)) return null;
      const look = () => {
        const style = getComputedStyle(element);
        const outline =
          style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
            : 'none';
        return { outline, boxShadow: style.boxShadow };
      };
      const focused = look();
      element.blur();
      const unfocused = look();
      element.focus({ focusVisible: true });
      return {
        link: `${element.textContent.trim()} (${element.getAttribute('href') ?? ''})`,
        visible:
          (focused.outline !== 'none' && focused.outline !== unfocused.outline) ||
          (focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow),
      };
    });
    if (found === null) continue;
    checked.push(found.link);
    if (!found.visible) missing.push(found.link);
  }

  expect(checked.length, 'links reached by Tab').toBeGreaterThan(3);
  expect(missing, 'links without a visible focus indicator').toEqual([]);
});

test('the language switcher is reachable by keyboard and opens the translated page, and back', async ({
  page,
}) => {
  const frenchPath = await translatedFrenchPage(page);
  await page.goto(frenchPath);
  const englishHref = await page
    .locator('link[rel="alternate"][hreflang="en"]')
    .getAttribute('href');
  const englishPath = pathAndQuery(englishHref ?? '');

  expect(await tabTo(page, 'a[hreflang="en"]'), 'Tab reaches the English link').toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === englishPath);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  expect(await tabTo(page, 'a[hreflang="fr"]'), 'Tab reaches the French link').toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === frenchPath);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('not-found pages answer 404 in the language of the path', async ({ page }) => {
  const english = await page.goto('/en/does-not-exist/');
  const englishHeading = await page.locator('h1').textContent();
  const englishLang = await page.locator('html').getAttribute('lang');
  const french = await page.goto('/nexiste-pas/');
  const frenchHeading = await page.locator('h1').textContent();
  const frenchLang = await page.locator('html').getAttribute('lang');

  expect(english?.status()).toBe(404);
  expect(englishLang).toBe('en');
  expect(french?.status()).toBe(404);
  expect(frenchLang).toBe('fr');
  expect(englishHeading?.trim()).toBeTruthy();
  expect(englishHeading, 'the English 404 is not the French one').not.toBe(frenchHeading);
});
