import { expect, test } from '@playwright/test';
import { apiAs, keepScreenshot } from './support';

// The residents' pages on a phone.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The demo county's village cadres and staff that residents thank by name. */
const STAFF = ['王秀兰', '许艳', '吴梦婷', '张晓丽', '李红英', '邓水生', '曾火根', '周文斌', '江涛', '梁静'];

test('a resident thanks cadres by name; the public board shows the praise with the names removed and the words intact', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('/m/submit?area=369901100001');
  await page.getByLabel('问题分类').click();
  await page.keyboard.type('低保');
  await page.keyboard.press('Enter');
  await page.getByLabel('问题描述').fill('感谢王秀兰和许艳冒雨把我家老人送到医院，一两个小时就办好了住院手续，同一个小区的邻居都很感动，东门小区6栋的住户都来帮忙。');
  await page.getByLabel('姓名', { exact: true }).fill('方晓红');
  await page.getByLabel('手机号', { exact: true }).fill('13907986612');
  await page.getByLabel('同意在公开栏公布去除个人信息后的内容').check();
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const code = (await page.getByTestId('tracking-code').innerText()).trim();

  // The dispatcher sends it to the community (a case waiting for triage is not on the board).
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const { items } = await dispatcher.get<{ items: Array<{ id: string; code: string }> }>(`/api/cases?q=${code}`);
  await dispatcher.post(`/api/cases/${items.find((c) => c.code === code)!.id}/dispatch`, { unitId: 'unit-369901100001' });
  await dispatcher.dispose();

  await page.goto('/m/board');
  const board = page.getByTestId('board-list');
  await expect(board).toContainText('感谢某某和某某冒雨把我家老人送到医院，一两个小时就办好了住院手续，同一个小区的邻居都很感动，东门小区6栋的住户都来帮忙。');
  await keepScreenshot(page, 'portal-board-redacted');
  const text = await board.innerText();
  for (const name of [...STAFF, '方晓红']) expect(text, `the board names ${name}`).not.toContain(name);
  expect(text).not.toMatch(/小某某|值某医生|[一两三]个某某|东门某某/);
});
