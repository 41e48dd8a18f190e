import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support';

/**
 * The JavaScript each entry page loads before it shows content, gzipped (what a phone downloads),
 * against its budget. Every figure is printed; one over its budget fails the test.
 */
const BUDGETS_KB = {
  // Issue 17: the portal's first page on a rural phone.
  'portal home (/m/)': 150,
  // The portal's form: the first page plus the form's own code (the map loads only when opened).
  'portal submit (/m/submit)': 260,
  // Issue 3: the console's sign-in page.
  'console sign-in (/)': 300,
  // The workbench a signed-in user lands on (the shell, its menu and the to-do lists).
  'console workbench (/ signed in)': 420,
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
