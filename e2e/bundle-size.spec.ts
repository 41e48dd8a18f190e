import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support';

/**
 * The JavaScript each entry page loads before it shows content, gzipped (what a phone downloads),
 * against its budget. Every figure is printed; one over its budget fails the test.
 */
const BUDGETS_KB = {
  // Issue 17: the portal's first page on a rural phone (plain markup, no Ant Design): 113 KB.
  'portal home (/m/)': 150,
  // The portal's form: Ant Design's form controls, upload and tree select (the map loads only when
  // opened). 451 KB while every entry loaded core's whole API table and Zod; 368 KB since pages take
  // only the vocabularies they use (contracts/values.ts) and no schema. A budget with 3 % room.
  'portal submit (/m/submit)': 380,
  // Issue 3: the console's sign-in page (React, Ant Design's form, the session): 248 KB.
  'console sign-in (/)': 260,
  // The workbench a signed-in user lands on (the shell, its menu and the to-do lists): 559 KB with
  // every module's contracts, 486 KB without. A budget with 3 % room.
  'console workbench (/ signed in)': 500,
} as const;
type Entry = keyof typeof BUDGETS_KB;

/** Collects the gzipped size of every script the page fetches while `load` runs. */
async function scriptsWhile(page: Page, load: () => Promise<void>): Promise<{ count: number; kb: number }> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const listener = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void sizes.set(response.url(), gzipSync(body, { level: 9 }).length)).catch(() => undefined));
  };
  page.on('response', listener);
  await load();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', listener);
  return { count: sizes.size, kb: [...sizes.values()].reduce((a, b) => a + b, 0) / 1024 };
}

const figures: Array<{ entry: Entry; count: number; kb: number }> = [];

function check(entry: Entry, measured: { count: number; kb: number }) {
  figures.push({ entry, ...measured });
  const budget = BUDGETS_KB[entry];
  console.log(`${entry}: ${measured.count} scripts, ${measured.kb.toFixed(1)} KB gzipped (budget ${budget} KB, ${((measured.kb / budget) * 100).toFixed(0)} %)`);
  expect(measured.count).toBeGreaterThan(0);
  expect(measured.kb, `${entry} is over its budget`).toBeLessThanOrEqual(budget);
}

test.describe('phone entries', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the portal home stays within its budget', async ({ page }) => {
    check('portal home (/m/)', await scriptsWhile(page, async () => {
      await page.goto('/m/');
      await expect(page.getByText('我要反映').first()).toBeVisible();
    }));
  });
  test('the portal form stays within its budget', async ({ page }) => {
    check('portal submit (/m/submit)', await scriptsWhile(page, async () => {
      await page.goto('/m/submit');
      await expect(page.getByLabel('问题描述')).toBeVisible();
    }));
  });
});

test('the console sign-in page stays within its budget', async ({ page }) => {
  check('console sign-in (/)', await scriptsWhile(page, async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
  }));
});

test('the console workbench stays within its budget', async ({ page }) => {
  check('console workbench (/ signed in)', await scriptsWhile(page, async () => {
    await signIn(page, 'dispatcher', { timeout: 30_000 });
    await expect(page.getByTestId('workbench')).toBeVisible();
  }));
});

test.afterAll(() => {
  if (figures.length) console.log(`bundle figures: ${figures.map((f) => `${f.entry} ${f.kb.toFixed(1)}/${BUDGETS_KB[f.entry]} KB`).join('; ')}`);
});

// — page timings — time to content (the page's first meaningful element visible) and bytes transferred,
// printed for the report; on a shared two-core test machine these are upper bounds, not the budget.
test('prints the time to content of the main pages', async ({ browser }) => {
  test.setTimeout(180_000);
  const lines: string[] = [];
  const measure = async (name: string, page: Page, path: string, ready: () => Promise<void>) => {
    let bytes = 0;
    const onResponse = (r: import('@playwright/test').Response) => {
      const length = Number(r.headers()['content-length'] ?? 0);
      bytes += Number.isFinite(length) ? length : 0;
    };
    page.on('response', onResponse);
    const start = Date.now();
    await page.goto(path);
    await ready();
    const ms = Date.now() - start;
    page.off('response', onResponse);
    lines.push(`${name}: ${ms} ms to content${bytes ? `, ${(bytes / 1024).toFixed(0)} KB with a length header` : ''}`);
    expect(ms).toBeLessThan(30_000);
  };
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const portal = await phone.newPage();
  await measure('portal home, first visit', portal, '/m/', () => expect(portal.getByText('我要反映').first()).toBeVisible());
  await measure('portal home, warm', portal, '/m/', () => expect(portal.getByText('我要反映').first()).toBeVisible());
  await phone.close();

  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await signIn(page, 'registrar', { timeout: 30_000 });
  await measure('register, first visit', page, '/register', () => expect(page.getByTestId('register-form')).toBeVisible());
  await page.context().clearCookies();
  await signIn(page, 'dispatcher', { timeout: 30_000 });
  await measure('ledger, cold', page, '/cases', () => expect(page.getByTestId('case-table').locator('tbody tr').nth(2)).toBeVisible());
  await measure('ledger, warm', page, '/cases', () => expect(page.getByTestId('case-table').locator('tbody tr').nth(2)).toBeVisible());
  await page.context().clearCookies();
  await signIn(page, 'leader', { timeout: 30_000 });
  await measure('figures', page, '/figures', () => expect(page.getByTestId('ranking-table').locator('tbody tr.ant-table-row').first()).toBeVisible());
  await desk.close();
  console.log(`page timings:\n  ${lines.join('\n  ')}`);
});
