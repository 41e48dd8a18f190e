import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, signIn } from './support';

test.setTimeout(400_000);
const FIRST_LOAD = { timeout: 60_000 };
const DAY = 86_400_000;

/** The four members: 民政局 and 住建局, a handler and a head each. */
const MEMBERS = [
  { id: 'user-handler', name: '赵丽娟' },
  { id: 'user-unithead', name: '钱卫东' },
  { id: 'user-zhujian.handler', name: '孙建平' },
  { id: 'user-zhujian.head', name: '杨振华' },
];

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username, FIRST_LOAD);
}

/** Scores one member from one source through the dialog (the same value for each of 德能勤绩廉, but 绩). */
async function scoreIn(page: Page, source: string, userId: string, value: number) {
  await page.getByTestId(`score-${source}-${userId}`).click();
  const form = page.getByTestId('score-form');
  await expect(form).toBeVisible();
  const inputs = form.getByRole('spinbutton');
  for (let i = 0; i < 5; i++) await inputs.nth(i).fill(String(i === 3 ? value - 3 : value));
  await form.getByTestId('score-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId(`score-${source}-${userId}`)).toContainText('✓');
}

const pdfText = async (path: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(path))), { mergePages: true })).text.replace(/\s+/g, '');

test('the organisation department runs a full evaluation cycle with all four sources and downloads the ranked report as Excel and PDF', async ({ page, browser, baseURL }) => {
  const { now } = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = day(Date.parse(now) - 180 * DAY);
  const to = day(Date.parse(now));

  // 1. The organisation department opens a half-year cycle over two departments.
  await signIn(page, 'zuzhibu', FIRST_LOAD);
  await page.getByTestId('main-menu').getByText('干部考核').click();
  const form = page.getByTestId('cycle-form');
  await expect(form).toBeVisible(FIRST_LOAD);
  await page.getByTestId('cycle-name').fill('2026年上半年机关干部考核');
  await choose(page, form.locator('.ant-select').first(), '半年');
  const range = form.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(from);
  await range.first().press('Enter');
  await range.nth(1).fill(to);
  await range.nth(1).press('Enter');
  await selectPopupsClosed(page);
  const units = page.getByTestId('cycle-units');
  await choose(page, units, '青溪县民政局', { search: '民政局' });
  await selectPopupsClosed(page);
  await choose(page, units, '青溪县住房和城乡建设局', { search: '住房' });
  await selectPopupsClosed(page);
  await form.getByTestId('weight-excellentShare').fill('25');
  await page.getByTestId('cycle-create').click();
  await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}$/, FIRST_LOAD);
  const cycleId = page.url().split('/').pop()!;
  await expect(page.getByTestId('members-table')).toContainText('杨振华');

  // 2. 组织督评, with each member's objective figures beside the scoring.
  await page.getByTestId('figures-user-handler').click();
  await expect(page.getByTestId('figures')).toContainText('承办件数');
  await keepScreenshot(page, 'evaluation-figures');
  await page.keyboard.press('Escape');
  for (const [i, m] of MEMBERS.entries()) await scoreIn(page, 'organisation', m.id, 92 - i * 4);

  // 3. 领导评议: the county leader scores each member.
  await switchTo(page, 'leader');
  await page.goto(`/evaluation/${cycleId}`);
  await expect(page.getByTestId('members-table')).toBeVisible(FIRST_LOAD);
  for (const [i, m] of MEMBERS.entries()) await scoreIn(page, 'leader', m.id, 95 - i * 5);

  // 4. 干部互评: colleagues of one unit score each other, never themselves.
  await switchTo(page, 'handler');
  await page.goto(`/evaluation/${cycleId}`);
  await expect(page.getByTestId('members-table')).toBeVisible(FIRST_LOAD);
  await expect(page.getByTestId('score-peer-user-handler')).toHaveCount(0);
  await expect(page.getByTestId('score-peer-user-zhujian.handler')).toHaveCount(0);
  await scoreIn(page, 'peer', 'user-unithead', 85);
  await switchTo(page, 'unithead');
  await page.goto(`/evaluation/${cycleId}`);
  await scoreIn(page, 'peer', 'user-handler', 90);
  const zhujian = await apiAs(baseURL!, 'zhujian.handler');
  await zhujian.post(`/api/evaluation/cycles/${cycleId}/scores`, { memberUserId: 'user-zhujian.head', source: 'peer', items: { de: 80, neng: 80, qin: 80, ji: 80, lian: 80 } });
  await zhujian.dispose();

  // 5. 群众测评: residents' case evaluations of the period count; the survey link is open on the portal.
  const resident = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const phone = await resident.newPage();
  await phone.goto(`/m/survey/${cycleId}`);
  await expect(phone.getByTestId('survey-cadres')).toContainText('钱卫东', FIRST_LOAD);
  await expect(phone.getByTestId('survey-cadres')).toContainText('青溪县民政局');
  await phone.getByTestId('survey-phone').fill(`139${String(Date.now() % 100_000_000).padStart(8, '0')}`);
  await phone.getByTestId('survey-send').click();
  await expect(phone.getByText(/验证码已发送/)).toBeVisible();
  await keepScreenshot(phone, 'evaluation-survey');
  await resident.close();

  // 6. The organisation closes the cycle: ranks within the peer group, grades by the quotas.
  await switchTo(page, 'zuzhibu');
  await page.goto(`/evaluation/${cycleId}`);
  await expect(page.getByTestId('cycle-progress')).toContainText('领导评议 4 份', FIRST_LOAD);
  await page.getByTestId('cycle-close').click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  const results = page.getByTestId('results-table');
  await expect(results).toBeVisible(FIRST_LOAD);
  await expect(results.locator('tbody tr.ant-table-row')).toHaveCount(4);
  await expect(results).toContainText('1 / 4');
  await expect(results.getByText('优秀')).toHaveCount(1);
  await keepScreenshot(page, 'evaluation-results');
  const rankedNames = await results.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();

  // 7. The ranked report, as real Excel and PDF files with a row per person in rank order.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const xlsxPath = test.info().outputPath('report.xlsx');
  await (await xlsxDownload).saveAs(xlsxPath);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  const sheet = book.worksheets[0];
  expect(sheet.rowCount).toBe(2 + 4);
  const excelNames = [3, 4, 5, 6].map((r) => String(sheet.getRow(r).getCell(3).value));
  expect(excelNames).toEqual(rankedNames);
  expect(String(sheet.getRow(3).getCell(2).value)).toBe('1/4');
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const pdfPath = test.info().outputPath('report.pdf');
  await (await pdfDownload).saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 4).toString()).toBe('%PDF');
  const text = await pdfText(pdfPath);
  const positions = rankedNames.map((n) => text.indexOf(n));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  // 8. Each person sees their own result with its breakdown.
  await switchTo(page, 'handler');
  await page.getByTestId('main-menu').getByText('干部考核').click();
  // The demo county's closed quarter is among their results too; this cycle's is one card.
  const mine = page.getByTestId('my-result').filter({ hasText: '2026年上半年机关干部考核' });
  await expect(mine).toBeVisible(FIRST_LOAD);
  await expect(mine).toContainText('群众测评');
  await expect(mine).toContainText('干部互评');
  await keepScreenshot(page, 'evaluation-my-result');
});
