import { expect, test } from '@playwright/test';
import { keepScreenshot, signIn, signInWithForm } from './support';

test('sign-in page is Chinese first and refuses a wrong password in the chosen language', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
  await keepScreenshot(page, 'sign-in');
  await page.getByLabel('用户名').fill('dispatcher');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText(/用户名或密码|密码/);
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Sign in to Lianxin' })).toBeVisible();
});

test('the menu follows the roles, and signing out returns to sign-in', async ({ page }) => {
  await signInWithForm(page, 'dispatcher');
  const menu = page.getByTestId('main-menu');
  await expect(menu.getByText('派单')).toBeVisible();
  await expect(menu.getByText('系统管理')).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
});

test('an expired session returns to sign-in with the reason, in the user’s language', async ({ page, context }) => {
  await signIn(page, 'registrar');
  await expect(page.getByTestId('current-user')).toBeVisible();
  // The server forgets the session (as after 12 hours); the next call gets 401.
  await context.clearCookies();
  // A background call (the bell's live stream, a card's refresh) may meet the 401 before the click
  // does; either way the user lands on sign-in with the reason.
  await page.getByTestId('main-menu').getByText('台账').dispatchEvent('click', undefined, { timeout: 3_000 }).catch(() => undefined);
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
  await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the menu opens from a button and nothing scrolls sideways', async ({ page }) => {
    await signIn(page, 'cadre');
    await page.getByTestId('menu-button').click();
    await page.getByTestId('main-menu').getByText('台账').click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByTestId('main-menu')).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'shell-390');
  });
});
