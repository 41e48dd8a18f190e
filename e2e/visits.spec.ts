import { expect as baseExpect, test } from '@playwright/test';
import { apiAs, choose, chooseStaff, keepScreenshot, selectPopupsClosed, settledOptions, signIn, visibleTreeNode } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

// 凤岭村: the `cadre` demo account (邓志远, first secretary) is stationed there.
const VILLAGE = '369901100202';
const stamp = String(Date.now()).slice(-6);
/** A 1×1 PNG, enough for the photo upload (the server keeps what it is given). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a stationed cadre records a visit on a phone; a problem found becomes a case in one tap and waits in the dispatch queue', async ({ page, baseURL }) => {
  const address = `岭上组走访${stamp}号`;
  const marker = `村口路灯坏了${stamp}`;
  const api = await apiAs(baseURL!, 'cadre');
  const household = await api.post<{ id: string }>('/api/households', { areaCode: VILLAGE, address, headName: '廖春华', tags: ['elderly_alone'], members: [] });
  await api.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  // The phone says where it is: 定位签到 takes it (within 15 m).
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 27.7632, longitude: 115.8991, accuracy: 15 });
  await signIn(page, 'cadre');
  await page.goto('/visits');
  await page.getByTestId('visit-new').click();
  const form = page.getByTestId('visit-form');
  await expect(form).toBeVisible();
  // A cadre with one village starts there; the kind starts on 走访.
  await expect(page.getByTestId('visit-area')).toContainText('凤岭村');
  await expect(form.getByRole('radio', { name: '走访', exact: true })).toBeChecked();

  // The household, found by typing part of its address.
  const picker = page.getByTestId('visit-households');
  const searched = page.waitForResponse((r) => r.url().includes('/api/households?') && (new URL(r.url()).searchParams.get('q') ?? '').includes(stamp));
  await picker.click();
  await page.keyboard.type(`走访${stamp}`);
  await searched;
  await settledOptions(page).filter({ hasText: address }).first().click();
  await selectPopupsClosed(page);
  await expect(picker).toContainText(address);

  await page.getByTestId('visit-check-in').click();
  await expect(page.getByTestId('visit-checked-in')).toHaveText('已签到（精度约 15 米）');

  await form.getByLabel('民情日记').fill('老人独居，身体尚好；反映村口路灯坏了，晚上出门不方便。');
  await form.getByRole('checkbox', { name: '送温暖' }).check();
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/attachments') && r.request().method() === 'POST');
  await form.locator('input[type=file]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
  expect((await uploaded).status()).toBe(201);

  await page.getByTestId('visit-add-problem').click();
  const problem = page.getByTestId('visit-problem').first();
  await problem.getByLabel('问题').fill(`${marker}三盏，晚上出行不安全`);
  await choose(page, problem.locator('.ant-select'), '道路设施', { search: '道路设施', tree: true });
  await selectPopupsClosed(page);
  await keepScreenshot(page, 'visit-form-390');

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
  await page.getByTestId('visit-save').click();
  const answer = await saved;
  expect(answer.status(), await answer.text()).toBe(201);
  const visit = (await answer.json()) as { id: string; households: { id: string }[]; photos: unknown[]; delivered: string[]; problems: { id: string }[] };
  expect(visit).toMatchObject({ kind: 'visit', households: [{ id: household.id }], delivered: ['warmth'], checkedIn: true, lat: 27.7632, lng: 115.8991, accuracyM: 15 });
  expect(visit.problems).toHaveLength(1);
  expect(visit.photos).toHaveLength(1);
  await expect(page).toHaveURL(new RegExp(`/visits/${visit.id}$`));
  await expect(page.getByTestId('visit-title')).toContainText('走访');
  await expect(page.getByTestId('visit-photo-list').locator('img')).toHaveCount(1);
  // The photo is served through the visit (the image loaded, it is not a broken link).
  await expect.poll(() => page.getByTestId('visit-photo-list').locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(page.getByTestId('visit-notes')).toContainText('老人独居');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // One tap: the problem (it has a category) becomes a case of channel 走访发现.
  const converted = page.waitForResponse((r) => r.url().includes(`/api/visits/${visit.id}/problems/`) && r.request().method() === 'POST');
  await page.getByTestId('visit-problem-convert').click();
  const conversion = await converted;
  expect(conversion.status(), await conversion.text()).toBe(201);
  const created = ((await conversion.json()) as { case: { id: string; code: string } }).case;
  await expect(page.getByTestId('visit-problem-case')).toContainText(created.code);
  await expect(page.getByTestId('visit-problem-convert')).toHaveCount(0);
  await keepScreenshot(page, 'visit-page-390');

  // The dispatcher finds it in the dispatch queue.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto('/dispatch');
  await page.getByRole('searchbox', { name: /搜索/ }).fill(marker);
  await page.getByRole('searchbox', { name: /搜索/ }).press('Enter');
  const row = page.getByTestId('dispatch-queue').getByRole('row').filter({ hasText: marker });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(created.code);
  // Its page names the channel 走访发现.
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${created.id}$`));
  await expect(page.locator('th', { hasText: /^来源$/ }).locator('xpath=following-sibling::td[1]')).toHaveText('走访发现');
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const stored = await dispatcher.get<{ channel: string; status: string; householdId: string; areaCode: string }>(`/api/cases/${created.id}`);
  expect(stored).toMatchObject({ channel: 'field', status: 'registered', householdId: household.id, areaCode: VILLAGE });
  await dispatcher.dispose();
  await page.goto(`/visits/${visit.id}`);
  await expect(page.getByTestId('visit-problem-case')).toContainText(created.code);
  await keepScreenshot(page, 'visit-page');
});

test('the diary shows the week’s and the month’s visits day by day; a 带案下访 names its case by code; a manager reads a cadre’s diary and the area’s visits', async ({ page, baseURL }) => {
  const note = `日记核对${stamp}：走访独居老人，检查用电安全。`;
  const api = await apiAs(baseURL!, 'cadre');
  const households = await api.get<{ items: { id: string }[] }>(`/api/households?areaCode=${VILLAGE}&limit=1`);
  const visit = await api.post<{ id: string; localDate: string }>('/api/visits', { kind: 'revisit', areaCode: VILLAGE, householdIds: [households.items[0].id], notes: note, delivered: ['policy'] });
  await api.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  await page.goto('/visits');
  const entry = page.getByTestId('diary-days').locator(`[data-testid="diary-visit"][data-visit-id="${visit.id}"]`);
  await expect(entry).toContainText(note);
  await expect(entry).toContainText('回访');
  await expect(page.locator(`[data-testid="diary-day"][data-date="${visit.localDate}"]`)).toBeVisible();
  expect(Number(await page.getByTestId('diary-visits').locator('.ant-statistic-content-value').innerText())).toBeGreaterThanOrEqual(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'diary-week-390');
  await page.setViewportSize({ width: 1366, height: 768 });
  await keepScreenshot(page, 'diary-week');

  // The month holds it too; the address keeps the choice.
  const monthly = page.waitForResponse((r) => r.url().includes('/api/diary?') && new URL(r.url()).searchParams.get('month') === visit.localDate.slice(0, 7));
  await page.getByTestId('diary-kind').getByText('按月').click();
  await monthly;
  await expect(page).toHaveURL(new RegExp(`[?&]month=${visit.localDate.slice(0, 7)}`));
  await expect(entry).toBeVisible();
  await page.reload();
  await expect(entry).toBeVisible();
  // The previous month does not.
  const [year, month] = visit.localDate.split('-').map(Number) as [number, number];
  const previousMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const previous = page.waitForResponse((r) => r.url().includes('/api/diary?') && new URL(r.url()).searchParams.get('month') === previousMonth);
  await page.getByTestId('diary-previous').click();
  expect((await previous).status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`[?&]month=${previousMonth}`));
  await expect(page.getByTestId('diary-summary')).toBeVisible();
  await expect(entry).toHaveCount(0);

  // The visit form at a desk starts in the cadre's village, on 走访.
  await page.goto('/visits/new');
  await expect(page.getByTestId('visit-area')).toContainText('凤岭村');
  await expect(page.getByTestId('visit-form').getByRole('radio', { name: '走访', exact: true })).toBeChecked();
  // No permission to locate: the cadre is told why, and the visit still saves without it.
  await page.getByTestId('visit-check-in').click();
  await expect(page.getByTestId('visit-check-in-problem')).toHaveText('没有得到定位权限，可在浏览器或手机设置里允许本网站使用位置。 签到可不做，走访照样保存。');
  await keepScreenshot(page, 'visit-form');

  // A 带案下访 names the case it carries by its tracking code (one the cadre can see).
  const caseApi = await apiAs(baseURL!, 'cadre');
  const carried = (await caseApi.get<{ items: { id: string; code: string }[] }>(`/api/cases?areaCode=${VILLAGE}&limit=1`)).items[0];
  await caseApi.dispose();
  const form = page.getByTestId('visit-form');
  await form.locator('.ant-radio-button-wrapper', { hasText: /^带案下访$/ }).click();
  await expect(form.getByRole('radio', { name: '带案下访', exact: true })).toBeChecked();
  await page.getByTestId('visit-case-code').fill(carried.code.toLowerCase());
  await form.getByLabel('地点').fill('凤岭村村委会');
  const outreach = page.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
  await page.getByTestId('visit-save').click();
  expect((await outreach).status()).toBe(201);
  await expect(page.getByTestId('visit-title')).toContainText('带案下访');
  await expect(page.getByTestId('visit-carried-case')).toContainText(carried.code);
  await expect(page.getByTestId('visit-carried-case')).toHaveAttribute('href', `/cases/${carried.id}`);

  // A dispatcher (a manager over the county) picks the cadre and reads the same diary.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto('/visits');
  await expect(page.getByTestId('area-visits')).toBeVisible();
  await chooseStaff(page, page.getByTestId('diary-cadre'), '邓志远');
  await selectPopupsClosed(page);
  await expect(page).toHaveURL(/[?&]cadre=user-cadre/);
  await expect(page.getByRole('heading', { name: /邓志远/ })).toBeVisible();
  await expect(entry).toContainText(note);

  // The area's recent visits narrow to the village.
  const filter = page.getByTestId('area-visits-filter');
  const narrowed = page.waitForResponse((r) => r.url().includes('/api/visits?') && new URL(r.url()).searchParams.get('areaCode') === VILLAGE);
  await filter.click();
  await page.keyboard.type('凤岭村');
  await visibleTreeNode(page, '凤岭村').click();
  expect((await narrowed).status()).toBe(200);
  await expect(filter).toContainText('凤岭村');
  await selectPopupsClosed(page);
  const areaVisits = page.getByTestId('area-visits');
  await expect(areaVisits.locator(`[data-visit-id="${visit.id}"]`)).toContainText(note);
  await expect(areaVisits.locator('[data-testid="diary-visit"]').filter({ hasNotText: '凤岭村' })).toHaveCount(0);
  await keepScreenshot(page, 'diary-manager');
});

test('a problem recorded without a category asks for one, with the suggestion offered, and the resident’s phone before it becomes a case', async ({ page, baseURL }) => {
  const text = `村口排水沟堵塞${stamp}，下雨就积水，垃圾也没人清理`;
  const api = await apiAs(baseURL!, 'cadre');
  const visit = await api.post<{ id: string; problems: { id: string }[] }>('/api/visits', { kind: 'outreach', areaCode: VILLAGE, place: '凤岭村村口', notes: '下访村口，群众围过来反映排水沟的事。', problems: [{ text }] });
  await api.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  const suggested = page.waitForResponse((r) => r.url().endsWith('/api/cases/suggest') && r.request().method() === 'POST');
  await page.goto(`/visits/${visit.id}`);
  const item = page.getByTestId('visit-problem-item').filter({ hasText: text });
  await item.getByTestId('visit-problem-convert').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '转为诉求件（走访发现）' });
  await expect(dialog).toBeVisible();
  expect((await suggested).status()).toBe(200);

  // The category the cadre chooses wins over any suggestion; a bad phone is caught before sending.
  const category = dialog.locator('.ant-select').nth(1);
  await choose(page, category, '环境卫生', { search: '环境卫生', tree: true });
  await selectPopupsClosed(page);
  await dialog.getByLabel(/群众电话/).fill('1390798');
  await page.getByTestId('problem-case-ok').click();
  await expect(dialog).toContainText('请输入正确的手机号或固定电话');
  await dialog.getByLabel(/群众电话/).fill('13907985566');
  await expect(dialog).not.toContainText('请输入正确的手机号或固定电话');
  await keepScreenshot(page, 'visit-problem-dialog-390');
  const converted = page.waitForResponse((r) => r.url().includes(`/api/visits/${visit.id}/problems/${visit.problems[0].id}/case`));
  await page.getByTestId('problem-case-ok').click();
  const answer = await converted;
  expect(answer.status(), await answer.text()).toBe(201);
  const created = ((await answer.json()) as { case: { id: string; code: string } }).case;
  await expect(dialog).toBeHidden();
  await expect(item.getByTestId('visit-problem-case')).toContainText(created.code);

  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const stored = await dispatcher.get<{ channel: string; categoryCode: string; requester: { phone: string | null } }>(`/api/cases/${created.id}`);
  expect(stored).toMatchObject({ channel: 'field', categoryCode: 'environment.sanitation' });
  // The phone is kept for the SMS, and shown masked.
  expect(stored.requester.phone).toMatch(/^139\*+5566$/);
  await dispatcher.dispose();
});

test('a campaign target’s link presets the visit form with the household and the campaign, and the visit counts for the campaign', async ({ page, baseURL }) => {
  type Target = { household: { id: string; address: string; areaCode: string } };
  const api = await apiAs(baseURL!, 'cadre');
  const campaigns = await api.get<{ items: { id: string; name: string }[] }>('/api/campaigns?limit=100');
  let preset: { campaign: { id: string; name: string }; household: Target['household'] } | undefined;
  for (const campaign of campaigns.items) {
    const targets = await api.get<{ items: Target[] }>(`/api/campaigns/${campaign.id}/targets?visited=false&limit=200`);
    const target = targets.items.find((t) => t.household.areaCode.startsWith(VILLAGE));
    if (target) {
      preset = { campaign, household: target.household };
      break;
    }
  }
  expect(preset, 'an unvisited campaign target in 凤岭村 (the demo 三送 campaign)').toBeTruthy();
  const { campaign, household } = preset!;

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  await page.goto(`/visits/new?campaignId=${campaign.id}&householdIds=${household.id}`);
  await expect(page.getByTestId('visit-households')).toContainText(household.address);
  await expect(page.getByTestId('visit-campaign')).toContainText(campaign.name);
  await page.getByTestId('visit-form').getByRole('checkbox', { name: '送政策' }).check();
  await page.getByTestId('visit-form').getByLabel('民情日记').fill(`三送入户${stamp}：讲解医保缴费政策。`);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
  await page.getByTestId('visit-save').click();
  const answer = await saved;
  expect(answer.status(), await answer.text()).toBe(201);
  expect(await answer.json()).toMatchObject({ campaignId: campaign.id, households: [{ id: household.id }], delivered: ['policy'] });
  await expect(page.getByRole('link', { name: '查看活动' })).toHaveAttribute('href', `/campaigns/${campaign.id}`);

  const visited = await api.get<{ items: Target[] }>(`/api/campaigns/${campaign.id}/targets?visited=true&limit=200`);
  expect(visited.items.map((t) => t.household.id)).toContain(household.id);
  await api.dispose();
});
