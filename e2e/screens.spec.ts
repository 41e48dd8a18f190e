import { expect as baseExpect, type Page, request, test } from '@playwright/test';
import { apiAs, keepScreenshot, settledOptions, signIn, visibleTreeNode } from './support';

// Issue 17, "What people meet": each defect found on a walk through the portal and the console,
// shown fixed in the browser — residents on a phone, staff on a 1440 px desktop.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 150_000 });

/** 凤岭村: the `cadre` demo account (邓志远) is stationed there; it has coordinates. */
const VILLAGE = '369901100202';
const stamp = String(Date.now()).slice(-6);

/** A real picture (the portal re-encodes photos, so it must decode): a screenshot. */
async function picture(page: Page): Promise<Buffer> {
  await page.goto('/m/');
  await expect(page.getByText('我要反映').first()).toBeVisible();
  return page.screenshot();
}

/** Submits a resident's request through the public API (a photo and a pin when given). */
async function submitPublic(baseURL: string, body: Record<string, unknown>, photo?: Buffer) {
  const api = await request.newContext({ baseURL });
  const photos: string[] = [];
  if (photo) {
    const up = await api.post('/api/public/photos', { multipart: { file: { name: 'photo.png', mimeType: 'image/png', buffer: photo } } });
    expect(up.status(), await up.text()).toBe(201);
    photos.push(((await up.json()) as { token: string }).token);
  }
  const response = await api.post('/api/public/cases', { data: { kind: 'help', categoryCode: 'social.dibao', areaCode: VILLAGE, publicConsent: false, photos, ...body } });
  expect(response.status(), await response.text()).toBe(201);
  const result = (await response.json()) as { code: string; secret: string; accessToken: string };
  await api.dispose();
  return result;
}

/** The case id of a tracking code, as the dispatcher finds it. */
async function caseIdOf(baseURL: string, code: string): Promise<string> {
  const dispatcher = await apiAs(baseURL, 'dispatcher');
  const { items } = await dispatcher.get<{ items: Array<{ id: string; code: string }> }>(`/api/cases?q=${code}`);
  await dispatcher.dispose();
  return items.find((c) => c.code === code)!.id;
}

/** True when the element's content is wider than its box (something is cut off or scrolls sideways). */
const overflows = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => el.scrollWidth - el.clientWidth);

