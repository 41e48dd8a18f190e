import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { apiAs, DEMO_PASSWORD, keepScreenshot } from './support';

// Issue 17, accessibility (WCAG 2.1 AA 2.1.1 keyboard, 2.4.7 focus visible): a resident submits on
// the portal and a handler takes a case from the ledger, with the keyboard only — no click, no tap —
// and every control they reach shows where the focus is. axe checks each page on the way.
test.setTimeout(240_000);

/** Whether the focused element (or the Ant Design wrapper drawing its focus) shows a visible focus mark. */
async function focusIsVisible(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return 'nothing has the focus';
    for (let el: HTMLElement | null = active, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      if (outline || shadow) return null;
    }
    return `no focus mark on ${active.outerHTML.slice(0, 120)}`;
  });
}

/**
 * Presses Tab until `target` (or something inside it) has the focus, at most `max` times, then
 * checks the focus is visible. Fails when Tab never gets there: the control is not keyboard-reachable.
 */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  const handle = await target.first().elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await handle!.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) {
      await expect.poll(() => focusIsVisible(page), { message: 'the focus is visible' }).toBeNull();
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe('a resident on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('submits a request with the keyboard only', async ({ page }) => {
    // The village comes from the QR code a resident scans (the form presets it).
    await page.goto('/m/');
    await expect(page.getByText('我要反映').first()).toBeVisible();
    await expectAccessible(page, 'keyboard-portal-home');
    await tabTo(page, page.getByRole('link', { name: /我要反映/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('问题描述')).toBeVisible();
    // The village preset as by a QR code: the same page, opened with its ?area=.
    await page.goto('/m/submit?area=369901101201');
    await expect(page.getByLabel('问题描述')).toBeVisible();
    await expect(page.getByLabel('所在村（社区）')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'keyboard-portal-submit');

    await tabTo(page, page.getByLabel('问题分类'));
    await page.keyboard.type('低保');
    await expect(page.locator('.ant-select-tree-treenode').filter({ hasText: '低保' }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('问题描述'));
    await page.keyboard.type('村里低保评审的名单一直没有公示，想知道我家的申请进展到哪一步了。');
    await tabTo(page, page.getByLabel('姓名', { exact: true }));
    await page.keyboard.type('陈秀兰');
    await tabTo(page, page.getByLabel('手机号', { exact: true }));
    await page.keyboard.type('13907985533');
    await tabTo(page, page.getByLabel('同意在公开栏公布去除个人信息后的内容'));
    await page.keyboard.press('Space');
    await expect(page.getByLabel('同意在公开栏公布去除个人信息后的内容')).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: /提\s*交/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tracking-code')).toHaveText(/^LX\d{8}-\d{6}$/);
    await keepScreenshot(page, 'keyboard-portal-submitted');
  });
});

test.describe('a handler on a desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('signs in, finds a case in the ledger and accepts it with the keyboard only', async ({ page, baseURL }) => {
    // A case dispatched to the handler's unit (青溪县民政局), set up through the API.
    const registrar = await apiAs(baseURL!, 'registrar');
    const title = `键盘办理：低保复核材料补交 ${String(Date.now()).slice(-5)}`;
    const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
      channel: 'phone',
      kind: 'help',
      categoryCode: 'social.dibao',
      title,
      content: `${title}。去年递交的低保复核材料被告知缺少收入证明，补交后一直没有消息，希望告知办理进度。`,
      requester: { name: '钟桂兰', phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}` },
      areaCode: '369901100201',
    });
    await registrar.dispose();
    const dispatcher = await apiAs(baseURL!, 'dispatcher');
    await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng' });
    await dispatcher.dispose();

    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录连心工作台' })).toBeVisible();
    await tabTo(page, page.getByLabel(/用户名/));
    await page.keyboard.type('handler');
    await tabTo(page, page.getByLabel(/密码/));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

    // The menu is one Tab stop (WAI-ARIA menu): Tab into it, arrow down to 台账 (the ledger), Enter.
    await tabTo(page, page.getByRole('menu').first(), 80);
    const ledgerItem = page.getByRole('menuitem', { name: '台账' });
    for (let i = 0; i < 12 && !(await ledgerItem.evaluate((el) => el === document.activeElement || el.contains(document.activeElement) || el.id === document.activeElement?.getAttribute('aria-activedescendant'))); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect.poll(() => focusIsVisible(page), { message: 'the focus is visible' }).toBeNull();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/cases/);
    await expect(page.getByTestId('case-table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'keyboard-console-ledger');

    // Search the ledger by the case's code, then open it from the table.
    await tabTo(page, page.getByRole('searchbox').first());
    await page.keyboard.type(created.code);
    await page.keyboard.press('Enter');
    const link = page.getByTestId('case-table').getByRole('link', { name: created.code });
    await expect(link).toBeVisible();
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-code')).toContainText(created.code, { timeout: 30_000 });
    await expect(page.getByTestId('case-status')).toHaveText('已交办');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'keyboard-console-case');

    // The action: accept (受理), its form, and its submit — all by keyboard.
    await tabTo(page, page.locator('button[data-action="accept"]'), 120);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('action-form-accept')).toBeVisible();
    await tabTo(page, page.getByTestId('action-submit'));
    await keepScreenshot(page, 'keyboard-console-action');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-status')).not.toHaveText('已交办');
    await expect(page.getByTestId('action-form-accept')).toBeHidden();
  });
});
