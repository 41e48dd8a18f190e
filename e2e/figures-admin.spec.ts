import { expect, type Page, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, signIn } from './support';

const HAN = /[\u3400-\u9fff]/;
/** A field's error message, not one fading out after a language switch or a new answer. */
const FIELD_ERROR = '.ant-form-item-explain-error:not([class*="-leave"])';

/**
 * The visible texts of the console's chrome (menu, headings, tabs, buttons, table headers, card
 * titles, segmented controls, form labels) that still hold Chinese characters. User data (names in
 * table cells, the user's unit tags, anything marked translate="no") is not chrome and is not looked
 * at; the language switch itself names the other language (中文) on purpose.
 */
async function chineseInChrome(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const han = new RegExp(pattern);
    const selectors = [
      '[data-testid="main-menu"] .ant-menu-title-content',
      '[data-testid="main-menu"] .ant-menu-item-group-title',
      'main h1, main h2, main h3, main h4, main h5',
      'button:not([data-testid="language-switch"])',
      'th',
      '.ant-tabs-tab',
      '.ant-card-head-title',
      '.ant-segmented-item-label',
      '.ant-form-item-label label',
      '.ant-statistic-title',
      '[data-testid="sign-out"]',
    ];
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue; // hidden
      if (el.closest('[translate="no"]')) continue; // names (a township, a person) are data, not chrome
      const chrome = el.cloneNode(true) as HTMLElement;
      chrome.querySelectorAll('[translate="no"]').forEach((data) => data.remove());
      const text = (chrome.textContent ?? '').trim();
      if (han.test(text)) found.push(`${el.tagName.toLowerCase()}: ${text}`);
    }
    return found;
  }, HAN.source);
}

test('figures: ranking table of the demo units, charts drawn, weights shown, heat map', async ({ page }) => {
  await signIn(page, 'leader');
  await page.getByTestId('main-menu').getByText('数据').click();
  await expect(page.getByRole('heading', { name: '数据统计' })).toBeVisible();
  const table = page.getByTestId('ranking-table');
  await expect(table.getByRole('columnheader', { name: '响应率' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '解决率' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '满意率' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '综合得分' })).toBeVisible();
  await expect(table.getByText('青溪县民政局')).toBeVisible();
  await expect(table.locator('.ant-table-summary')).toContainText('合计');
  await expect(page.getByTestId('figures-weights')).toContainText('响应 30%');
  await expect(page.locator('[data-testid="chart-trend"] canvas')).toHaveCount(1);
  await expect(page.locator('[data-testid="chart-shares"] canvas')).toHaveCount(1);
  // The heat map loads when its card is scrolled near.
  await page.getByTestId('figures-heat').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('figures-heat-map')).toBeVisible();

  // Sorting by a column reorders the rows; a missing rate never comes first.
  await table.getByRole('columnheader', { name: '登记件' }).click();
  const first = await table.locator('tbody tr.ant-table-row').first().locator('td').nth(2).innerText();
  await table.getByRole('columnheader', { name: '登记件' }).click();
  await expect(table.locator('tbody tr.ant-table-row').first().locator('td').nth(2)).not.toHaveText(first);

  // Grouping by area lists the townships.
  await page.getByTestId('figures-group-by').getByText('按区划').click();
  await expect(table.getByText('城关镇').first()).toBeVisible();
  await keepScreenshot(page, 'figures');
});

test('admin creates a unit and a user with a role; a duplicate name and a bad area code show the server’s errors on the fields in both languages', async ({ page, baseURL }) => {
  const stamp = Date.now().toString(36);
  const unitName = `青溪县测试服务中心${stamp}`;
  const username = `e2e.${stamp}`;
  await signIn(page, 'admin');
  await page.getByTestId('main-menu').getByText('系统管理').click();
  await expect(page.getByTestId('units-table')).toBeVisible();

  // A unit.
  await page.getByTestId('unit-new').click();
  const unitForm = page.getByTestId('unit-form');
  await unitForm.getByLabel('单位名称').fill(unitName);
  await choose(page, unitForm.locator('.ant-form-item').filter({ hasText: '所在区划' }).locator('.ant-select'), '青溪县', { search: '青溪县', tree: true });
  await selectPopupsClosed(page);
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(unitForm).toHaveCount(0);
  const admin = await apiAs(baseURL!, 'admin');
  const units = await admin.get<{ items: { id: string; name: string; areaCode: string }[] }>(`/api/units?q=${encodeURIComponent(unitName)}`);
  expect(units.items).toHaveLength(1);
  expect(units.items[0].areaCode).toBe('369901000000');

  // A user holding a role in it.
  await page.getByRole('tab', { name: '用户与角色' }).click();
  await page.getByTestId('user-new').click();
  const userForm = page.getByTestId('user-form');
  await userForm.getByLabel('用户名').fill(username);
  await userForm.getByLabel('姓名').fill('测试员');
  await userForm.locator('#password').fill('Lianxin2026x');
  const roleSelect = userForm.locator('.ant-select').nth(1);
  const unitSelect = userForm.locator('.ant-select').nth(2);
  await choose(page, roleSelect, '派单员');
  await choose(page, unitSelect, unitName, { search: unitName });
  await selectPopupsClosed(page);
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(userForm).toHaveCount(0);
  const users = await admin.get<{ items: { username: string; grants: { role: string; unitId: string }[] }[] }>(`/api/admin/users?q=${username}`);
  expect(users.items[0]).toMatchObject({ username, grants: [{ role: 'dispatcher', unitId: units.items[0].id }] });

  // A user name that exists: the server's message sits under the field, in Chinese …
  const tryDuplicate = async () => {
    await page.getByTestId('user-new').click();
    await userForm.locator('#username').fill('dispatcher');
    await userForm.locator('#displayName').fill('重复');
    await userForm.locator('#password').fill('Lianxin2026x');
    await choose(page, userForm.locator('.ant-select').nth(2), unitName, { search: unitName });
    await selectPopupsClosed(page);
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存|Save/ }).click();
  };
  await tryDuplicate();
  const usernameItem = userForm.locator('.ant-form-item').filter({ has: page.locator('#username') });
  await expect(usernameItem.locator(FIELD_ERROR)).toHaveText('已被使用，请换一个');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await keepScreenshot(page, 'admin-users');

  // … and in English after the switch.
  await page.getByTestId('language-switch').click();
  await tryDuplicate();
  await expect(usernameItem.locator(FIELD_ERROR)).toHaveText('Already in use; choose another');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // An area code outside its parent's range: the server's rule, on the code field.
  await page.getByRole('tab', { name: 'Areas' }).click();
  await page.getByTestId('area-tree').getByText('青溪县', { exact: false }).first().click();
  const areaForm = page.getByTestId('area-create-form');
  await areaForm.getByLabel('Division code').fill('369902100000');
  await areaForm.getByLabel('Name', { exact: true }).fill('越界镇');
  await areaForm.getByRole('button', { name: 'New' }).click();
  await expect(areaForm.locator(FIELD_ERROR)).toHaveText('The division code is outside its parent’s code range');
  await page.getByTestId('language-switch').click();
  await areaForm.getByRole('button', { name: /新\s*增/ }).click();
  await expect(areaForm.locator(FIELD_ERROR)).toHaveText('区划代码不在上级区划的代码范围内');
  const areas = await admin.get<{ items: unknown[] }>('/api/areas?parentCode=369901000000');
  expect(JSON.stringify(areas.items)).not.toContain('越界镇');
  await keepScreenshot(page, 'admin-areas');
  await admin.dispose();
});

