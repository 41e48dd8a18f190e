import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, signIn, visibleOption } from './support';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

type Summary = { id: string; code: string; status: string };

/** Every case the API lists for a query string (all keyset pages). */
async function listAll(client: Awaited<ReturnType<typeof apiAs>>, search: string): Promise<Summary[]> {
  const all: Summary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Summary[]; nextCursor: string | null } = await client.get(`/api/cases?${search}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

test('the workbench shows the dispatcher’s to-dos with time-left badges', async ({ page }) => {
  await signIn(page, 'dispatcher');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await expect(page.getByTestId('todo-count-dispatch')).toBeVisible();
  const list = page.getByTestId('todo-list-dispatch');
  await expect(list.getByTestId('time-left').first()).toBeVisible();
  await expect(list.getByRole('link').first()).toBeVisible();
  await keepScreenshot(page, 'workbench');
});

test('ledger filters live in the URL, survive a reload, and the Excel export holds exactly the filtered rows', async ({ page }) => {
  await signIn(page, 'dispatcher');
  // Chosen one after another in the selects, as a user does, and the order by a column header.
  await page.goto('/cases');
  await expect(page.getByTestId('case-table')).toBeVisible();
  await choose(page, page.getByTestId('filter-status'), '已办结');
  await visibleOption(page, '办理中').click(); // a multiple select stays open
  await selectPopupsClosed(page);
  await choose(page, page.getByTestId('filter-channel'), '来电');
  await expect(page).toHaveURL(/[?&]channel=phone/);
  await page.getByTestId('case-table').getByRole('columnheader', { name: '期限' }).click();
  await expect(page).toHaveURL(/[?&]sort=due_asc/);
  expect(new URL(page.url()).searchParams.get('status')).toBe('closed,handling');
  expect(new URL(page.url()).searchParams.get('channel')).toBe('phone');
  await expect(page.getByTestId('filter-status')).toContainText('已办结');
  await expect(page.getByTestId('filter-status')).toContainText('办理中');
  await expect(page.getByTestId('filter-channel')).toContainText('来电');
  const url = page.url();
  const shown = await page.getByTestId('shown-count').textContent();

  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('filter-channel')).toContainText('来电');
  await expect(page.getByTestId('filter-status')).toContainText('已办结');
  await expect(page.getByTestId('shown-count')).toHaveText(shown!);
  await keepScreenshot(page, 'case-list');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(['编号', '登记时间', '来源']);
  const codes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });

  const client = await apiAs(BASE, 'dispatcher');
  const expected = await listAll(client, new URL(url).search.slice(1));
  expect(expected.length).toBeGreaterThan(0);
  expect(codes).toEqual(expected.map((c) => c.code));
  for (let r = 2; r <= sheet.rowCount; r++) {
    expect(['来电']).toContain(String(sheet.getRow(r).getCell(3).value));
    expect(['已办结', '办理中']).toContain(String(sheet.getRow(r).getCell(13).value));
  }
  await client.dispose();
});

test('batch dispatch of two cases moves them out of the dispatch queue', async ({ page }) => {
  const registrar = await apiAs(BASE, 'registrar');
  const marker = `批量派单测试${Date.now() % 100000}`;
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const created = await registrar.post<{ id: string }>('/api/cases', {
      channel: 'phone',
      kind: 'help',
      categoryCode: 'social.dibao',
      title: `${marker}第${n}件：低保申请无人答复`,
      content: '家中老人生病住院，三个月前递交的低保申请材料至今没有答复，希望尽快审核。',
      requester: { name: '刘桂兰', phone: '13907980000' },
      areaCode: '369901100201',
      address: '城郊村上屋组12号',
    });
    ids.push(created.id);
  }
  await registrar.dispose();

  await signIn(page, 'dispatcher');
  await page.goto('/dispatch');
  const queue = page.getByTestId('dispatch-queue');
  await page.getByRole('searchbox', { name: /搜索/ }).fill(marker);
  await page.getByRole('searchbox', { name: /搜索/ }).press('Enter');
  await expect(queue.getByRole('row').filter({ hasText: marker })).toHaveCount(2);
  for (const row of await queue.getByRole('row').filter({ hasText: marker }).all()) await row.getByRole('checkbox').check();
  await page.getByTestId('batch-unit').click();
  await page.keyboard.type('民政局');
  await visibleOption(page, '青溪县民政局').click();
  await page.getByTestId('batch-dispatch').click();
  const result = page.getByTestId('batch-result');
  await expect(result).toContainText('成功 2 件，失败 0 件');
  await expect(result.getByTestId('batch-row-ok')).toHaveCount(2);
  await expect(queue.getByRole('row').filter({ hasText: marker })).toHaveCount(0);
  await keepScreenshot(page, 'dispatch-centre');

  const dispatcher = await apiAs(BASE, 'dispatcher');
  for (const id of ids) expect((await dispatcher.get<{ status: string }>(`/api/cases/${id}`)).status).toBe('assigned');
  const stillQueued = await dispatcher.get<{ items: { id: string }[] }>(`/api/cases/dispatch-queue?q=${encodeURIComponent(marker)}&suggest=false`);
  expect(stillQueued.items).toEqual([]);
  await dispatcher.dispose();
  await page.reload();
  await expect(page.getByTestId('dispatch-queue')).toBeVisible();
  await expect(page.getByTestId('dispatch-queue').getByText(marker)).toHaveCount(0);
});
