import { expect, test } from '@playwright/test';
import { keepScreenshot, signIn } from './support';

test('full-text search finds two-character words and highlights them', async ({ page }) => {
  await signIn(page, 'dispatcher');
  await page.getByTestId('main-menu').getByText('检索').click();
  await page.getByTestId('search-input').locator('input').fill('低保');
  await page.getByTestId('search-input').locator('input').press('Enter');
  const results = page.getByTestId('search-results');
  await expect(results.locator('mark').first()).toHaveText('低保');
  await expect(page).toHaveURL(/\/search\?q=%E4%BD%8E%E4%BF%9D/);
  await keepScreenshot(page, 'search');
  // The link opens the case.
  await results.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/cases\/[\w-]+$/);
});
