import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test';

/** Every demo account shares this password (README). */
export const DEMO_PASSWORD = 'Lianxin@2026';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Signs in through the real form; `timeout` for the signed-in shell to show (a busy machine may be slow). */
export async function signIn(page: Page, username: string, options: { timeout?: number } = {}): Promise<void> {
  // Through the API, sharing the page's cookies: the sign-in form itself is proven by shell.spec.ts
  // (signInWithForm), and every other journey saves the form's round trip.
  const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  await page.goto('/');
  await expect(page.getByTestId('current-user')).toBeVisible(options);
}

/** Signs in through the sign-in form, as a person does. */
export async function signInWithForm(page: Page, username: string): Promise<void> {
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
 * The open Ant Design select popup once its motion is over. A click while the popup is still
 * appearing (or another is leaving) is lost — the option list re-renders between mouse down and
 * up — so every choice waits for the popup to settle first.
 */
const SETTLED_POPUP = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * An option of the open Ant Design select, by its visible text. (Its role="option" elements are
 * an off-screen accessibility list that holds only the active option and its neighbours.)
 */
export function visibleOption(page: Page, text: string) {
  return page.locator(`${SETTLED_POPUP} .ant-select-item-option`).filter({ hasText: exactly(text) }).first();
}

/** Every option of the open, settled select popup (to filter by a pattern or take the first). */
export function settledOptions(page: Page) {
  return page.locator(`${SETTLED_POPUP} .ant-select-item-option`);
}

/** A node of the open Ant Design tree select, by its title. */
export function visibleTreeNode(page: Page, title: string) {
  return page.locator(`${SETTLED_POPUP} .ant-select-tree-node-content-wrapper`).filter({ hasText: exactly(title) }).first();
}

/**
 * Waits until no select popup is open or moving (one could lie over the next thing to click). A
 * popup that stays open (a multiple select) is closed by a click outside it: on the dialog's title
 * when a dialog is open (Escape or a click on the mask would close the dialog too), else on the
 * page's top-left corner.
 */
export async function selectPopupsClosed(page: Page): Promise<void> {
  await expect(page.locator('.ant-select-dropdown[class*="-leave"]')).toHaveCount(0);
  if ((await page.locator(SETTLED_POPUP).count()) > 0) {
    const dialogTitle = page.locator('.ant-modal-title, .ant-drawer-title').filter({ visible: true }).last();
    if ((await dialogTitle.count()) > 0) await dialogTitle.click();
    else await page.mouse.click(2, 2);
  }
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

/**
 * Chooses `text` in a select or tree select: opens it, types `search` if given, clicks the
 * settled option, and checks the choice shows in the select.
 */
export async function choose(page: Page, select: Locator, text: string, options: { search?: string; tree?: boolean } = {}): Promise<void> {
  await select.click();
  if (options.search) await page.keyboard.type(options.search);
  await (options.tree ? visibleTreeNode(page, text) : visibleOption(page, text)).click();
  await expect(select).toContainText(text);
}

/**
 * Picks a colleague in a staff select. The directory is searched on the server as one types; the
 * click waits for the answer (a list redrawn between mouse down and up loses the click), and the
 * option is found by its first line, the name (the unit is under it).
 */
export async function chooseStaff(page: Page, select: Locator, name: string): Promise<void> {
  const searched = page.waitForResponse((r) => r.url().includes('/api/staff?') && new URL(r.url()).searchParams.get('q') === name && r.ok());
  await select.click();
  await page.keyboard.type(name);
  await searched;
  await expect(settledOptions(page).filter({ hasNotText: name })).toHaveCount(0);
  await settledOptions(page).filter({ hasText: new RegExp(`^${name}`) }).first().click();
  await expect(select).toContainText(name);
}

/** Waits for a drawer's slide-in to end and shows the page from the top (for screenshots). */
export async function drawerSettled(page: Page): Promise<void> {
  const panel = page.locator('.ant-drawer-content-wrapper').filter({ visible: true });
  await expect(panel).toHaveCount(1);
  await expect.poll(() => panel.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The page does not scroll sideways (a phone-wide layout holds). */
export async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