test.describe('residents on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, geolocation: { latitude: 27.7632, longitude: 115.8991, accuracy: 20 }, permissions: ['geolocation'] });

  test('an anonymous request: the map opens at the chosen village, names the pin in words, uses my location, and the receipt shows the link and 查询码', async ({ page, baseURL }) => {
    const api = await request.newContext({ baseURL });
    const areas = (await (await api.get('/api/public/map/areas')).json()) as { items: Array<{ code: string; name: string; level: string; lat: number | null }> };
    await api.dispose();
    const village = areas.items.find((a) => a.code === VILLAGE)!;
    expect(village.lat).not.toBeNull();

    await page.goto(`/m/submit?area=${VILLAGE}`);
    await page.getByLabel('问题分类').click();
    await page.keyboard.type('低保');
    await page.keyboard.press('Enter');
    await page.getByLabel('问题描述').fill(`匿名反映${stamp}：村里低保评议不公开，想了解评议结果在哪里公示。`);
    await page.getByRole('button', { name: '在地图上标注' }).click();
    const map = page.getByTestId('submit-map');
    await expect(map).toBeVisible();
    // At the village's scale: its own name (and its groups') are on the map, not the county's.
    await expect(map.locator('.lx-map-area-label', { hasText: village.name })).toBeVisible();
    await map.click({ position: { x: 195, y: 140 } });
    const pinState = page.getByTestId('pin-state');
    await expect(pinState).toContainText(/已在地图上标注位置（.+附近）/);
    await expect(pinState).not.toContainText(/\d+\.\d{3,}/);
    await keepScreenshot(page, 'screens-submit-map');
    // "Use my location": the phone's position (granted) becomes the pin.
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect(pinState).toContainText('附近');
    await expect(map.locator('.lx-map-pin')).toHaveCount(1);

    await page.getByLabel(/匿名反映/).check();
    await expect(page.getByLabel('手机号', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect(page.getByTestId('tracking-code')).toHaveText(/^LX\d{8}-\d{6}$/);
    await expect(page.getByTestId('tracking-secret')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByTestId('tracking-link')).toContainText('/m/track/');
    await keepScreenshot(page, 'screens-anonymous-receipt');
  });

  test('the public board filters by category and by village; the month’s figures pick a month and show counts, 满意率 on screen', async ({ page }) => {
    await page.goto('/m/board');
    await expect(page.getByTestId('board-filters')).toBeVisible();
    // Category: the list is asked again with the category and every item carries it.
    const byCategory = page.waitForResponse((r) => r.url().includes('/api/public/board?') && new URL(r.url()).searchParams.get('categoryCode') === 'social');
    await page.getByLabel('按问题分类筛选').click();
    await visibleTreeNode(page, '民政救助').click();
    const categoryItems = ((await (await byCategory).json()) as { items: Array<{ categoryName: string | null }> }).items;
    for (const item of categoryItems) expect(['民政救助', '低保特困', '养老服务', '残疾人帮扶']).toContain(item.categoryName);
    // Village (any level of the tree): the county here.
    const byArea = page.waitForResponse((r) => r.url().includes('/api/public/board?') && !!new URL(r.url()).searchParams.get('areaCode'));
    await page.getByLabel('按村（社区）筛选').click();
    await page.locator('.ant-cascader-menu-item').first().click();
    expect((await byArea).status()).toBe(200);
    await keepScreenshot(page, 'screens-board-filters');

    await page.getByText(/满意率/).first().click();
    const rates = page.getByTestId('rates-list');
    await expect(rates).toContainText(/受理 \d+ 件 · 评价 \d+ 件/);
    await expect(rates).toContainText('合计');
    await expect(rates.getByTestId('rate-satisfactionRate').first()).toBeInViewport();
    const other = page.waitForResponse((r) => r.url().includes('/api/public/metrics?month='));
    await page.getByTestId('rates-month').click();
    await settledOptions(page).nth(2).click();
    expect((await other).status()).toBe(200);
    await expect(rates).toContainText('合计');
    await keepScreenshot(page, 'screens-rates-phone');
  });

  test('reception booking: places left are labelled, the confirmation has a reference, and the resident cancels', async ({ page }) => {
    await page.goto('/m/reception');
    const places = page.getByTestId('places-left').first();
    await expect(places).toContainText(/剩余名额 \d+|已约满/);
    await page.locator('button:not([disabled])').filter({ hasText: /^预\s*约$/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('钟秀兰');
    await dialog.getByLabel('手机号').fill(`139079${stamp.slice(0, 5)}`);
    await dialog.getByLabel('反映事项').fill('想当面反映宅基地审批的问题。');
    await dialog.getByRole('button', { name: /^预\s*约$/ }).click();
    const receipt = page.getByTestId('booking-receipt').last();
    await expect(receipt.getByTestId('booking-ref')).toHaveText(/^JF-[0-9A-F]{8}$/);
    await expect(receipt).toContainText('预约已提交');
    await keepScreenshot(page, 'screens-reception-booked');
    await receipt.getByRole('button', { name: '取消预约' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消预约' }).click();
    await expect(receipt.getByTestId('booking-cancelled')).toBeVisible();
    // Still there after a reload: the phone keeps its bookings.
    await page.reload();
    await expect(page.getByTestId('booking-cancelled').last()).toBeVisible();
  });

  test('a used evaluation link says it was rated, with the rating', async ({ page, baseURL }) => {
    const { code, secret } = await submitPublic(baseURL!, { description: `评价链接${stamp}：路灯坏了很久没人修。`, phone: '13907985577' });
    const id = await caseIdOf(baseURL!, code);
    const dispatcher = await apiAs(baseURL!, 'dispatcher');
    const handler = await apiAs(baseURL!, 'handler');
    const me = await handler.get<{ roles: Array<{ unitId: string }> }>('/api/auth/me');
    await dispatcher.post(`/api/cases/${id}/dispatch`, { unitId: me.roles[0].unitId });
    await handler.post(`/api/cases/${id}/accept`);
    await handler.post(`/api/cases/${id}/reply`, { solved: true, reply: '已安排电工更换灯泡，本周内修好。' });
    await dispatcher.dispose();
    await handler.dispose();
    const api = await request.newContext({ baseURL });
    const tracked = (await (await api.post('/api/public/track', { data: { code, secret } })).json()) as { evaluationToken: string };
    expect((await api.post(`/api/public/evaluations/${tracked.evaluationToken}`, { data: { result: 'satisfied', solved: true } })).status()).toBe(200);
    await api.dispose();

    await page.goto(`/m/evaluate/${tracked.evaluationToken}`);
    await expect(page.getByTestId('rate-already')).toContainText('您已评价过');
    await expect(page.getByTestId('rate-already')).toContainText('您的评价：满意');
    await expect(page.getByText('加载失败')).toHaveCount(0);
    await keepScreenshot(page, 'screens-evaluate-used');
  });
});

test.describe('staff on a desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the case page shows the resident’s photo inline and the map pin; the action menu says 办理操作', async ({ page, baseURL }) => {
    const photo = await picture(page);
    const { code } = await submitPublic(baseURL!, { description: `照片和位置${stamp}：村口垃圾堆放多日无人清运。`, phone: '13907985578', lat: 27.7632, lng: 115.8991 }, photo);
    const id = await caseIdOf(baseURL!, code);
    await signIn(page, 'dispatcher', { timeout: 30_000 });
    await page.goto(`/cases/${id}`);
    const photos = page.getByTestId('case-photos');
    await expect(photos.locator('img')).toHaveCount(1);
    await expect.poll(() => photos.locator('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await photos.locator('img').first().click();
    await expect(page.locator('.ant-image-preview-img, .ant-image-preview img').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('case-map').locator('.lx-map-pin')).toHaveCount(1);
    await expect(page.getByText('办理操作').first()).toBeVisible();
    await expect(page.getByText('可办理', { exact: true })).toHaveCount(0);
    await keepScreenshot(page, 'screens-case-photo-pin');
  });

  test('a visit’s long problem becomes a case titled at a clause with “…”, carrying the visit’s photo', async ({ page, baseURL }) => {
    const photo = await picture(page);
    const cadre = await apiAs(baseURL!, 'cadre');
    const upload = await cadre.context.post('/api/attachments', {
      multipart: { file: { name: `走访${stamp}.png`, mimeType: 'image/png', buffer: photo } },
      headers: { 'x-csrf-token': ((await cadre.get<{ csrfToken: string }>('/api/auth/me')).csrfToken) },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const photoId = ((await upload.json()) as { id: string }).id;
    const text = `组里水渠${stamp}年久失修，雨季一来就漫进稻田和农户家里，去年冲坏了两亩秧苗，希望安排维修`;
    const visit = await cadre.post<{ id: string; problems: Array<{ id: string }> }>('/api/visits', {
      kind: 'visit',
      areaCode: VILLAGE,
      householdIds: [],
      place: '村东水渠',
      notes: '走访中发现水渠问题。',
      delivered: [],
      photoIds: [photoId],
      problems: [{ text, categoryCode: 'urban.roads' }],
    });
    const converted = await cadre.post<{ case: { id: string } }>(`/api/visits/${visit.id}/problems/${visit.problems[0].id}/case`, {});
    await cadre.dispose();

    await signIn(page, 'dispatcher', { timeout: 30_000 });
    await page.goto(`/cases/${converted.case.id}`);
    await expect(page.getByTestId('case-title')).toHaveText(`组里水渠${stamp}年久失修，雨季一来就漫进稻田和农户家里…`);
    await expect(page.getByTestId('case-photos').locator('img')).toHaveCount(1);
    await keepScreenshot(page, 'screens-visit-case');
  });

  test('the admin meets no 403 from the menu; tables fit at 1440 px', async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, 'admin', { timeout: 30_000 });
    const menu = page.getByRole('menu').first();
    await expect(menu).toBeVisible();
    await expect(menu.getByText('派单', { exact: true })).toHaveCount(0);
    const forbidden: string[] = [];
    page.on('response', (r) => r.status() === 403 && r.url().includes('/api/') && forbidden.push(`${page.url()} → ${r.url()}`));
    const entries = await menu.getByRole('menuitem').all();
    expect(entries.length).toBeGreaterThan(3);
    for (const item of entries) {
      await item.click();
      await page.waitForTimeout(1500);
      await expect(page.getByText('无权执行此操作')).toHaveCount(0);
    }
    expect(forbidden).toEqual([]);

    await page.context().clearCookies();
    await signIn(page, 'dispatcher', { timeout: 30_000 });
    await page.goto('/dispatch');
    await expect(page.getByTestId('dispatch-queue')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await overflows(page, '[data-testid="dispatch-queue"] .ant-table-content')).toBeLessThanOrEqual(1);
    await keepScreenshot(page, 'screens-dispatch-1440');

    await page.context().clearCookies();
    await signIn(page, 'leader', { timeout: 30_000 });
    await page.goto('/figures');
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await overflows(page, '[data-testid="ranking-table"] .ant-table-content')).toBeLessThanOrEqual(1);
    await keepScreenshot(page, 'screens-figures-1440');
  });

  test('an admin imports roads and landmarks (GeoJSON); the maps draw and name them', async ({ page, baseURL }) => {
    const api = await request.newContext({ baseURL });
    const areas = (await (await api.get('/api/public/map/areas')).json()) as { items: Array<{ code: string; lat: number; lng: number }> };
    await api.dispose();
    const { lat, lng } = areas.items.find((a) => a.code === VILLAGE)!;
    const road = `凤岭${stamp}路`;
    const school = `凤岭${stamp}小学`;
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[lng - 0.004, lat - 0.001], [lng, lat + 0.0005], [lng + 0.004, lat + 0.001]] }, properties: { name: road } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lng + 0.001, lat - 0.001] }, properties: { name: school } },
      ],
    };
    await signIn(page, 'admin', { timeout: 30_000 });
    await page.goto('/admin/mapLayers');
    const imported = page.waitForResponse((r) => r.url().endsWith('/api/admin/map-features'));
    await page.getByTestId('layer-file').setInputFiles({ name: 'roads.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) });
    expect((await imported).status()).toBe(200);
    await expect(page.getByTestId('layer-list')).toContainText(road);
    await expect(page.getByTestId('layer-list')).toContainText('地标');
    // A file that is not GeoJSON is refused with the field named, and nothing changes.
    await page.getByTestId('layer-file').setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500, 1] }, properties: { name: 'x' } }] })) });
    await expect(page.getByTestId('layer-errors')).toContainText('features.0.geometry');
    await keepScreenshot(page, 'screens-admin-map-layers');

    // The residents' map at the village: the road and the school are drawn and named.
    await page.goto(`/m/submit?area=${VILLAGE}`);
    await page.getByRole('button', { name: '在地图上标注' }).click();
    const map = page.getByTestId('submit-map');
    await expect(map.locator('.lx-map-feature-label', { hasText: road })).toBeVisible();
    await expect(map.locator('.lx-map-feature-label', { hasText: school })).toBeVisible();
    await keepScreenshot(page, 'screens-map-roads');
  });

  test('a stationed cadre: contact cards in one click from their own village, and the week’s stationing and campaign visits on the workbench', async ({ page, baseURL }) => {
    // The running 三送 campaign gives the cadre two households of their village still to visit.
    const dispatcher = await apiAs(baseURL!, 'dispatcher');
    const cadre = await apiAs(baseURL!, 'cadre');
    const me = await cadre.get<{ userId: string }>('/api/auth/me');
    await cadre.dispose();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const campaign = (await dispatcher.get<{ items: Array<{ id: string; startsOn: string; endsOn: string }> }>('/api/campaigns?limit=50')).items.find((c) => c.startsOn <= today && c.endsOn >= today)!;
    const targets = (await dispatcher.get<{ items: Array<{ household: { id: string; areaCode: string }; visitedAt: string | null }> }>(`/api/campaigns/${campaign.id}/targets?visited=false&limit=200`)).items;
    const mine = targets.filter((t) => t.household.areaCode.startsWith(VILLAGE)).slice(0, 2);
    expect(mine.length).toBeGreaterThan(0);
    await dispatcher.post(`/api/campaigns/${campaign.id}/assign`, { mode: 'explicit', assignments: mine.map((t) => ({ householdId: t.household.id, cadreUserId: me.userId })) });
    await dispatcher.dispose();

    await signIn(page, 'cadre', { timeout: 30_000 });
    await expect(page.getByTestId('field-week')).toBeVisible();
    await expect(page.getByTestId('field-week')).toContainText('本周驻村');
    await expect(page.getByTestId('stationing-days').first()).toContainText(/已在村 \d+ 天 \/ 要求 \d+ 天/);
    await expect(page.getByTestId('campaign-due').first()).toContainText(/待走访 \d+ 户/);
    await keepScreenshot(page, 'screens-cadre-workbench');

    await page.goto('/households');
    await expect(page.getByTestId('household-area')).toContainText('凤岭村');
    const cards = page.getByTestId('contact-cards');
    await expect(cards).toBeEnabled();
    await expect(cards).toHaveAttribute('href', new RegExp(`contact-cards\\.pdf\\?area=${VILLAGE}`));
  });
});
