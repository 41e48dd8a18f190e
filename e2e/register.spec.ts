import { expect as baseExpect, type Page, test } from '@playwright/test';
import { apiAs, signIn as signInForm, keepScreenshot, selectPopupsClosed, settledOptions, visibleOption } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });

/** Signs in through the real form, patient with a busy machine (the first page load compiles nothing but may be slow). */
const signIn = (page: Page, username: string) => signInForm(page, username, { timeout: 30_000 });

// The machine is shared with other test runs: allow slow steps.
test.describe.configure({ timeout: 180_000 });

// A phone number no demo case uses, so the repeat history starts empty and then shows this case.
const PHONE = `139${String(Date.now()).slice(-8)}`;

/** Opens an action of the case page (inline button, or the "more" menu). */
async function openAction(page: Page, action: string) {
  const inline = page.locator(`button[data-action="${action}"]`);
  await expect(inline.or(page.getByTestId('more-actions')).first()).toBeVisible();
  if (await inline.count()) await inline.click();
  else {
    await page.getByTestId('more-actions').click();
    await page.locator(`.ant-dropdown [data-action="${action}"]`).click();
  }
  await expect(page.getByTestId(`action-form-${action}`)).toBeVisible();
}

/** Picks an option of an Ant Design Select / TreeSelect / Cascader with the keyboard only. */
async function chooseByKeyboard(page: Page, text: string) {
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').getByText(text, { exact: false }).first();
  await expect(option).toBeVisible();
  await page.keyboard.press('Enter');
}

test('main journey: phone case registered by keyboard → dispatched → accepted, replied on the case page → resident evaluates by the SMS link → closed', async ({ page, baseURL }) => {
  await signIn(page, 'hotline');
  await page.goto('/register');
  const form = page.getByTestId('register-form');
  await expect(form).toBeVisible();

  // The hotline desk starts on the phone channel, with the cursor in the first field.
  await expect(form.locator('.ant-select').first()).toContainText('来电');
  await expect(page.locator('#channel')).toBeFocused();

  // Requester: the phone shows the (empty) repeat history as it is typed.
  await page.getByLabel('联系电话').fill('1390');
  await page.getByLabel('联系电话').press('Tab');
  await expect(page.getByText('请输入正确的手机号')).toBeVisible();
  await page.getByLabel('联系电话').fill(PHONE);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('requester-history-none')).toBeVisible();
  await page.keyboard.type('张秀英');
  await page.keyboard.press('Tab');
  await page.keyboard.type('110105194912310021'); // wrong check digit
  await page.keyboard.press('Tab');
  await expect(page.getByText('身份证号校验位不正确')).toBeVisible();
  await page.getByLabel('身份证号').fill('11010519491231002X');

  // People: five or more shows the collective hint; back to one.
  await page.getByLabel('人数').fill('6');
  await expect(page.getByTestId('collective-hint')).toBeVisible();
  await page.getByLabel('人数').fill('1');
  await expect(page.getByTestId('collective-hint')).toHaveCount(0);

  await page.getByLabel('标题').fill('母亲低保申请三个月没有答复');
  await page.getByLabel('诉求内容').fill('我母亲今年七十八岁，独居，三个月前向社区递交了低保申请材料，至今没有人答复，家里生活困难，希望民政部门尽快审核。');
  // Learned suggestions appear while typing; one click applies a category.
  await expect(page.getByTestId('suggestions').getByRole('button').first()).toBeVisible({ timeout: 20_000 });
  await keepScreenshot(page, 'register-form');

  // Category and area with the keyboard.
  await page.getByLabel('诉求分类').focus();
  await chooseByKeyboard(page, '低保特困');
  await expect(form).toContainText('低保特困');
  await page.getByLabel('所在区划').focus();
  await page.keyboard.type('东门社区');
  await expect(page.locator('.ant-cascader-dropdown:visible').getByText('东门社区').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form).toContainText('东门社区');

  // A pin on the map (no tile service: the platform's own areas are drawn).
  const map = page.getByTestId('register-map');
  await expect(map).toHaveAttribute('data-base-layer', 'none');
  await map.click({ position: { x: 200, y: 120 } });
  await expect(page.getByTestId('register-map-status')).toContainText('已定位');

  // Enter in the address field submits.
  await page.getByLabel('详细地址').fill('城关镇解放路12号');
  await page.getByLabel('详细地址').press('Enter');
  const code = page.getByTestId('tracking-code');
  await expect(code).toBeVisible({ timeout: 15_000 });
  const trackingCode = (await code.innerText()).trim();
  expect(trackingCode).toMatch(/^LX\d{8}-\d{6}$/);
  await keepScreenshot(page, 'register-success');
  const href = await page.getByRole('link', { name: '查看诉求件' }).getAttribute('href');
  const caseId = href!.split('/').pop()!;

  const registrar = await apiAs(baseURL!, 'hotline');
  const registered = await registrar.get(`/api/cases/${caseId}`);
  expect(registered).toMatchObject({ code: trackingCode, channel: 'phone', categoryCode: 'social.dibao', status: 'registered', address: '城关镇解放路12号' });
  expect(registered.requester.phone).toBe(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
  expect(registered.lat).toEqual(expect.any(Number));

  // The same phone now shows this case as history.
  await page.getByRole('button', { name: '继续登记' }).click();
  await expect(page.locator('#channel')).toBeFocused();
  await page.getByLabel('联系电话').fill(PHONE);
  await expect(page.getByTestId('requester-history')).toContainText(trackingCode);

  // The dispatcher dispatches on the case page, with the unit picker.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId('case-code')).toContainText(trackingCode);
  await openAction(page, 'dispatch');
  await page.getByLabel('承办单位').click();
  await page.keyboard.type('民政局');
  await settledOptions(page).filter({ hasText: /^青溪县民政局/ }).first().click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('已交办');

  // The handler accepts and replies on the case page.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'handler');
  await page.goto(`/cases/${caseId}`);
  await openAction(page, 'accept');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('办理中');
  await openAction(page, 'reply');
  await page.getByLabel('答复意见').fill('经核实，已为您母亲办理低保审批，下月起发放。');
  await page.getByTestId('action-form-reply').getByText('是', { exact: true }).click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('已答复');

  const dispatcher = await apiAs(baseURL!, 'dispatcher');

  // The resident's evaluation link travels by SMS (the outbox).
  const admin = await apiAs(baseURL!, 'admin');
  const outbox = await admin.get(`/api/outbox?caseId=${caseId}`);
  const sms = outbox.items.find((m: { template: string }) => m.template === 'sms.replied');
  expect(sms, JSON.stringify(outbox.items)).toBeTruthy();
  const token = /\/m\/evaluate\/([^\s/]+)/.exec(sms.body)![1];

  const resident = await page.context().browser()!.newPage({ viewport: { width: 390, height: 800 } });
  await resident.goto(`/m/evaluate/${token}`);
  await resident.getByText('满意', { exact: true }).click();
  await resident.getByText('已解决', { exact: true }).click();
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByTestId('rate-done')).toBeVisible();
  await resident.close();

  const closed = await dispatcher.get(`/api/cases/${caseId}`);
  expect(closed.status).toBe('closed');
  expect(closed.evaluation).toMatchObject({ result: 'satisfied', solved: true, channel: 'link' });
  const actions = closed.events.map((e: { action: string }) => e.action);
  for (const step of ['register', 'dispatch', 'accept', 'reply', 'evaluate']) expect(actions).toContain(step);
  expect(closed.events.at(-1).toStatus).toBe('closed');
  expect(closed.events.map((e: { seq: number }) => e.seq)).toEqual(closed.events.map((_: unknown, i: number) => i + 1));

  // The case page shows the whole timeline.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  for (const step of ['register', 'dispatch', 'accept', 'reply', 'evaluate']) await expect(page.locator(`[data-testid="timeline-event"][data-action="${step}"]`).first()).toBeVisible();
  await keepScreenshot(page, 'register-journey-case');
  await Promise.all([dispatcher.dispose(), registrar.dispose(), admin.dispose()]);
});

