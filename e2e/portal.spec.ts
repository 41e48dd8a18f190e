import { expect, test } from '@playwright/test';
import { apiAs, keepScreenshot } from './support';

// The residents' pages on a phone.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const PHONE = '13907985521';

test('a resident submits with a photo, tracks the reply, rates it dissatisfied and the case reopens', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // A real image to upload: a screenshot of the portal's home page.
  await page.goto('/m/');
  await expect(page.getByText('我要反映').first()).toBeVisible();
  await keepScreenshot(page, 'portal-home');
  const photo = await page.screenshot();

  await page.goto('/m/submit?area=369901101201');
  await page.getByLabel('问题分类').click();
  await page.keyboard.type('低保');
  await page.keyboard.press('Enter');
  await page.getByLabel('问题描述').fill('我家老人今年七十多岁，独自居住，想了解低保怎么申请，村里说要等通知，一直没有消息。');
  await page.getByTestId('photo-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await expect(page.locator('.ant-image img')).toHaveCount(1);
  await expect(page.getByLabel('所在村（社区）')).toBeVisible();
  // A pin on the map (drawn from the platform's own areas, no tile service).
  await page.getByRole('button', { name: '在地图上标注' }).click();
  await page.getByTestId('submit-map').click({ position: { x: 150, y: 140 } });
  // Named in words (the nearest village), never as raw coordinates.
  await expect(page.getByTestId('pin-state')).toContainText('已在地图上标注位置');
  await expect(page.getByTestId('pin-state')).not.toContainText(/\d+\.\d{3,}/);
  await page.getByLabel('姓名', { exact: true }).fill('刘桂英');
  await page.getByLabel('手机号', { exact: true }).fill(PHONE);
  await page.getByLabel('同意在公开栏公布去除个人信息后的内容').check();
  await keepScreenshot(page, 'portal-submit');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const code = (await page.getByTestId('tracking-code').innerText()).trim();
  expect(code).toMatch(/^LX\d{8}-\d{6}$/);
  // The 查询码 (8 characters of Crockford base32, shown as two groups of four) and the tracking link.
  const secret = (await page.getByTestId('tracking-secret').innerText()).trim();
  expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(page.getByTestId('tracking-link')).toContainText('/m/track/');
  await keepScreenshot(page, 'portal-submitted');

  // Staff handle it through the API: dispatch, accept, reply.
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const handler = await apiAs(baseURL!, 'handler');
  const { items } = await dispatcher.get<{ items: Array<{ id: string; code: string; attachmentCount?: number }> }>(`/api/cases?q=${code}`);
  const caseId = items.find((c) => c.code === code)!.id;
  const me = await handler.get<{ roles: Array<{ unitId: string }> }>('/api/auth/me');
  await dispatcher.post(`/api/cases/${caseId}/dispatch`, { unitId: me.roles[0].unitId });
  await handler.post(`/api/cases/${caseId}/accept`);
  await handler.post(`/api/cases/${caseId}/reply`, { solved: true, reply: '经核实，您家符合低保申请条件，请携带户口簿到乡镇民政办提交申请，我们将在30个工作日内完成审核。' });

  // Code and phone digits no longer open the case: the form asks for the 查询码, and a wrong one is refused.
  await page.goto(`/m/track?code=${code}`);
  await page.getByLabel('查询码', { exact: true }).fill(secret.startsWith('Z') ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('alert')).toContainText('查询码');
  await expect(page.getByTestId('track-result')).toHaveCount(0);
  // Typed in lower case, as a resident might.
  await page.getByLabel('查询码', { exact: true }).fill(secret.toLowerCase());
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByTestId('track-reply')).toContainText('符合低保申请条件');
  await expect(page.getByTestId('track-result')).not.toContainText('刘桂英');
  await keepScreenshot(page, 'portal-track');

  // Rate: dissatisfied, not solved.
  await page.getByRole('button', { name: '去评价' }).click();
  await page.getByText('不满意', { exact: true }).click();
  await page.getByText('未解决', { exact: true }).click();
  await page.getByLabel('意见和建议').fill('材料交了两次还是没有结果');
  await keepScreenshot(page, 'portal-evaluate');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('rate-done')).toContainText('重新交办');

  const after = await handler.get<{ status: string }>(`/api/cases/${caseId}`);
  expect(after.status).toBe('reopened');
  await dispatcher.dispose();
  await handler.dispose();
});

test('a demo case is tracked with its tracking code and the demo 查询码', async ({ page, baseURL }) => {
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  // An older case of the ledger (newest first): one the demo seeded, not one a journey registered.
  const { items } = await dispatcher.get<{ items: Array<{ code: string }> }>('/api/cases?limit=100');
  const code = items.at(-1)!.code;
  await dispatcher.dispose();
  await page.goto(`/m/track?code=${code}`);
  await page.getByLabel('查询码', { exact: true }).fill('DEM0-2026');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByTestId('track-result')).toContainText(code);
  await keepScreenshot(page, 'portal-track-demo');
});

test('the public board, policies and reception pages show without personal data and switch to English', async ({ page }) => {
  await page.goto('/m/board');
  await expect(page.getByText('诉求公开栏').first()).toBeVisible();
  await keepScreenshot(page, 'portal-board');
  await page.getByText('地图', { exact: true }).click();
  await expect(page.getByTestId('board-map')).toBeVisible();
  await keepScreenshot(page, 'portal-board-map');
  await page.getByText(/满意率/).first().click();
  await expect(page.getByText('合计')).toBeVisible();
  await keepScreenshot(page, 'portal-rates');
  await page.goto('/m/policies');
  await expect(page.getByText('政策查询')).toBeVisible();
  await keepScreenshot(page, 'portal-policies');
  await page.goto('/m/reception');
  await expect(page.getByText('领导接访日')).toBeVisible();
  await keepScreenshot(page, 'portal-reception');
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Leader reception days')).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('Track');
  await expect(page.getByRole('navigation')).not.toContainText('查询');
});
