import { readFileSync } from 'node:fs';
import { addLocalDays, localDate, mondayOf } from '@lianxin/core';
import { expect as baseExpect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiAs, choose, chooseStaff, DEMO_PASSWORD, keepScreenshot, noSidewaysScroll, selectPopupsClosed, signIn } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const stamp = String(Date.now()).slice(-6);
// 河口乡's villages (the demo's Wednesday office-day township), used by no other journey
// (柳湾村 is office-days.spec.ts's).
const SHANGPING = '369901200204'; // 上坪村: the fresh cadre of the compliance proof is stationed here
const DUTOU = '369901200202'; // 渡头村: the assignment form's village

type Week = { week: string; from: string; daysPresent: number; evaluated: boolean; compliant: boolean | null };
type Line = { cadre: { id: string }; flagged: boolean; weeks: Week[] };

/** Today on the server's clock, in China time (another journey may have moved the clock). */
async function serverToday(baseURL: string): Promise<string> {
  const { now } = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  return localDate(new Date(now));
}

/** A fresh stationed cadre of a village unit: no visit, check-in or assignment can predate the test. */
async function freshCadre(baseURL: string, name: string, village: string) {
  const admin = await apiAs(baseURL, 'admin');
  const username = `zc${stamp}${name.length}${Math.floor(Math.random() * 1000)}`;
  const user = await admin.post<{ id: string }>('/api/admin/users', { username, displayName: name, password: DEMO_PASSWORD, grants: [{ role: 'stationed_cadre', unitId: `unit-${village}` }] });
  await admin.dispose();
  return { id: user.id, username, name };
}

