import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, signIn } from './support';

/** The unit names in the ranking table of one peer group (the table whose caption is `caption`). */
async function rankedUnits(page: Page, caption: string): Promise<string[]> {
  const table = page.locator(`[data-testid="table-ranking"][data-caption="${caption}"]`);
  await expect(table).toBeVisible();
  return table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await file.path())!);
}

test('a monthly bulletin is generated, ranks peers apart, downloads as PDF and Excel, is published, and a village sees it', async ({ page, browser }) => {
  await signIn(page, 'supervisor');
  await page.getByTestId('main-menu').getByText('定期通报').click();
  await expect(page.getByRole('heading', { name: '定期通报' })).toBeVisible();
  // Demo villages have few cases a month: rank those with at least 2.
  await page.getByLabel('参与排名的最少件数').fill('2');
  await page.getByTestId('generate').click();
  await expect(page.getByTestId('bulletin-title')).toContainText(/关于\d{4}年\d{1,2}月群众诉求办理情况的通报/);
  await expect(page.getByTestId('bulletin-state')).toHaveText('草稿');
  const title = (await page.getByTestId('bulletin-title').innerText()).trim();

  // Peer groups: villages with villages, townships with townships, departments with departments.
  const villages = await rankedUnits(page, '村（社区）');
  const townships = await rankedUnits(page, '乡镇（街道）');
  const departments = await rankedUnits(page, '县直部门');
  expect(villages.length).toBeGreaterThan(0);
  expect(villages.every((n) => /(村民委员会|居民委员会)$/.test(n))).toBe(true);
  expect(townships.every((n) => /(乡|镇)人民政府$|街道办事处$/.test(n))).toBe(true);
  expect(departments.some((n) => /(村民委员会|居民委员会)$|(乡|镇)人民政府$/.test(n))).toBe(false);
  await expect(page.getByTestId('section-resolution')).toContainText('村级办结');
  await keepScreenshot(page, 'bulletin');

  const pdf = await download(page, 'download-pdf');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await download(page, 'download-xlsx');
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');

  await page.getByTestId('publish').click();
  await page.getByRole('dialog').getByRole('button', { name: /发\s*布/ }).click();
  await expect(page.getByTestId('bulletin-state')).toHaveText('已发布');
  await expect(page.getByTestId('publish')).toHaveCount(0);

  // A village committee's cadre finds it in the console.
  const village = await browser.newPage();
  await signIn(village, 'dongmen');
  await village.getByTestId('main-menu').getByText('定期通报').click();
  await village.getByTestId('bulletins-table').getByRole('link', { name: title }).click();
  await expect(village.getByTestId('bulletin-title')).toHaveText(title);
  await expect(village.getByTestId('generate')).toHaveCount(0);
  await village.close();
});

test('the ledger: a supervisor confirms a proposed accountability record', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.getByTestId('main-menu').getByText('责任追究').click();
  await expect(page.getByRole('heading', { name: '责任追究台账' })).toBeVisible();
  const table = page.getByTestId('accountability-table');
  const proposed = table.locator('tbody tr.ant-table-row').filter({ has: page.getByTestId('record-state').getByText('待确认') }).first();
  await expect(proposed).toBeVisible();
  const caseText = (await proposed.locator('td').first().innerText()).trim();
  await proposed.getByRole('button', { name: /决\s*定/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('决定理由').fill('经核实，超期属实，予以确认。');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  const row = table.locator('tbody tr.ant-table-row').filter({ hasText: caseText }).first();
  await expect(row.getByTestId('record-state')).toHaveText('已确认');
  await keepScreenshot(page, 'accountability');
});

test('the figures page shows where cases were resolved', async ({ page }) => {
  await signIn(page, 'leader');
  await page.getByTestId('main-menu').getByText('数据').click();
  const card = page.getByTestId('resolution-levels');
  await expect(card).toContainText('小事不出村、大事不出乡');
  await expect(card.locator('[data-testid="chart-resolution-levels"] canvas')).toHaveCount(1);
  await expect(card.getByRole('columnheader', { name: '越级' })).toBeVisible();
});

test('in English: the ledger and the bulletins keep no Chinese labels', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('main-menu')).toContainText('Bulletins');
  await page.goto('/accountability');
  await expect(page.getByRole('heading', { name: 'Accountability ledger' })).toBeVisible();
  await expect(page.getByTestId('accountability-table').getByRole('columnheader', { name: 'Source' })).toBeVisible();
  await page.goto('/bulletins');
  await expect(page.getByRole('heading', { name: 'Bulletins' })).toBeVisible();
  await expect(page.getByTestId('bulletins-table').getByRole('columnheader', { name: 'Number' })).toBeVisible();
  const headers = await page.locator('main th, main h3, main button').allInnerTexts();
  expect(headers.filter((text) => /[\u3400-\u9fff]/.test(text))).toEqual([]);
});
