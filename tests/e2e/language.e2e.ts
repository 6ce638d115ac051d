import { expect, test } from '@playwright/test';

test.describe('choosing a language', () => {
  test('Hebrew turns the page right-to-left and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(html).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('status')).toContainText('Storage: pglite');

    await page.getByLabel('Language').selectOption('he');
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(html).toHaveAttribute('lang', 'he');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'מיזוג ידע מניסיון חיים וידע מקצועי לממצאים משותפים',
    );

    await page.reload();
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(page.getByLabel('שפה')).toHaveValue('he');
    await expect(page.getByRole('status')).toContainText('אחסון: pglite');
    // Logical CSS: the status box's accent border sits on the right in RTL.
    const border = await page
      .getByRole('region', { name: 'מצב השרת' })
      .evaluate((el) => getComputedStyle(el).borderRightWidth);
    expect(border).toBe('4px');
  });

  test('Arabic is right-to-left too, and English brings left-to-right back', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.getByLabel('اللغة').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  });

  test('a first visit follows the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'he-IL' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await context.close();
  });

  test('an unknown address shows a translated not-found page', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: baseURL! }]);
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
  });
});
