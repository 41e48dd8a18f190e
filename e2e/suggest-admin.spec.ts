import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { apiAs, keepScreenshot, signIn } from './support';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/**
 * Issue 18: the suggestion model's state and retraining have a screen, and admins edit each
 * category's cold-start keywords there; early warning finds a hot topic told in many words and
 * shows its place and matter.
 */
test('admin: the suggestion model’s state, retraining, and a category’s cold-start keywords', async ({ page }) => {
  await signIn(page, 'admin', { timeout: 30_000 });
  await page.goto('/admin/suggest');
  await expect(page.getByTestId('suggest-state-source')).toContainText(/由模型推荐|由关键词推荐/);
  await page.getByTestId('suggest-retrain').click();
  await expect(page.getByText(/已用 \d+ 件办结诉求重新训练/)).toBeVisible({ timeout: 120_000 });

  // The first category's keywords: add one, save, see it marked edited; then back to the built-in ones.
  const first = page.locator('[data-testid^="keywords-input-"]').first();
  const code = (await first.getAttribute('data-testid'))!.replace('keywords-input-', '');
  const row = page.getByTestId(`keywords-${code}`);
  await first.click();
  await page.keyboard.type('测试关键词');
  await page.keyboard.press('Enter');
  await row.getByTestId(`keywords-save-${code}`).click();
  await expect(row).toContainText('已修改');
  await expect(row).toContainText('测试关键词');
  await keepScreenshot(page, 'suggest-admin-keywords');
  await expectAccessible(page, 'admin-suggest');
  await row.getByTestId(`keywords-reset-${code}`).click();
  await expect(row).toContainText('内置');
  await expect(row).not.toContainText('测试关键词');
});

test('early warning: five residents on one matter in their own words make one hot-topic alert that names the place and the matter', async ({ page, baseURL }) => {
  const desk = await apiAs(baseURL!, 'hotline');
  const words = [
    ['晚上施工吵得没法睡', '翠竹花园旁边的工地这几天一直干到凌晨一两点，打桩机咚咚响，孩子第二天还要上学。'],
    ['工地夜间作业', '我是翠竹花园3栋的住户，隔壁工地每天夜里机器轰鸣，老人受不了。'],
    ['反映小区附近工地扰民', '翠竹花园小区南门外那个在建楼盘晚上十一点以后还在浇混凝土，根本睡不着。'],
    ['夜里还在施工', '翠竹花园边上的项目半夜还开工，有没有夜间施工许可？声音太大了。'],
    ['噪声扰民', '住在翠竹花园，最近一周每晚都被工地的噪音吵醒，投诉过开发商没用。'],
  ];
  for (const [title, content] of words) {
    await desk.post('/api/cases', { channel: 'phone', kind: 'complaint', categoryCode: 'environment.noise', title, content, requester: { anonymous: true }, areaCode: '369901100202' });
  }
  await desk.dispose();

  await signIn(page, 'supervisor', { timeout: 30_000 });
  await page.goto('/alerts');
  await page.getByTestId('alerts-scan').click();
  await expect(page.getByText(/已扫描 7 天内受理的 \d+ 件/)).toBeVisible({ timeout: 60_000 });
  const alert = page.getByTestId('alerts-table').locator('tr', { hasText: '翠竹花园' }).first();
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId('alert-topic')).toContainText('地点：翠竹花园');
  await expect(alert.getByTestId('alert-topic')).toContainText(/事项：.*(施工|噪音|扰民)/);
  await expect(alert).toContainText(/关联诉求件 [5-9] 件/);
  await keepScreenshot(page, 'alerts-hot-topic');
});