test('the stationing report flags a cadre with two days in a week, on screen and in the Excel export', async ({ page, baseURL }) => {
  const today = await serverToday(baseURL!);
  const monday = mondayOf(today);
  // Three whole past weeks inside the default period (the last four whole weeks): 3, 2 and 4 days.
  const [weekA, weekB, weekC] = [-21, -14, -7].map((d) => addLocalDays(monday, d));
  const cadre = await freshCadre(baseURL!, `驻村甲${stamp}`, SHANGPING);
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  await dispatcher.post('/api/stationing/assignments', { cadreUserId: cadre.id, villageCode: SHANGPING, startsOn: weekA, note: 'E2E 驻村考勤' });
  const asCadre = await apiAs(baseURL!, cadre.username);
  const days = [...[0, 2, 4].map((d) => addLocalDays(weekA, d)), ...[1, 3].map((d) => addLocalDays(weekB, d)), ...[0, 1, 2, 3].map((d) => addLocalDays(weekC, d))];
  // 10:00 China time; on weekB's Wednesday two visits, which still make one day.
  for (const date of [...days, addLocalDays(weekB, 1)]) await asCadre.post('/api/visits', { kind: 'visit', areaCode: SHANGPING, place: '村委会', occurredAt: `${date}T02:00:00.000Z` });
  await asCadre.dispose();

  // What the API says for the default period: the proof's week, by its label.
  const from = addLocalDays(monday, -28);
  const to = addLocalDays(monday, -1);
  const report = await dispatcher.get<{ cadres: Line[] }>(`/api/stationing/report?from=${from}&to=${to}&cadre=${cadre.id}`);
  await dispatcher.dispose();
  const line = report.cadres.find((c) => c.cadre.id === cadre.id)!;
  expect(line.weeks.map((w) => [w.from, w.daysPresent, w.compliant])).toEqual([
    [weekA, 3, true],
    [weekB, 2, false],
    [weekC, 4, true],
  ]);
  const [labelA, labelB, labelC] = line.weeks.map((w) => w.week);

  await signIn(page, 'dispatcher');
  const first = page.waitForResponse((r) => r.url().includes('/api/stationing/report?') && r.ok());
  await page.goto('/stationing');
  await first;
  await expect(page.getByTestId('compliance-table')).toBeVisible();
  // The demo's 石门村 cadre is short in several weeks: the county already has a flagged line.
  await expect(page.getByTestId('verdict').filter({ hasText: '未达标' }).first()).toBeVisible();
  await expect(page.getByTestId('summary-total')).toBeVisible();
  await keepScreenshot(page, 'stationing-report-county');

  // Narrow to the township, then to the cadre; both land in the address.
  let answered = page.waitForResponse((r) => r.url().includes('/api/stationing/report?') && r.url().includes('areaCode=369901200000') && r.ok());
  await choose(page, page.getByTestId('report-area'), '河口乡', { search: '河口乡', tree: true });
  await answered;
  await selectPopupsClosed(page);
  answered = page.waitForResponse((r) => r.url().includes('/api/stationing/report?') && r.url().includes(`cadre=${cadre.id}`) && r.ok());
  await chooseStaff(page, page.getByTestId('report-cadre'), cadre.name);
  await answered;
  await selectPopupsClosed(page);
  await expect(page).toHaveURL(new RegExp(`areaCode=369901200000.*cadre=${cadre.id}`));

  const checkRow = async () => {
    const row = page.getByTestId('compliance-row').filter({ hasText: cadre.name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('上坪村村民委员会');
    const cell = (label: string) => row.locator(`[data-testid="week-cell"][data-week="${label}"]`);
    await expect(cell(labelB)).toHaveAttribute('data-kind', 'short');
    await expect(cell(labelB)).toHaveText('▼ 2/3 未达标');
    await expect(cell(labelA)).toHaveAttribute('data-kind', 'met');
    await expect(cell(labelA)).toHaveText('3/3');
    await expect(cell(labelC)).toHaveText('4/3');
    await expect(row.getByTestId('verdict')).toHaveAttribute('data-verdict', 'flagged');
    await expect(row.getByTestId('verdict')).toHaveText('未达标');
    await expect(page.getByTestId('summary-township')).toHaveCount(1);
    await expect(page.locator('[data-testid="summary-township"][data-code="369901200000"]').getByTestId('summary-flagged')).toHaveText('1');
  };
  await checkRow();
  // A reload keeps the filters.
  await page.reload();
  await expect(page.getByTestId('report-area')).toContainText('河口乡');
  await expect(page.getByTestId('report-cadre')).toContainText(cadre.name);
  await checkRow();
  await keepScreenshot(page, 'stationing-report');

  // The Excel export holds the same verdicts.
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await (await download).path()) as unknown as ArrayBuffer);
  const weeks = book.getWorksheet('周明细')!;
  const weekRows = (weeks.getSheetValues().slice(2) as unknown[][]).filter((r) => r?.[1] === cadre.name);
  expect(weekRows.map((r) => [r[3], r[6], r[7], r[8]])).toEqual([
    [labelA, 3, 3, '达标'],
    [labelB, 2, 3, '未达标'],
    [labelC, 4, 3, '达标'],
  ]);
  const cadres = book.getWorksheet('干部明细')!;
  const cadreRows = (cadres.getSheetValues().slice(2) as unknown[][]).filter((r) => r?.[1] === cadre.name);
  expect(cadreRows).toHaveLength(1);
  expect(cadreRows[0]![4]).toBe('上坪村');
  expect(cadreRows[0]![12]).toBe('未达标');

  // The other tabs, kept in the address.
  await page.getByTestId('stationing-tabs').getByRole('tab', { name: '驻村安排' }).click();
  await expect(page).toHaveURL(/tab=assignments/);
  await expect(page.getByTestId('assignment-table').locator('tbody tr').filter({ hasText: cadre.name })).toHaveCount(1);
  await keepScreenshot(page, 'stationing-assignments');
  await page.getByTestId('stationing-tabs').getByRole('tab', { name: '规则' }).click();
  await expect(page.getByTestId('rule-current')).toHaveText('驻村干部每周在村不少于 3 天');
  await expect(page.getByTestId('rule-save')).toHaveCount(0); // only admins change the rule
  await keepScreenshot(page, 'stationing-rule');

  // On a phone: the summary stacks, the weeks scroll inside the table, the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/stationing?areaCode=369901200000&cadre=${cadre.id}`);
  const phoneRow = page.getByTestId('compliance-row').filter({ hasText: cadre.name });
  await expect(phoneRow.locator(`[data-week="${labelB}"]`)).toHaveText('▼ 2/3 未达标');
  // The flagged week shows without scrolling the table: who and where fold into one column.
  await expect(phoneRow.locator(`[data-week="${labelB}"]`)).toBeInViewport();
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'stationing-report-390');

  // The same in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('stationing-tabs').getByRole('tab', { name: 'Compliance' })).toBeVisible();
  await expect(phoneRow.locator(`[data-week="${labelB}"]`)).toHaveText('▼ 2/3 short');
  await expect(phoneRow.getByTestId('verdict')).toHaveText('Below the rule');
  await keepScreenshot(page, 'stationing-report-390-en');
});

