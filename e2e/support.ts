import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';

/** Every demo account shares this password (README). */
export const DEMO_PASSWORD = 'Lianxin@2026';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Signs in through the real form. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Keeps a full-page screenshot as a test artifact (not an assertion). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** An API client signed in as `username`, sending the CSRF header on writes. */
export async function apiAs(baseURL: string, username: string) {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    context,
    get: async <T = any>(path: string): Promise<T> => {
      const response = await context.get(path);
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    },
    post: async <T = any>(path: string, data: unknown = {}): Promise<T> => {
      const response = await context.post(path, { data, headers });
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
      return (response.status() === 204 ? undefined : await response.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}

/**
 * An option of the open Ant Design select, by its visible text. (Its role="option" elements are
 * an off-screen accessibility list that holds only the active option and its neighbours.)
 */
export function visibleOption(page: Page, text: string) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).first();
}
