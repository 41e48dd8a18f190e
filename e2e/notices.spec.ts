import { expect, test } from '@playwright/test';
import { apiAs, DEMO_PASSWORD, keepScreenshot, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(240_000);
const FIRST_LOAD = { timeout: 60_000 };

/** A phone that differs per run, so no earlier demo case makes ours a repeat. */
const phone = () => `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;

test('a notice reaches the open console live; the list opens its case and the count goes down; SMS choices are kept', async ({ page, baseURL }) => {
  // A registrar of the centre of its own, so that the newest notices are this journey's: other
  // journeys move the server's clock forward and back, and the notices sent meanwhile stay dated
  // ahead of any sent now (the demo registrar collects them).
  const admin = await apiAs(baseURL!, 'admin');
  const username = `notices${Date.now() % 100_000_000}`;
  await admin.post('/api/admin/users', { username, displayName: '消息测试员', password: DEMO_PASSWORD, grants: [{ role: 'registrar', unitId: 'unit-center' }] });
  await admin.dispose();
  // The registrar has the console open.
  await signIn(page, username, FIRST_LOAD);
  const registrar = await apiAs(baseURL!, username);
  const bell = page.getByTestId('notice-bell');
  const before = (await registrar.get<{ unread: number }>('/api/notifications/unread-count')).unread;
  await expect(bell).toHaveAttribute('data-count', String(before), FIRST_LOAD);

  // Another actor acts on the registrar's case: the dispatcher dispatches it (首问负责: the registrar is told).
  const title = '消息中心测试：低保申请长期无人答复';
  const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'phone',
    kind: 'help',
    categoryCode: 'social.dibao',
    title,
    content: `${title}。家中老人长期患病，三个月前递交了低保申请材料，至今没有答复，希望尽快审核并告知结果。`,
    requester: { name: '张秀英', phone: phone() },
    areaCode: '369901100201',
    address: '城关镇城郊村上屋组 12 号',
  });
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng', note: '请民政局核实低保申请进度' });
  await dispatcher.dispose();

  // The bell's count goes up without a reload.
  const after = (await registrar.get<{ unread: number }>('/api/notifications/unread-count')).unread;
  expect(after).toBeGreaterThan(before);
  await expect(bell).toHaveAttribute('data-count', String(after));

  // The dropdown shows the newest notice; 全部消息 opens the list.
  await bell.click();
  const dropdown = page.getByTestId('notice-dropdown');
  await expect(dropdown.getByText(`诉求件${created.code}：交办`)).toBeVisible();
  await keepScreenshot(page, 'notices-bell');
  await dropdown.getByTestId('notice-all').click();
  await expect(page.getByTestId('notices-title')).toHaveText('我的消息', FIRST_LOAD);
  const item = page.getByTestId('notice-item').filter({ hasText: `诉求件${created.code}：交办` });
  await expect(item.locator('[data-read="false"]')).toBeVisible();
  await keepScreenshot(page, 'notices-list');

  // Clicking it marks it read and lands on the case; the count goes down.
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${created.id}$`));
  await expect(page.getByTestId('case-code')).toContainText(created.code, FIRST_LOAD);
  // Scheduled work may send the registrar another notice meanwhile: the bell agrees with the
  // server's count, and this notice is read.
  const unread = async () => (await registrar.get<{ unread: number }>('/api/notifications/unread-count')).unread;
  await expect.poll(async () => Number(await bell.getAttribute('data-count')) - (await unread())).toBe(0);
  await page.goto('/notices');
  await expect(page.getByTestId('notice-item').filter({ hasText: `诉求件${created.code}：交办` }).locator('[data-read="true"]')).toBeVisible(FIRST_LOAD);

  // 消息设置: step notices by SMS too; saved, and shown again after a reload.
  await page.goto('/notices/settings');
  await expect(page.getByTestId('notice-settings-title')).toHaveText('消息设置', FIRST_LOAD);
  const step = page.getByRole('checkbox', { name: '办理进展' });
  await expect(step).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '风险提示' })).toBeChecked();
  await step.check();
  await page.getByTestId('notice-settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: '办理进展' })).toBeChecked(FIRST_LOAD);
  const saved = await registrar.get<{ items: Array<{ kind: string; sms: boolean }> }>('/api/notifications/preferences');
  expect(saved.items).toContainEqual({ kind: 'step', sms: true });
  await keepScreenshot(page, 'notice-settings');
  await registrar.dispose();
});
