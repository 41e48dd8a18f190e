import { expect as baseExpect, type Locator, type Page, request, test } from '@playwright/test';
import { apiAs, choose, chooseStaff, keepScreenshot, selectPopupsClosed, signIn, visibleOption } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
// The machine is shared with other test runs: give first page loads time.
test.describe.configure({ timeout: 240_000 });

const TOWNSHIP = '369901100000'; // 城关镇: the `chengguan` desk plans there (registrar + dispatcher)
const DONGMEN = '369901100001'; // 东门社区, the village of the cadre `dongmen` (王秀兰)
const stamp = String(Date.now()).slice(-6);

/** The China-time date `days` from today (the app reads dates in China time). */
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Types a date into an Ant Design date picker and closes its popup. */
async function typeDate(page: Page, input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
}

type Bar = { visited: number; total: number };
const bar = async (row: Locator): Promise<Bar> => ({ visited: Number(await row.getAttribute('data-visited')), total: Number(await row.getAttribute('data-total')) });

test('a township desk starts a campaign, targets 独居老人 or 低保 households, shares them between two cadres, and a visit shows in the coverage', async ({ page, baseURL }) => {
  const name = `城关镇冬季“三送”E2E${stamp}`;
  await signIn(page, 'chengguan');
  await page.goto('/campaigns');
  await expect(page.getByTestId('campaign-row').first()).toBeVisible();

  // Create: name, area (the desk's township), period, description.
  await page.getByTestId('campaign-create').click();
  const drawer = page.getByRole('dialog', { name: '发起专项活动' });
  await drawer.getByLabel('活动名称').fill(name);
  await choose(page, drawer.getByTestId('campaign-area'), '城关镇', { search: '城关镇', tree: true });
  await selectPopupsClosed(page);
  await typeDate(page, drawer.getByLabel('开始日期'), chinaDate(0));
  await typeDate(page, drawer.getByLabel('结束日期'), chinaDate(30));
  await drawer.getByLabel('活动说明').fill('送政策、送温暖、送服务：走访独居老人和低保家庭。');
  await keepScreenshot(page, 'campaign-form');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/campaigns') && r.request().method() === 'POST');
  await page.getByTestId('campaign-save').click();
  const createdAnswer = await created;
  expect(createdAnswer.status(), await createdAnswer.text()).toBe(201);
  const campaign = (await createdAnswer.json()) as { id: string; areaCode: string };
  expect(campaign.areaCode).toBe(TOWNSHIP);
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
  await expect(page.getByTestId('campaign-title')).toHaveText(name);
  await expect(page.getByTestId('campaign-total')).toContainText('0');

  // Targets: households of the township tagged 独居老人 or 低保.
  const tags = page.getByTestId('targets-tags');
  await tags.click();
  await page.keyboard.type('独居');
  await visibleOption(page, '独居老人').click();
  await page.keyboard.type('低保');
  await visibleOption(page, '低保').click();
  await selectPopupsClosed(page);
  await expect(tags).toContainText('独居老人');
  await expect(tags).toContainText('低保');
  const added = page.waitForResponse((r) => r.url().endsWith(`/api/campaigns/${campaign.id}/targets`) && r.request().method() === 'POST');
  await page.getByTestId('targets-add').click();
  const addedAnswer = await added;
  expect(addedAnswer.status(), await addedAnswer.text()).toBe(200);
  const { added: addedCount, coverage } = (await addedAnswer.json()) as { added: number; coverage: { total: number } };
  expect(addedCount).toBeGreaterThan(1);
  expect(coverage.total).toBe(addedCount);
  await expect(page.getByTestId('targets-added')).toContainText(`新增 ${addedCount} 户`);
  await expect(page.getByTestId('campaign-total')).toContainText(String(addedCount));

  // The count is the registry's: every live household of the township with either tag.
  const desk = await apiAs(baseURL!, 'chengguan');
  let registry = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const pageOf: { items: unknown[]; nextCursor: string | null } = await desk.get(`/api/households?areaCode=${TOWNSHIP}&tags=dibao,elderly_alone&tagMatch=any&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    registry += pageOf.items.length;
    cursor = pageOf.nextCursor;
  }
  expect(registry).toBe(addedCount);
  await desk.dispose();

  // 王秀兰 (东门社区) and 胡春燕 (西门社区) are village cadres: the page warns, and the server refuses a
  // township-wide split naming a village neither may visit, assigning nothing.
  const cadres = page.getByTestId('assign-cadres');
  await chooseStaff(page, cadres, '王秀兰');
  await chooseStaff(page, cadres, '胡春燕');
  await selectPopupsClosed(page);
  await expect(page.getByTestId('assign-preview')).toContainText(`${addedCount} 户将平均分给 2 名干部`);
  await expect(page.getByTestId('assign-outside')).toContainText('王秀兰、胡春燕');
  const assignUrl = (r: { url: () => string }) => r.url().endsWith(`/api/campaigns/${campaign.id}/assign`);
  const refused = page.waitForResponse(assignUrl);
  await page.getByTestId('assign-submit').click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByTestId('assign-problem')).toContainText('所选干部都不能走访');
  await expect(page.locator('[data-testid="coverage-cadre-row"][data-name="王秀兰"]')).toHaveCount(0);

  // Village by village: 东门社区's targets go to the one of the two who may visit them.
  const dongmenTargets = Number(await page.locator('[data-testid="coverage-village-row"][data-name="东门社区"]').getAttribute('data-total'));
  const ximenTargets = Number(await page.locator('[data-testid="coverage-village-row"][data-name="西门社区"]').getAttribute('data-total'));
  expect(dongmenTargets).toBeGreaterThan(0);
  expect(ximenTargets).toBeGreaterThan(0);
  const assignArea = page.getByTestId('assign-area');
  await choose(page, assignArea, '东门社区', { search: '东门社区', tree: true });
  let assigned = page.waitForResponse(assignUrl);
  await page.getByTestId('assign-submit').click();
  let answer = await assigned;
  expect(answer.status(), await answer.text()).toBe(200);
  expect(((await answer.json()) as { perCadre: unknown }).perCadre).toEqual([
    { cadreUserId: 'user-dongmen', count: dongmenTargets },
    { cadreUserId: 'user-ximen', count: 0 },
  ]);
  await expect(page.getByTestId('assign-result-cadre')).toHaveCount(2);
  // … and 西门社区's to 胡春燕.
  await chooseStaff(page, cadres, '胡春燕');
  await selectPopupsClosed(page);
  await choose(page, assignArea, '西门社区', { search: '西门社区', tree: true });
  assigned = page.waitForResponse(assignUrl);
  await page.getByTestId('assign-submit').click();
  answer = await assigned;
  expect(answer.status(), await answer.text()).toBe(200);
  const wangRow = page.locator('[data-testid="coverage-cadre-row"][data-name="王秀兰"]');
  const huRow = page.locator('[data-testid="coverage-cadre-row"][data-name="胡春燕"]');
  await expect(wangRow).toHaveAttribute('data-total', String(dongmenTargets));
  await expect(huRow).toHaveAttribute('data-total', String(ximenTargets));
  await expect(wangRow).toHaveAttribute('data-visited', '0');
  // Every unvisited target links to the visit form, preset for the campaign and the household.
  const record = page.getByTestId('target-record-visit').first();
  await expect(record).toHaveAttribute('href', new RegExp(`^/visits/new\\?campaignId=${campaign.id}&householdIds=[0-9a-f-]{36}$`));
  await keepScreenshot(page, 'campaign-page');

  // The assigned cadre records a visit against the campaign (the visit form is another page's work).
  const cadre = await apiAs(baseURL!, 'dongmen');
  const mine = await cadre.get<{ items: { household: { id: string; areaCode: string } }[] }>(`/api/campaigns/${campaign.id}/targets?cadre=user-dongmen&visited=false&limit=200`);
  const target = mine.items.find((t) => t.household.areaCode.startsWith(DONGMEN));
  expect(target, 'a target of 王秀兰 in 东门社区').toBeTruthy();
  await cadre.post('/api/visits', { kind: 'visit', areaCode: target!.household.areaCode, householdIds: [target!.household.id], campaignId: campaign.id, delivered: ['policy', 'warmth'], notes: '送去米油，讲解冬季用电安全。' });
  await cadre.dispose();

  const before = await bar(page.locator(`[data-testid="coverage-village-row"][data-name="东门社区"]`));
  await page.reload();
  await expect(page.getByTestId('campaign-visited')).toContainText('1');
  await expect(wangRow).toHaveAttribute('data-visited', '1');
  await expect(huRow).toHaveAttribute('data-visited', '0');
  const village = page.locator('[data-testid="coverage-village-row"][data-name="东门社区"]');
  await expect(village).toHaveAttribute('data-visited', '1');
  await expect(village).toHaveAttribute('data-total', String(before.total));
  await expect(wangRow).toContainText(`1 / ${dongmenTargets}`);

  // The visited filter lists exactly that household.
  const visitedOnly = page.waitForResponse((r) => r.url().includes(`/api/campaigns/${campaign.id}/targets?`) && r.url().includes('visited=true'));
  await page.getByTestId('targets-filter-visited').getByText('已走访', { exact: true }).click();
  await visitedOnly;
  await expect(page.getByTestId('targets-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('targets-table').locator(`a[href="/households/${target!.household.id}"]`)).toBeVisible();

  await page.goto('/campaigns');
  const row = page.locator(`[data-testid="campaign-row"][data-id="${campaign.id}"]`);
  await expect(row.getByTestId('campaign-row-coverage')).toHaveAttribute('data-visited', '1');
  await expect(row.getByTestId('campaign-row-coverage')).toHaveAttribute('data-total', String(addedCount));
  await keepScreenshot(page, 'campaigns-list');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('coverage-cadre-row').first()).toBeVisible();
  await expect(page.getByTestId('targets-table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'campaign-page-390');
  await page.goto('/campaigns');
  await expect(page.getByTestId('campaign-row').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'campaigns-list-390');
});

test('a village cadre opening the county’s 三送 campaign sees their own village and share', async ({ page, baseURL }) => {
  const cadre = await apiAs(baseURL!, 'dongmen');
  const { items } = await cadre.get<{ items: { id: string; name: string; areaCode: string }[] }>('/api/campaigns');
  const county = items.find((c) => c.areaCode === '369901000000');
  expect(county, 'the seeded county campaign').toBeTruthy();
  const theirs = await cadre.get<{ total: number; byVillage: { villageName: string }[] }>(`/api/campaigns/${county!.id}/coverage`);
  await cadre.dispose();

  await signIn(page, 'dongmen');
  await page.goto(`/campaigns/${county!.id}`);
  await expect(page.getByTestId('campaign-title')).toHaveText(county!.name);
  await expect(page.getByText('您看到的是本辖区内的对象户和进度。')).toBeVisible();
  await expect(page.getByTestId('campaign-total')).toContainText(String(theirs.total));
  await expect(page.getByTestId('coverage-village-row')).toHaveCount(theirs.byVillage.length);
  await expect(page.getByTestId('coverage-village-row').first()).toHaveAttribute('data-name', '东门社区');
  // No planning panels for a cadre; the list starts at their own share.
  await expect(page.getByTestId('targets-add')).toHaveCount(0);
  await expect(page.getByTestId('assign-submit')).toHaveCount(0);
  await expect(page.getByTestId('targets-filter-cadre')).toContainText('王秀兰');

  // The same page in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('You see the targets and progress of your own area.')).toBeVisible();
  await expect(page.getByTestId('coverage-cadre')).toContainText('By cadre');
  await keepScreenshot(page, 'campaign-page-cadre-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('您看到的是本辖区内的对象户和进度。')).toBeVisible();
});

test('a dispatcher schedules a published reception day; staff register and confirm appointments and link a case taken there', async ({ page, baseURL }) => {
  const topic = `E2E专场${stamp}`;
  const day = chinaDate(10);
  await signIn(page, 'dispatcher');
  await page.goto('/reception');
  await expect(page.getByTestId('session-row').first()).toBeVisible();
  await keepScreenshot(page, 'reception-list');

  // Past sessions, latest first: over, so they take no more appointments, with the cases taken.
  const past = page.waitForResponse((r) => r.url().includes('/api/reception/sessions?') && r.url().includes('to='));
  await page.getByTestId('session-tabs').getByText('已结束', { exact: true }).click();
  await past;
  const lastSession = page.getByTestId('session-row').first();
  await expect(lastSession.getByTestId('session-state')).toHaveText('已结束');
  await lastSession.getByTestId('session-open').click();
  await expect(page.getByTestId('session-drawer').getByTestId('appointment-list')).toBeVisible();
  await expect(page.getByTestId('session-drawer').getByTestId('appointment-register')).toHaveCount(0);
  await expect(page.getByTestId('session-drawer').getByTestId('session-edit')).toHaveCount(0);
  await page.locator('.ant-drawer-close').first().click();
  await expect(page.getByTestId('session-drawer')).toBeHidden();
  await page.getByTestId('session-tabs').getByText('即将进行', { exact: true }).click();
  await expect(page.getByTestId('session-row').first().getByTestId('session-state')).toHaveText('已公布');

  await page.getByTestId('session-create').click();
  const form = page.getByRole('dialog', { name: '安排领导接访日' });
  await chooseStaff(page, page.getByTestId('session-leader'), '林国栋');
  await selectPopupsClosed(page);
  await choose(page, form.getByTestId('session-area'), '青溪县', { search: '青溪县', tree: true });
  await selectPopupsClosed(page);
  await typeDate(page, form.getByLabel('日期'), day);
  await form.getByLabel('地点').fill('青溪县群众工作中心二楼会议室');
  await form.getByLabel('主题').fill(topic);
  await form.getByLabel('名额').fill('6');
  await form.getByTestId('session-publish').click();
  await expect(form.getByTestId('session-publish')).toHaveAttribute('aria-checked', 'true');
  await keepScreenshot(page, 'reception-session-form');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/reception/sessions') && r.request().method() === 'POST');
  await page.getByTestId('session-save').click();
  const createdAnswer = await created;
  expect(createdAnswer.status(), await createdAnswer.text()).toBe(201);
  const session = (await createdAnswer.json()) as { id: string; startsAt: string; endsAt: string };
  // 09:00–11:30 China time on the chosen day.
  expect(session.startsAt).toBe(new Date(`${day}T09:00:00+08:00`).toISOString());
  expect(session.endsAt).toBe(new Date(`${day}T11:30:00+08:00`).toISOString());
  const drawer = page.getByTestId('session-drawer');
  await expect(page).toHaveURL(new RegExp(`[?&]session=${session.id}`));
  await expect(drawer.getByTestId('session-state')).toHaveText('已公布');
  await expect(drawer.getByTestId('session-details')).toContainText(topic);

  // Residents see it on the public schedule (no sign-in), with every place free.
  const anonymous = await request.newContext({ baseURL });
  const schedule = (await (await anonymous.get('/api/public/reception-sessions?limit=100')).json()) as { items: { id: string; topic: string; leaderName: string; available: number }[] };
  expect(schedule.items.find((s) => s.id === session.id)).toMatchObject({ topic, leaderName: '林国栋', available: 6 });
  // A resident books from the portal: the request waits for confirmation.
  const booked = await anonymous.post(`/api/public/reception-sessions/${session.id}/appointments`, { data: { name: '钱桂英', phone: `1390798${stamp.slice(-4)}`, matter: '反映征地补偿款迟迟没有发放的问题' } });
  expect(booked.status(), await booked.text()).toBe(201);
  await anonymous.dispose();

  // Staff register a caller's appointment (confirmed at once); the list then holds both.
  await drawer.getByTestId('appointment-register').click();
  const dialog = page.getByRole('dialog', { name: '为来电群众登记预约' });
  await dialog.getByLabel('姓名').fill('孙有才');
  await dialog.getByLabel('联系电话').fill(`1370798${stamp.slice(-4)}`);
  await dialog.getByLabel('反映事项').fill('孩子入学的户籍迁移问题，希望当面向领导反映');
  const registered = page.waitForResponse((r) => r.url().endsWith(`/api/reception/sessions/${session.id}/appointments`));
  await page.getByTestId('appointment-save').click();
  expect((await registered).status()).toBe(201);
  await expect(dialog).toBeHidden();
  const appointments = drawer.getByTestId('appointment');
  await expect(appointments).toHaveCount(2);
  const resident = appointments.filter({ hasText: '征地补偿款' });
  const caller = appointments.filter({ hasText: '户籍迁移' });
  await expect(caller.getByTestId('appointment-status')).toHaveText('已确认');
  await expect(caller.getByTestId('appointment-name')).toHaveText('孙**');
  await expect(resident.getByTestId('appointment-status')).toHaveText('待确认');
  await expect(resident.getByTestId('appointment-phone')).toHaveText(`139****${stamp.slice(-4)}`);

  // Confirm the resident's request, then reveal the contact to call back (audited by the API).
  const confirmed = page.waitForResponse((r) => r.url().includes('/api/reception/appointments/') && r.request().method() === 'PATCH');
  await resident.getByTestId('appointment-confirmed').click();
  expect((await confirmed).status()).toBe(200);
  await expect(resident.getByTestId('appointment-status')).toHaveText('已确认');
  const revealed = page.waitForResponse((r) => r.url().endsWith('/contact'));
  await resident.getByTestId('appointment-reveal').click();
  expect((await revealed).status()).toBe(200);
  await expect(resident.getByTestId('appointment-name')).toHaveText('钱桂英');
  await expect(drawer).toContainText('已约 2 / 6');

  // A case registered at the session is linked by its tracking code.
  const registrar = await apiAs(baseURL!, 'registrar');
  const taken = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'leader_reception',
    kind: 'complaint',
    categoryCode: 'land.expropriation',
    title: `征地补偿款未足额发放${stamp}`,
    content: '接访日当面反映：去年征收承包地的补偿款只发放了一半，村里说要等上级拨款，至今没有结果。',
    requester: { name: '钱桂英', phone: `1390798${stamp.slice(-4)}` },
    areaCode: '369901100201',
    address: '城关镇城郊村下屋组',
  });
  await registrar.dispose();
  await drawer.getByTestId('session-case-code').fill(taken.code);
  const linked = page.waitForResponse((r) => r.url().endsWith(`/api/reception/sessions/${session.id}/cases`));
  await drawer.getByTestId('session-case-link').click();
  expect((await linked).status()).toBe(200);
  const caseRow = drawer.getByTestId('session-case').filter({ hasText: taken.code });
  await expect(caseRow).toBeVisible();
  await expect(caseRow.getByRole('link', { name: taken.code })).toHaveAttribute('href', `/cases/${taken.id}`);
  await expect(drawer.getByTestId('session-register-case')).toHaveAttribute('href', '/register?channel=leader_reception&areaCode=369901000000');
  // An unknown code is said so on the field.
  await drawer.getByTestId('session-case-code').fill('LX19990101-999999');
  await drawer.getByTestId('session-case-link').click();
  await expect(drawer).toContainText('没有找到编号为 LX19990101-999999 的诉求件');

  // A reload keeps the session open, with what was done.
  await page.reload();
  await expect(page.getByTestId('session-drawer').getByTestId('session-case').filter({ hasText: taken.code })).toBeVisible();
  await expect(page.getByTestId('session-drawer').getByTestId('appointment-status')).toHaveText(['已确认', '已确认']);
  await keepScreenshot(page, 'reception-session');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('session-drawer').getByTestId('session-case')).toBeVisible();
  await keepScreenshot(page, 'reception-session-390');
  await page.locator('.ant-drawer-close').first().click();
  await expect(page).not.toHaveURL(/[?&]session=/);
  await expect(page.getByTestId('session-drawer')).toBeHidden();
  await expect(page.getByTestId('session-row').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'reception-list-390');
});
