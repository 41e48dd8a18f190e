import { expect as baseExpect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiAs, signIn as signInForm, choose, keepScreenshot, selectPopupsClosed, visibleOption } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

// 凤岭村: the `cadre` demo account is stationed there, and the demo seeds households in it.
const VILLAGE = '369901100202';
const VILLAGE_NAME = '凤岭村';
const stamp = String(Date.now()).slice(-6);

const signIn = (page: Page, username: string) => signInForm(page, username, { timeout: 30_000 });

/** A valid 18-digit resident ID (GB 11643 check digit) born in 1958. */
function idNumber(serial: string): string {
  const body = `369901195803${serial.padStart(6, '0').slice(-6)}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

test('the household map draws only what the server returns for the 低保 filter', async ({ page, baseURL }) => {
  // Demo villages have ~16 households each and 低保 is rare: add one so the filter surely has something.
  const api = await apiAs(baseURL!, 'cadre');
  await api.post('/api/households', { areaCode: VILLAGE, address: `岭上组地图${stamp}号`, headName: '地图户', lat: 27.8237, lng: 115.9124, tags: ['dibao'], members: [] });
  await api.post('/api/households', { areaCode: VILLAGE, address: `岭上组地图${stamp}-2号`, headName: '非低保', lat: 27.8241, lng: 115.9131, tags: ['veteran'], members: [] });
  await api.dispose();
  await signIn(page, 'cadre');
  const first = page.waitForResponse((r) => r.url().includes('/api/map/households?') && r.ok());
  await page.goto('/village-map');
  await first;
  await expect(page.getByTestId('village-map-total')).toBeVisible();

  const filtered = page.waitForResponse((r) => r.url().includes('/api/map/households?') && new URL(r.url()).searchParams.get('tags') === 'dibao' && r.ok());
  await page.getByTestId('map-tag-filter').click();
  await visibleOption(page, '低保').click();
  await selectPopupsClosed(page);
  const answer = (await (await filtered).json()) as
    | { mode: 'clusters'; total: number; clusters: { count: number; id?: string; breakdown: Record<string, number> }[] }
    | { mode: 'points'; total: number; points: { tags: string[] }[] };
  const items = answer.mode === 'points' ? answer.points.map((p) => p.tags) : answer.clusters.map((c) => Object.keys(c.breakdown).filter((k) => c.breakdown[k] > 0));
  expect(items.length).toBeGreaterThan(0);
  // The server answered with 低保 households only …
  for (const tags of items) expect(tags).toContain('dibao');

  // … and the page drew exactly those: one marker or bubble per item, each reporting 低保.
  const drawn = page.getByTestId('village-map-drawn');
  await expect(drawn).toHaveAttribute('data-count', String(items.length));
  const drawnTags = JSON.parse((await drawn.getAttribute('data-tags')) ?? '[]') as string[];
  expect(drawnTags.every((t) => t.split(',').includes('dibao'))).toBe(true);
  if (answer.mode === 'clusters') {
    const bubbles = answer.clusters.filter((c) => !(c.count === 1 && c.id)).length;
    await expect(page.locator('[data-testid="village-map"] .lx-map-cluster')).toHaveCount(bubbles);
  }
  await expect(page.getByTestId('village-map-total')).toContainText(String(answer.total));
  await page.getByRole('heading', { name: '户情地图' }).click();
  await keepScreenshot(page, 'households-map');

  // A phone-wide screen: the list and the map still render (screenshots for review).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/households');
  await expect(page.getByTestId('household-table')).toBeVisible();
  await keepScreenshot(page, 'households-list-390');
  await page.goto('/village-map');
  await expect(page.getByTestId('village-map-total')).toBeVisible();
  await keepScreenshot(page, 'households-map-390');
});

test('a cadre registers a household with a member, sees it masked and reveals it', async ({ page }) => {
  const head = `测试户${stamp}`;
  const address = `凤凰组E2E${stamp}号`;
  const phone = `139${stamp}88`;
  const id = idNumber(stamp);
  await signIn(page, 'cadre');
  await page.goto('/households');
  await expect(page.getByTestId('household-table')).toBeVisible();
  await keepScreenshot(page, 'households-list');

  await page.getByTestId('household-create').click();
  const drawer = page.getByRole('dialog', { name: '新建户' });
  await choose(page, drawer.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: /区划/ }) }), VILLAGE_NAME, { search: VILLAGE_NAME, tree: true });
  await selectPopupsClosed(page);
  await drawer.getByLabel('地址').fill(address);
  await drawer.getByRole('textbox', { name: /^\*?\s*户主$/ }).fill(head);
  await drawer.getByRole('textbox', { name: /^\*?\s*姓名$/ }).first().fill(head);
  await drawer.getByLabel('身份证号').first().fill(id);
  await drawer.getByLabel('电话').first().fill(phone);
  await page.getByTestId('household-save').click();

  await expect(page).toHaveURL(/\/households\/[0-9a-f-]{36}$/);
  const members = page.getByTestId('members-table');
  await expect(members).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await expect(members).not.toContainText(head);
  await expect(page.getByTestId('household-title')).not.toContainText(head);

  // In the list: masked too.
  await page.getByRole('link', { name: /返回列表/ }).click();
  await page.getByLabel('搜索地址').fill(address);
  const row = page.getByTestId('household-table').locator('tbody tr').filter({ hasText: address });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${head[0]}${'*'.repeat(head.length - 1)}`);
  await expect(row).not.toContainText(head);

  // The stationed cadre may reveal (audited).
  await row.getByRole('link').first().click();
  const revealed = page.waitForResponse((r) => r.url().endsWith('/personal-data'));
  await page.getByTestId('members-reveal').click();
  expect((await revealed).status()).toBe(200);
  await expect(members).toContainText(head);
  await expect(members).toContainText(phone);
  await expect(members).toContainText(id);
  await keepScreenshot(page, 'households-page');
});

