import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { signIn } from './support';

// WCAG 2.1 AA by axe: 0 serious or critical violations on the portal (a phone) and the main console pages (a desktop).
test.describe('the portal on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const [path, name, ready] of [
    ['/m/', 'portal-home', '我要反映'],
    ['/m/submit', 'portal-submit', '问题描述'],
    ['/m/track', 'portal-track', '查询码'],
    ['/m/board', 'portal-board', '诉求公开栏'],
    ['/m/policies', 'portal-policies', '政策查询'],
    ['/m/reception', 'portal-reception', '领导接访日'],
    ['/m/bulletins', 'portal-bulletins', '通报'],
  ] as const) {
    test(`${name} has no serious accessibility violation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByText(ready).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, name);
    });
  }
});

test.describe('the console on a desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('the sign-in page has no serious accessibility violation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
    await expectAccessible(page, 'console-sign-in');
  });
  for (const [user, path, name, testId] of [
    ['dispatcher', '/', 'console-workbench', 'workbench'],
    ['dispatcher', '/cases', 'console-ledger', 'case-table'],
    ['dispatcher', '/dispatch', 'console-dispatch', null],
    ['registrar', '/register', 'console-register', 'register-form'],
    ['leader', '/figures', 'console-figures', null],
    ['cadre', '/households', 'console-households', null],
    ['cadre', '/visits', 'console-diary', null],
  ] as const) {
    test(`${name} has no serious accessibility violation`, async ({ page }) => {
      await signIn(page, user, { timeout: 30_000 });
      await page.goto(path);
      if (testId) await expect(page.getByTestId(testId).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, name);
    });
  }
});
