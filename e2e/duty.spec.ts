import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(300_000);
const FIRST_LOAD = { timeout: 60_000 };
const DAY = 86_400_000;

/** The China-time date `days` from today. */
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
/** Next week's Monday, China time. */
function nextMonday(): string {
  const today = chinaDate(0);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return chinaDate(7 - ((weekday + 6) % 7));
}

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username, FIRST_LOAD);
}

/** Types a date into an Ant Design date picker and closes its popup. */
async function typeDate(page: Page, input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
}

test('a unit head builds next week’s roster, the duty person asks for a swap, the head approves it; the roster goes to Excel and PDF', async ({ page }) => {
  const monday = nextMonday();
  await signIn(page, 'unithead', FIRST_LOAD);
  await expect(page.getByTestId('duty-today')).toBeVisible(FIRST_LOAD); // the workbench card
  await page.goto('/duty');
  await expect(page.getByTestId('duty-title')).toBeVisible(FIRST_LOAD);
  await page.getByTestId('duty-next-week').click();
  await expect(page.getByTestId(`slot-${monday}-day`)).toBeVisible();
  await choose(page, page.getByTestId(`pick-${monday}-day`), '赵丽娟');
  await choose(page, page.getByTestId(`pick-${monday}-night`), '钱卫东');
  const gapsBefore = await page.getByTestId('duty-gaps').textContent();
  await page.getByTestId('duty-save').click();
  await expect(page.getByText('排班已保存')).toBeVisible();
  await expect(page.getByTestId('duty-gaps')).not.toHaveText(gapsBefore ?? '');
  await keepScreenshot(page, 'duty-roster');

  const xlsx = page.waitForEvent('download');
  await page.getByTestId('duty-xlsx').click();
  expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  const pdf = page.waitForEvent('download');
  await page.getByTestId('duty-pdf').click();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);

  // The handler on Monday's day shift asks 钱卫东 to take it.
  await switchTo(page, 'handler');
  await page.goto('/duty');
  await page.getByTestId('duty-next-week').click();
  await page.getByTestId(`ask-swap-${monday}-day`).click();
  const form = page.getByTestId('swap-form');
  await choose(page, form.getByTestId('swap-to'), '钱卫东');
  await form.getByLabel('调班事由').fill('当天需陪家人就医');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByTestId(`slot-${monday}-day`)).toContainText('调班待批');

  // The head approves; the shift passes to him.
  await switchTo(page, 'unithead');
  await page.goto('/duty');
  await page.getByTestId('duty-next-week').click();
  const swaps = page.getByTestId('duty-swaps');
  await expect(swaps).toContainText('当天需陪家人就医');
  await swaps.getByRole('button', { name: /^批\s*准$/ }).first().click();
  await expect(swaps).toContainText('批准');
  await expect(page.getByTestId(`pick-${monday}-day`)).toContainText('钱卫东');
  await keepScreenshot(page, 'duty-swap-approved');
});

test('a cadre applies for leave, the head approves, and their open cases are handed to a colleague in one action, with events', async ({ page, baseURL }) => {
  // An open case of 赵丽娟 (handler of 民政局).
  const registrar = await apiAs(baseURL!, 'registrar');
  const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'phone',
    kind: 'help',
    categoryCode: 'social.dibao',
    title: '请假转办测试：低保复核进度',
    content: '请假转办测试。家中老人长期患病，申请低保复核两个月没有消息，希望尽快告知进度。',
    requester: { name: '李桂兰', phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    areaCode: '369901100201',
    address: '城关镇城郊村下屋组 9 号',
  });
  await registrar.dispose();
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng' });
  await dispatcher.dispose();
  const handler = await apiAs(baseURL!, 'handler');
  await handler.post(`/api/cases/${created.id}/accept`, {});
  await handler.dispose();

  await signIn(page, 'handler', FIRST_LOAD);
  await page.goto('/leave');
  await expect(page.getByTestId('leave-title')).toBeVisible(FIRST_LOAD);
  const form = page.getByTestId('leave-form');
  await choose(page, form.getByTestId('leave-kind'), '病假');
  await typeDate(page, form.getByLabel('开始日期'), chinaDate(1));
  await typeDate(page, form.getByLabel('结束日期'), chinaDate(3));
  await form.getByTestId('leave-reason').fill('发烧住院');
  await page.getByTestId('leave-apply').click();
  await expect(page.getByTestId('leave-mine')).toContainText('待审批');

  await switchTo(page, 'unithead');
  await page.goto('/leave?tab=approve');
  const approvals = page.getByTestId('leave-approvals');
  const row = approvals.locator('tr').filter({ hasText: '赵丽娟' }).filter({ hasText: '发烧住院' });
  await row.getByRole('button', { name: /^批\s*准$/ }).click();
  await expect(row).toContainText('已批准');
  await row.getByRole('button', { name: '在办件转办' }).click();
  const modal = page.getByTestId('reassign-modal');
  await expect(modal).toContainText(created.code);
  await choose(page, modal.getByTestId('reassign-to'), '钱卫东');
  await keepScreenshot(page, 'leave-reassign');
  await page.getByRole('button', { name: /全部转办/ }).click();
  await expect(page.getByText(/已转办 \d+ 件/)).toBeVisible();

  // The case records the handover.
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByText('请假转办').first()).toBeVisible(FIRST_LOAD);
});
