import { expect, type Page, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, signIn } from './support';

test.setTimeout(300_000);
const FIRST_LOAD = { timeout: 60_000 };
const DAY = 86_400_000;

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username, FIRST_LOAD);
}

test('an award is suggested from the figures, voted, published on the portal and shown on the winner’s page; a mentee records, the mentor comments; a cadre sees their own page', async ({ page, browser, baseURL }) => {
  const { now } = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

  // 1. The organisation department opens a 便民服务之星 award; candidates come from the figures.
  await signIn(page, 'zuzhibu', FIRST_LOAD);
  await page.getByTestId('main-menu').getByText('评先评优').click();
  const form = page.locator('form').filter({ hasText: '评选名称' });
  await expect(form).toBeVisible(FIRST_LOAD);
  await choose(page, form.locator('.ant-select').first(), '便民服务之星');
  await form.getByLabel('评选名称').fill('上半年便民服务之星');
  await form.getByLabel('名额').fill('1');
  const range = form.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(day(Date.parse(now) - 180 * DAY));
  await range.first().press('Enter');
  await range.nth(1).fill(day(Date.parse(now)));
  // Enter on the complete form submits it (发起).
  await range.nth(1).press('Enter');
  const drawer = page.getByTestId('award-drawer');
  await expect(drawer.locator('tbody tr.ant-table-row').first()).toBeVisible(FIRST_LOAD);
  const firstName = (await drawer.locator('tbody tr.ant-table-row').first().locator('td').nth(1).textContent())!;
  // 2. The organisation votes for the first suggestion in the drawer; a leader votes through the API.
  await drawer.locator('tbody tr.ant-table-row').first().locator('input[type=checkbox]').check();
  await drawer.getByTestId('award-vote').click();
  await expect(drawer.locator('tbody tr.ant-table-row').first()).toContainText('1');
  const awards = await apiAs(baseURL!, 'zuzhibu');
  const list = await awards.get<{ items: Array<{ id: string; title: string }> }>('/api/awards');
  const awardId = list.items.find((a) => a.title === '上半年便民服务之星')!.id;
  const detail = await awards.get<{ candidates: Array<{ subjectId: string; name: string }> }>(`/api/awards/${awardId}`);
  const winner = detail.candidates.find((c) => c.name === firstName)!;
  await awards.dispose();
  const leader = await apiAs(baseURL!, 'leader');
  await leader.post(`/api/awards/${awardId}/votes`, { subjectIds: [winner.subjectId] });
  await leader.dispose();
  // 3. Decided by the vote, then published.
  await page.reload();
  await page.getByTestId('awards-table').getByText('上半年便民服务之星').click();
  await page.getByTestId('award-decide').click();
  await expect(page.getByTestId('award-drawer')).toContainText('当选');
  await page.getByTestId('award-publish').click();
  await expect(page.getByTestId('award-drawer')).toContainText('已公布');
  await keepScreenshot(page, 'awards-published');

  // 4. The portal shows the winner's name and unit.
  const resident = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const phone = await resident.newPage();
  await phone.goto('/m/');
  await phone.getByText('评先评优公示').click();
  await expect(phone.getByTestId('public-awards')).toContainText('上半年便民服务之星', FIRST_LOAD);
  await expect(phone.getByTestId('public-awards')).toContainText(firstName);
  await resident.close();

  // 5. The winner's page shows the award (the organisation department reads it).
  await page.goto(`/cadres/${winner.subjectId}`);
  await expect(page.getByTestId('cadre-awards')).toContainText('上半年便民服务之星', FIRST_LOAD);

  // 6. 拜师认徒: the mentee records shared work, the mentor comments.
  await switchTo(page, 'handler');
  await page.getByTestId('main-menu').getByText('拜师认徒与培训').click();
  await page.getByTestId('pairs-table').getByText('赵丽娟').click();
  const pair = page.getByTestId('pair-drawer');
  await pair.getByLabel('内容').fill('随师傅办理一件低保复核诉求，学习回复口径');
  await pair.getByRole('button', { name: /记\s*录/ }).click();
  await expect(pair).toContainText('学习回复口径');
  await switchTo(page, 'unithead');
  await page.getByTestId('main-menu').getByText('拜师认徒与培训').click();
  await page.getByTestId('pairs-table').getByText('赵丽娟').click();
  await page.getByTestId('pair-drawer').getByPlaceholder('师傅点评').fill('回复口径准确，注意告知复核时限');
  await page.getByTestId('pair-drawer').getByRole('button', { name: /点\s*评/ }).click();
  await expect(page.getByTestId('pair-drawer')).toContainText('回复口径准确');

  // 7. A cadre sees their own page: roles, figures, the pair, the year's training hours.
  await switchTo(page, 'handler');
  await page.getByTestId('main-menu').getByText('我的档案').click();
  const own = page.getByTestId('cadre-page');
  await expect(own).toContainText('青溪县民政局', FIRST_LOAD);
  await expect(own).toContainText('师傅：钱卫东');
  await expect(page.getByTestId('cadre-training')).toContainText('新时代群众工作方法专题培训');
  await keepScreenshot(page, 'cadre-page');
});