test('a dispatcher stations a cadre with the form, is told of an overlapping assignment, and ends it', async ({ page, baseURL }) => {
  const today = await serverToday(baseURL!);
  const cadre = await freshCadre(baseURL!, `驻村乙${stamp}`, DUTOU);
  await signIn(page, 'dispatcher');
  await page.goto('/stationing?tab=assignments');
  await expect(page.getByTestId('assignment-table')).toBeVisible();

  const create = async () => {
    await page.getByTestId('assignment-create').click();
    const dialog = page.getByRole('dialog', { name: '安排驻村干部' });
    await chooseStaff(page, dialog.getByTestId('assignment-cadre'), cadre.name);
    await selectPopupsClosed(page);
    await choose(page, dialog.getByTestId('assignment-village'), '渡头村', { search: '渡头村', tree: true });
    await selectPopupsClosed(page);
    await expect(dialog.getByLabel('开始日期')).toHaveValue(today);
    await dialog.getByLabel('每周在村天数').fill('4');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/stationing/assignments') && r.request().method() === 'POST');
    await dialog.getByTestId('assignment-save').click();
    return { dialog, response: await saved };
  };
  const first = await create();
  expect(first.response.status(), await first.response.text()).toBe(201);
  await expect(first.dialog).toBeHidden();
  const row = page.getByTestId('assignment-table').locator('tbody tr').filter({ hasText: cadre.name });
  await expect(row).toContainText('渡头村');
  await expect(row).toContainText('4 天');
  await expect(row).toContainText(`${today} ~ 长期`);

  // The same cadre, village and start again: the overlap is said on the start date, in Chinese.
  const again = await create();
  expect(again.response.status()).toBe(409);
  await expect(again.dialog.getByText('这位干部在这个村已有时间重叠的驻村安排，请调整日期或修改原安排')).toBeVisible();
  await keepScreenshot(page, 'stationing-assignment-overlap');
  await again.dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(again.dialog).toBeHidden();

  // End it today.
  await row.getByTestId('assignment-end').click();
  const end = page.getByRole('dialog', { name: '结束驻村' });
  await expect(end.getByLabel('结束日期')).toHaveValue(today);
  const patched = page.waitForResponse((r) => r.url().includes('/api/stationing/assignments/') && r.request().method() === 'PATCH');
  await end.getByTestId('assignment-save').click();
  expect((await patched).status()).toBe(200);
  await expect(row).toContainText(`${today} ~ ${today}`);
  await expect(row).toContainText('4 天'); // ending keeps the assignment's own rule

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stationing?tab=assignments&areaCode=369901200000');
  await expect(page.getByTestId('assignment-table').locator('tbody tr').filter({ hasText: cadre.name })).toHaveCount(1);
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'stationing-assignments-390');
});

test('an administrator changes the global rule and the report judges by it', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  try {
    await signIn(page, 'admin');
    await page.goto('/stationing');
    const flagged = page.getByTestId('summary-total').getByTestId('summary-flagged');
    await expect(flagged).toHaveText(/^\d+$/);
    const before = Number(await flagged.textContent());
    await page.getByTestId('stationing-tabs').getByRole('tab', { name: '规则' }).click();
    await expect(page.getByTestId('rule-current')).toHaveText('驻村干部每周在村不少于 3 天');
    await page.getByTestId('rule-min-days').fill('4');
    const put = page.waitForResponse((r) => r.url().endsWith('/api/stationing/settings') && r.request().method() === 'PUT');
    await page.getByTestId('rule-save').click();
    expect((await put).status()).toBe(200);
    await expect(page.getByTestId('rule-current')).toHaveText('驻村干部每周在村不少于 4 天');
    await keepScreenshot(page, 'stationing-rule-admin');
    // The report's hint and every assignment on the global rule now require four days.
    await page.getByTestId('stationing-tabs').getByRole('tab', { name: '履职情况' }).click();
    await expect(page.getByText('规则：每周在村不少于 4 天', { exact: false })).toBeVisible();
    // The demo's cadres keep to three days in many weeks: more of them fall short of four.
    await expect.poll(async () => Number(await flagged.textContent())).toBeGreaterThan(before);
  } finally {
    // Other journeys on this server count against the shipped rule.
    await admin.context.put('/api/stationing/settings', { data: { minDaysPerWeek: 3 }, headers: { 'x-csrf-token': (await admin.get<{ csrfToken: string }>('/api/auth/me')).csrfToken } });
    expect((await admin.get<{ minDaysPerWeek: number }>('/api/stationing/settings')).minDaysPerWeek).toBe(3);
    await admin.dispose();
  }
});
