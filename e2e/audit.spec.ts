import { expect, test } from '@playwright/test';
import { keepScreenshot, signIn } from './support';

test('an administrator reads the audit log, verifies its chain, and reads the SMS outbox with phones masked', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByTestId('main-menu').getByText('审计与短信').click();
  await expect(page).toHaveURL(/\/audit/);
  const log = page.getByTestId('audit-table');
  // The admin's own sign-in is the newest kind of entry the log holds.
  await expect(log.getByText('登录', { exact: true }).first()).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('完整');

  // Narrowing to one subject type keeps only its entries.
  await page.getByLabel('对象类型').fill('user');
  await page.getByRole('button', { name: /筛\s*选/ }).click();
  const rows = log.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('用户');
  await expect(log.getByText('政策', { exact: true })).toHaveCount(0);
  await keepScreenshot(page, 'audit-log');

  await page.getByRole('tab', { name: '短信发件箱' }).click();
  await expect(page).toHaveURL(/\/audit\/outbox/);
  const outbox = page.getByTestId('outbox-table');
  await expect(outbox.locator('tbody tr.ant-table-row').first()).toBeVisible();
  const text = await outbox.innerText();
  expect(text).toMatch(/1\d{2}\*{4}\d{4}/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  // 加载更多 appends the next page (the demo county has sent more than one page of SMS).
  const messages = outbox.locator('tbody tr.ant-table-row');
  await expect(messages).toHaveCount(50);
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect.poll(() => messages.count()).toBeGreaterThan(50);
  await keepScreenshot(page, 'audit-outbox');
});