test('an import keeps the good row and reports the bad one', async ({ page, baseURL }) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('民情档案');
  sheet.addRow(['区划代码', '地址', '户主姓名', '户主身份证号', '户主电话', '经度', '纬度', '标签', '联户干部账号', '需求', '备注', '其他成员']);
  sheet.addRow([VILLAGE, `石桥组导入${stamp}号`, '导入好', '', '13907980001', '', '', '低保', '', '', '', '']);
  sheet.addRow([VILLAGE, `石桥组导入坏${stamp}号`, '导入坏', '123456', '', '', '', '', '', '', '', '']);
  const file = Buffer.from(await book.xlsx.writeBuffer());

  await signIn(page, 'cadre');
  await page.goto('/households');
  await page.getByRole('button', { name: /导入/ }).click();
  const done = page.waitForResponse((r) => r.url().endsWith('/api/households/import'));
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'import.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  const answer = (await (await done).json()) as { imported: number; failed: number; errors: { row: number; column: string }[] };
  expect(answer.imported).toBe(1);
  expect(answer.failed).toBe(1);
  await expect(page.getByTestId('import-result')).toContainText('导入 1 行');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('tbody tr').filter({ hasText: '户主身份证号' }).first()).toContainText('3');

  // The API holds the good row and not the bad one.
  const api = await apiAs(baseURL!, 'cadre');
  const good = await api.get<{ items: unknown[] }>(`/api/households?q=${encodeURIComponent(`石桥组导入${stamp}`)}`);
  const bad = await api.get<{ items: unknown[] }>(`/api/households?q=${encodeURIComponent(`石桥组导入坏${stamp}`)}`);
  expect(good.items).toHaveLength(1);
  expect(bad.items).toHaveLength(0);
  await api.dispose();
});

test('from a household’s page a cadre registers a case about it: the area is preset and the case joins the household’s history', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, 'cadre');
  const created = await api.post<{ id: string }>('/api/households', { areaCode: VILLAGE, address: `下屋组登记${stamp}号`, headName: '登记户', tags: ['elderly_alone'], members: [] });
  await api.dispose();
  const title = `独居老人屋顶漏雨${stamp}`;

  await signIn(page, 'cadre');
  await page.goto(`/households/${created.id}`);
  await page.getByTestId('household-register-case').click();
  await expect(page).toHaveURL(new RegExp(`/register\\?householdId=${created.id}&areaCode=${VILLAGE}`));
  const form = page.getByTestId('register-form');
  await expect(form.locator('.ant-cascader')).toContainText(VILLAGE_NAME);
  await page.getByLabel('联系电话').fill('13907986655');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('诉求内容').fill('老人独自居住，连日下雨屋顶漏水，请村里帮忙联系维修。');
  await choose(page, form.locator('.ant-select').filter({ has: page.getByLabel('诉求分类') }), '住房保障', { search: '住房保障', tree: true });
  const registered = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
  await page.getByTestId('register-submit').click();
  const answer = await registered;
  expect(answer.status(), await answer.text()).toBe(201);
  const body = (await answer.json()) as { id: string; householdId: string; areaCode: string };
  expect(body).toMatchObject({ householdId: created.id, areaCode: VILLAGE });

  await page.goto(`/households/${created.id}`);
  await expect(page.getByTestId('household-history')).toContainText(title);
});
