import { type APIRequestContext, expect as baseExpect, type Page, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, settledOptions, signIn } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

// 凤岭村: the `cadre` demo account (邓志远, first secretary) is stationed there.
const VILLAGE = '369901100202';
const stamp = String(Date.now()).slice(-6);
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Waits until the page's service worker is active and controls the page (it precached the shell). */
async function controlledByWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** A visit recorded without signal: household from the phone's copy, a photo, optionally a problem; `more` fills in the rest. */
async function recordOfflineVisit(page: Page, address: string, notes: string, problem?: string, more?: () => Promise<void>) {
  await page.goto('/visits/new');
  const form = page.getByTestId('visit-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('visit-area')).toContainText('凤岭村');
  const picker = page.getByTestId('visit-households');
  await picker.click();
  const typed = address.slice(0, 6);
  await page.keyboard.type(typed);
  // The phone's copy answers the search after its debounce: wait until the list is the answer to
  // what was typed (a list redrawn between mouse down and up loses the click), then for the choice.
  await expect(picker).toHaveAttribute('data-search-settled', typed);
  await expect(settledOptions(page).filter({ hasNotText: typed })).toHaveCount(0);
  await settledOptions(page).filter({ hasText: address }).first().click();
  await expect(picker.locator('.ant-select-selection-item')).toContainText([address]);
  await selectPopupsClosed(page);
  await expect(picker).toContainText(address);
  await form.getByLabel('民情日记').fill(notes);
  await form.locator('input[type=file]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
  await expect(form.locator('.ant-upload-list-item-done, .ant-upload-list-item-container .ant-upload-list-item:not(.ant-upload-list-item-error)')).toHaveCount(1);
  if (problem) {
    await page.getByTestId('visit-add-problem').click();
    const row = page.getByTestId('visit-problem').first();
    await row.getByLabel('问题').fill(problem);
    await choose(page, row.locator('.ant-select'), '道路设施', { search: '道路设施', tree: true });
    await selectPopupsClosed(page);
  }
  await more?.();
  await page.getByTestId('visit-save').click();
  await expect(page).toHaveURL(/\/offline$/);
}

async function visitsWith(api: { get: <T>(p: string) => Promise<T> }, marker: string) {
  const page = await api.get<{ items: Array<{ id: string; notes: string | null; photos: unknown[]; problems: Array<{ caseId: string | null }> }> }>(`/api/visits?areaCode=${VILLAGE}&limit=100`);
  return page.items.filter((v) => (v.notes ?? '').includes(marker));
}

test('without signal a stationed cadre records two visits with photos and a problem; they wait in a visible queue, sync once the signal returns, a case reaches dispatch, and no retry duplicates anything', async ({ page, context, baseURL }) => {
  const marker = `离线走访${stamp}`;
  const problemText = `离线发现${stamp}：组道塌方一处，雨天难行`;
  const api = await apiAs(baseURL!, 'cadre');
  const first = `离线一组${stamp}号`;
  const second = `离线二组${stamp}号`;
  for (const address of [first, second]) await api.post('/api/households', { areaCode: VILLAGE, address, headName: '欧阳春', members: [] });

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  await page.goto('/offline');
  await controlledByWorker(page);
  // Installable: the manifest is linked and names its icons.
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'));
  expect(manifest).toBe('/manifest.webmanifest');
  // Before leaving the signal: keep the villages' households and campaign targets on the phone.
  await page.getByTestId('offline-refresh').click();
  await expect(page.getByTestId('offline-reference-info')).toContainText('已保存');

  // The signal goes.
  await context.setOffline(true);
  await expect(page.getByTestId('offline-network')).toHaveText('无网络');
  await expect(page.getByTestId('offline-badge')).toContainText('离线');
  // The households kept on the phone answer a lookup.
  await page.getByLabel('按地址或户主查户').fill(first);
  await expect(page.getByTestId('offline-household').filter({ hasText: first })).toHaveCount(1);

  await recordOfflineVisit(page, first, `${marker}：第一户，老人身体尚好。`);
  await recordOfflineVisit(page, second, `${marker}：第二户，反映组道塌方。`, problemText);
  // The problem of the second visit becomes a case once the visit is on the server.
  await page.getByTestId('offline-to-case').click();
  const items = page.getByTestId('offline-queue').getByTestId('offline-item');
  await expect(items).toHaveCount(3);
  await expect(page.getByTestId('offline-waiting')).toHaveText('待同步 3 条');
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await keepScreenshot(page, 'offline-queue-390');
  await expectAccessible(page, 'offline-queue-390');
  // Nothing reached the server.
  expect(await visitsWith(api, marker)).toHaveLength(0);

  // The signal returns, but the first visit's answer is lost on the way back (the server did save it).
  let lost = 0;
  await page.route('**/api/visits', async (route) => {
    if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await context.setOffline(false);
  // It syncs by itself once: the lost answer leaves its visit waiting.
  await expect.poll(() => lost).toBe(1);
  await expect(page.getByTestId('offline-network')).toHaveText('在线');
  await expect.poll(async () => (await visitsWith(api, marker)).length).toBe(1);
  // Sync now: the retry carries the same key, so the server answers its first visit and saves the rest.
  await page.getByTestId('offline-sync').click();
  await expect(page.getByTestId('offline-waiting')).toHaveText('没有待同步的记录');
  await expect(page.getByTestId('offline-synced').getByTestId('offline-item')).toHaveCount(3);
  const caseLink = page.getByTestId('offline-case-link');
  await expect(caseLink).toBeVisible();
  const code = (await caseLink.innerText()).replace(/^诉求件\s*/, '').trim();
  await keepScreenshot(page, 'offline-synced-390');

  const synced = await visitsWith(api, marker);
  expect(synced).toHaveLength(2);
  expect(synced.map((v) => v.photos.length)).toEqual([1, 1]);
  // A second sync sends nothing again.
  await page.getByTestId('offline-sync').click();
  await expect(page.getByTestId('offline-note')).toHaveText('已同步 0 条');
  expect(await visitsWith(api, marker)).toHaveLength(2);
  const withCase = synced.find((v) => v.problems.length > 0)!;
  expect(withCase.problems[0]!.caseId).toBeTruthy();
  await api.dispose();

  // The dispatcher finds the case, once, in the dispatch queue.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto('/dispatch');
  await page.getByRole('searchbox', { name: /搜索/ }).fill(`离线发现${stamp}`);
  await page.getByRole('searchbox', { name: /搜索/ }).press('Enter');
  const rows = page.getByTestId('dispatch-queue').locator('tbody tr', { hasText: `离线发现${stamp}` });
  // The search index catches up in the background on a busy machine: refresh until it has the case.
  await expect(async () => {
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(rows).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(rows).toContainText(code);
  await keepScreenshot(page, 'offline-case-in-dispatch');
});

test('signed in with signal, a stationed cadre finds the diary, campaign targets and open surveys on the phone; without signal they open them for the first time and answer a survey on a visit, which syncs once, and a second sync writes nothing', async ({ page, context, baseURL }) => {
  const cadre = await apiAs(baseURL!, 'cadre');
  const me = await cadre.get<{ userId: string }>('/api/auth/me');
  const address = `问卷组${stamp}号`;
  const household = await cadre.post<{ id: string }>('/api/households', { areaCode: VILLAGE, address, headName: '黄春兰', members: [] });
  // The township asks the village's households a question.
  const town = await apiAs(baseURL!, 'chengguan');
  const title = `凤岭村离线问需${stamp}`;
  const survey = await town.post<{ id: string }>('/api/surveys', {
    title,
    areaCode: VILLAGE,
    questions: [
      { kind: 'single', text: '最希望村里解决的问题', options: ['道路', '饮水', '就医'] },
      { kind: 'text', text: '其他建议' },
    ],
    opensOn: chinaDate(0),
    closesOn: chinaDate(10),
  });
  // The running 三送 campaign gives the cadre a household of their village to visit.
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const today = chinaDate(0);
  const campaign = (await dispatcher.get<{ items: Array<{ id: string; name: string; startsOn: string; endsOn: string }> }>('/api/campaigns?limit=50')).items.find((c) => c.startsOn <= today && c.endsOn >= today)!;
  const targets = (await dispatcher.get<{ items: Array<{ household: { id: string; address: string; areaCode: string } }> }>(`/api/campaigns/${campaign.id}/targets?limit=200`)).items;
  const target = targets.find((t) => t.household.areaCode.startsWith(VILLAGE))!;
  expect(target).toBeTruthy();
  await dispatcher.post(`/api/campaigns/${campaign.id}/assign`, { mode: 'explicit', assignments: [{ householdId: target.household.id, cadreUserId: me.userId }] });
  await dispatcher.dispose();

  // Signed in with signal, on the workbench: nothing opened but the queue page, nothing clicked.
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  await controlledByWorker(page);
  await page.goto('/offline');
  await expect(page.getByTestId('offline-reference-info')).toContainText(/已保存 \d+ 户、\d+ 个活动、[1-9]\d* 份问卷/, { timeout: 60_000 });

  // The signal goes: the diary and the campaign's targets open, never opened before.
  await context.setOffline(true);
  await page.goto('/visits');
  await expect(page.getByTestId('diary-summary')).toBeVisible();
  await expect(page.getByTestId('diary-visits')).toBeVisible();
  await keepScreenshot(page, 'offline-diary-390');
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('campaign-title')).toHaveText(campaign.name);
  await expect(page.getByTestId('targets-table')).toContainText(target.household.address);
  await keepScreenshot(page, 'offline-campaign-targets-390');

  // A visit to the household, with the survey answered (the questions kept on the phone).
  await recordOfflineVisit(page, address, `离线问卷${stamp}：与户主谈村里的事。`, undefined, async () => {
    const panel = page.getByTestId('visit-survey-panel').filter({ hasText: title });
    await expect(panel).toBeVisible();
    await panel.click();
    await page.getByRole('radio', { name: '饮水' }).check();
    await page.getByLabel('2. 其他建议').fill('希望接通自来水');
  });
  const queue = page.getByTestId('offline-queue').getByTestId('offline-item');
  await expect(queue).toHaveCount(2);
  await expect(queue.filter({ hasText: '问卷答复' })).toContainText(`${title} · ${address}`);
  await expect(page.getByTestId('offline-waiting')).toHaveText('待同步 2 条');
  const answered = async () => (await town.get<{ answered: number }>(`/api/surveys/${survey.id}`)).answered;
  expect(await answered()).toBe(0);

  // The signal returns; the survey's first answer is lost on the way back (the server did keep it).
  let lost = 0;
  await page.route('**/api/surveys/*/answers', async (route) => {
    if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await context.setOffline(false);
  await expect.poll(() => lost).toBe(1);
  await expect.poll(answered).toBe(1);
  await page.getByTestId('offline-sync').click();
  await expect(page.getByTestId('offline-waiting')).toHaveText('没有待同步的记录');
  await expect(page.getByTestId('offline-synced').getByTestId('offline-item')).toHaveCount(2);
  // A second sync sends nothing again: one answer, with the visit.
  await page.getByTestId('offline-sync').click();
  await expect(page.getByTestId('offline-note')).toHaveText('已同步 0 条');
  const detail = await town.get<{ answered: number; results: Array<{ counts: Array<{ label: string; count: number }>; texts: string[] }> }>(`/api/surveys/${survey.id}`);
  expect(detail.answered).toBe(1);
  expect(detail.results[0]!.counts.find((c) => c.label === '饮水')?.count).toBe(1);
  expect(detail.results[1]!.texts).toEqual(['希望接通自来水']);
  // Back online, the household is no longer offered the survey.
  expect((await cadre.get<{ items: Array<{ id: string }> }>(`/api/surveys/pending?householdId=${household.id}`)).items.map((s) => s.id)).not.toContain(survey.id);
  await cadre.dispose();
  await town.dispose();
});

test('a household edited offline while someone else changed it: both versions are shown and the cadre merges them, losing nothing', async ({ page, context, baseURL }) => {
  const api = await apiAs(baseURL!, 'cadre');
  const address = `冲突组${stamp}号`;
  const household = await api.post<{ id: string }>('/api/households', { areaCode: VILLAGE, address, headName: '谢冬梅', members: [], notes: '原备注' });

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'cadre');
  await page.goto(`/households/${household.id}`);
  await expect(page.getByTestId('household-title')).toContainText(address);
  await controlledByWorker(page);

  await context.setOffline(true);
  await page.getByTestId('household-edit').click();
  await page.getByLabel('需求').fill('离线填写：老人需要助餐');
  await page.getByTestId('household-save').click();
  await expect(page.getByTestId('household-form-error')).toContainText('已存在手机上');

  // Meanwhile, someone else changes the same household (its needs and notes).
  const current = await api.get<{ version: number }>(`/api/households/${household.id}`);
  const other: APIRequestContext = api.context;
  const patched = await other.patch(`/api/households/${household.id}`, { data: { needs: '他人填写：需要危房改造', notes: '他人改的备注', version: current.version }, headers: { 'x-csrf-token': await csrfOf(other) } });
  expect(patched.status(), await patched.text()).toBe(200);

  await context.setOffline(false);
  await page.goto('/offline');
  await page.getByTestId('offline-sync').click();
  const conflict = page.getByTestId('conflict-card');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-mine')).toContainText('离线填写：老人需要助餐');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('他人填写：需要危房改造');
  await expect(page.getByTestId('offline-note')).toBeVisible();
  // The sync button is no longer loading (its faded text is no state a person reads the page in).
  await expect(page.getByTestId('offline-sync')).not.toHaveClass(/ant-btn-loading/);
  await keepScreenshot(page, 'offline-conflict-390');
  await expectAccessible(page, 'offline-conflict-390');
  // Merge: the cadre takes their own needs text; the other's notes stay.
  await conflict.getByTestId('conflict-field').filter({ hasText: '需求' }).getByText('用我的').click();
  await conflict.getByTestId('conflict-merge').click();
  await page.getByTestId('offline-sync').click();
  await expect(page.getByTestId('offline-waiting')).toHaveText('没有待同步的记录');
  const merged = await api.get<{ needs: string; notes: string }>(`/api/households/${household.id}`);
  expect(merged).toMatchObject({ needs: '离线填写：老人需要助餐', notes: '他人改的备注' });
  await api.dispose();
});

test('the residents’ portal is installable and, without signal, says so in Chinese', async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/m/');
  await expect(page.getByText('我要反映').first()).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'))).toBe('/m/manifest.webmanifest');
  const manifest = await (await page.request.get('/m/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ start_url: '/m/', scope: '/m/', display: 'standalone' });
  for (const icon of manifest.icons as Array<{ src: string }>) expect((await page.request.get(icon.src)).status()).toBe(200);
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.goto('/m/track');
  await expect(page.getByTestId('portal-offline')).toHaveText('暂时没有网络');
  await keepScreenshot(page, 'portal-offline-390');
  await expectAccessible(page, 'portal-offline-390');
  await context.setOffline(false);
  await page.goto('/m/');
  await expect(page.getByText('我要反映').first()).toBeVisible();
});

/** The CSRF token of an API context's session. */
async function csrfOf(context: APIRequestContext): Promise<string> {
  return ((await (await context.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}
