import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Issue 3's budget: the JavaScript a browser loads to show the sign-in page, gzipped.
const BUDGET_KB = 300;

test(`the sign-in page loads under ${BUDGET_KB} KB of gzipped JavaScript`, async ({ page }) => {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body();
    scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const totalKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
  console.log(`sign-in page: ${scripts.size} scripts, ${totalKb.toFixed(1)} KB gzipped`);
  expect(scripts.size).toBeGreaterThan(0);
  expect(totalKb).toBeLessThan(BUDGET_KB);
});