test('server field errors land on the fields; an inquiry can be resolved on the spot', async ({ page }) => {
  await signIn(page, 'registrar');
  await page.goto('/register');
  await expect(page.getByTestId('register-form')).toBeVisible();
  await page.locator('#kind').focus();
  await chooseByKeyboard(page, '咨询');
  await page.getByLabel('联系电话').fill('13907980001');
  await page.getByLabel('标题').fill('医保报销需要哪些材料');
  await page.getByLabel('诉求内容').fill('想咨询住院医保报销需要带哪些材料，在哪里办理。');
  await page.getByLabel('诉求分类').focus();
  await chooseByKeyboard(page, '医保报销');
  // A server refusal lands on its field: the category is swapped for an unknown one on the way.
  await page.route('**/api/cases', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const body = { ...route.request().postDataJSON(), categoryCode: 'no.such.category' };
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-error')).toBeVisible();
  await expect(page.locator('#categoryCode_help, .ant-form-item-has-error').filter({ hasText: /分类/ }).first()).toBeVisible();
  await page.unroute('**/api/cases');
  await page.getByTestId('resolve-on-spot').click();
  // Submitting without the answer is refused on the field.
  await page.getByTestId('register-submit').click();
  await expect(page.getByText('请填写答复内容')).toBeVisible();
  await page.getByLabel('答复内容').fill('已告知需携带身份证、医保卡、出院小结和发票，到县医保中心窗口办理。');
  await page.getByTestId('register-submit').click();
  await expect(page.getByText('已当场办结')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('tracking-code')).toHaveText(/^LX\d{8}-\d{6}$/);
});

test('the map renders markers and area names with no tile service configured', async ({ page }) => {
  // Every request for map data, by zoom: a click on a bubble must ask for a closer view.
  const zooms: number[] = [];
  const states: string[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/map/cases')) return;
    const params = new URL(r.url()).searchParams;
    zooms.push(Number(params.get('zoom')));
    states.push(params.get('state') ?? '');
  });
  await signIn(page, 'dispatcher');
  await page.goto('/map');
  const map = page.getByTestId('cases-map');
  await expect(map).toHaveAttribute('data-base-layer', 'none');
  await expect(page.getByTestId('map-base')).toContainText('未配置底图服务');
  // Areas from the platform's own data, and clustered cases from the server.
  await expect(map.locator('.lx-map-area-label').first()).toBeVisible();
  await expect(map.locator('.lx-map-cluster').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('map-total')).toContainText(/\d+/);
  expect(await map.locator('.leaflet-tile').count()).toBe(0);
  await keepScreenshot(page, 'map');
  // A click on a bubble zooms in.
  const zoomBefore = Math.max(...zooms);
  await map.locator('.lx-map-cluster').first().click();
  await expect.poll(() => Math.max(...zooms)).toBeGreaterThan(zoomBefore);
  // Filter by state: only closed cases.
  await page.getByTestId('map-state-filter').click();
  await visibleOption(page, '已办结').click();
  await selectPopupsClosed(page);
  await expect.poll(() => states.includes('closed')).toBe(true);
  await expect(page.getByTestId('map-total')).toBeVisible();
});