test('the language switch leaves no Chinese in the chrome of the workbench, cases, figures, alerts, policies, admin and field-work pages', async ({ page }) => {
  // Twenty pages in one walk: more than the default budget on a loaded two-core machine.
  test.setTimeout(240_000);
  await signIn(page, 'admin');
  await expect(page.getByTestId('main-menu')).toContainText('工作台');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('main-menu')).toContainText('Workbench');
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');

  const pages: [path: string, ready: (p: Page) => Promise<void>][] = [
    ['/', async (p) => void (await expect(p.getByTestId('main-menu')).toContainText('Figures'))],
    ['/cases', async (p) => void (await expect(p.locator('th').first()).toBeVisible())],
    ['/figures', async (p) => void (await expect(p.getByTestId('ranking-table').getByRole('columnheader', { name: 'Response rate' })).toBeVisible())],
    ['/alerts', async (p) => void (await expect(p.getByRole('heading', { name: 'Alerts' })).toBeVisible())],
    ['/policies', async (p) => void (await expect(p.getByRole('heading', { name: 'Policy library' })).toBeVisible())],
    ['/admin/units', async (p) => void (await expect(p.getByTestId('units-table').getByRole('columnheader', { name: 'Unit name' })).toBeVisible())],
    ['/admin/users', async (p) => void (await expect(p.getByTestId('users-table').getByRole('columnheader', { name: 'Roles' })).toBeVisible())],
    [
      '/admin/rules',
      async (p) => {
        const rules = p.getByTestId('rules-table');
        await expect(rules.getByRole('columnheader', { name: 'Stage' })).toBeVisible();
        // One working day is singular in English.
        await expect(rules).toContainText(/(^|\D)1 working day(?!s)/);
        await expect(rules).not.toContainText(/(^|\D)1 working days/);
      },
    ],
    ['/admin/calendar', async (p) => void (await expect(p.getByTestId('calendar-table').getByRole('columnheader', { name: 'Festival' })).toBeVisible())],
    ['/audit/log', async (p) => void (await expect(p.getByTestId('audit-table').getByRole('columnheader', { name: 'Action' })).toBeVisible())],
    ['/audit/outbox', async (p) => void (await expect(p.getByTestId('outbox-table').getByRole('columnheader', { name: 'Status' })).toBeVisible())],
    ['/households', async (p) => void (await expect(p.getByRole('heading', { name: 'Households' })).toBeVisible())],
    ['/visits', async (p) => void (await expect(p.getByRole('heading', { name: /^Field diary/ })).toBeVisible())],
    ['/visits/new', async (p) => void (await expect(p.getByTestId('visit-form')).toBeVisible())],
    ['/stationing', async (p) => void (await expect(p.getByRole('heading', { name: 'Village stationing' })).toBeVisible())],
    ['/stationing?tab=assignments', async (p) => void (await expect(p.getByRole('heading', { name: 'Village stationing' })).toBeVisible())],
    ['/office-days', async (p) => void (await expect(p.getByRole('heading', { name: 'Joint office days' })).toBeVisible())],
    ['/reception', async (p) => void (await expect(p.getByRole('heading', { name: 'Leader reception' })).toBeVisible())],
    ['/campaigns', async (p) => void (await expect(p.getByRole('heading', { name: 'Campaigns' })).toBeVisible())],
  ];
  for (const [path, ready] of pages) {
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    expect(await chineseInChrome(page), `Chinese left on ${path}`).toEqual([]);
  }
  await page.goto('/figures');
  await expect(page.locator('[data-testid="chart-trend"] canvas')).toHaveCount(1);
  await keepScreenshot(page, 'figures-en');
  await page.goto('/admin/rules');
  await expect(page.getByTestId('rules-table')).toBeVisible();
  await keepScreenshot(page, 'admin-rules-en');
});
