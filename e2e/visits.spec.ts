import { expect as baseExpect, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, settledOptions, signIn } from './support';

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
  expect(visit).toMatchObject({ households: [{ id: household.id }], delivered: ['warmth'] });
  expect(visit.photos).toHaveLength(1);
  await expect(page).toHaveURL(new RegExp(`/visits/${visit.id}$`));
  await expect(page.getByTestId('visit-title')).toContainText('走访');
  await expect(page.getByTestId('visit-photo-list').locator('img')).toHaveCount(1);
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
  await expect(page.getByTestId('dispatch-queue').getByRole('row').filter({ hasText: marker })).toHaveCount(1);
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const stored = await dispatcher.get<{ channel: string; status: string; householdId: string; areaCode: string }>(`/api/cases/${created.id}`);
  expect(stored).toMatchObject({ channel: 'field', status: 'registered', householdId: household.id, areaCode: VILLAGE });
  await dispatcher.dispose();
  await page.goto(`/visits/${visit.id}`);
  await expect(page.getByTestId('visit-problem-case')).toContainText(created.code);
  await keepScreenshot(page, 'visit-page');
});

test('the diary shows the week’s and the month’s visits day by day, and a manager reads a cadre’s diary', async ({ page, baseURL }) => {
  const note = `日记核对${stamp}：走访独居老人，检查用电安全。`;
  const api = await apiAs(baseURL!, 'cadre');
  const households = await api.get<{ items: { id: string }[] }>(`/api/households?areaCode=${VILLAGE}&limit=1`);
  const visit = await api.post<{ id: string; localDate: string }>('/api/visits', { kind: 'revisit', areaCode: VILLAGE, householdIds: [households.items[0].id], notes: note, delivered: ['policy'] });
  await api.dispose();

  await signIn(page, 'cadre');
  await page.goto('/visits');
  const entry = page.getByTestId('diary-days').locator(`[data-testid="diary-visit"][data-visit-id="${visit.id}"]`);
  await expect(entry).toContainText(note);
  await expect(entry).toContainText('回访');
  await expect(page.locator(`[data-testid="diary-day"][data-date="${visit.localDate}"]`)).toBeVisible();
  expect(Number(await page.getByTestId('diary-visits').locator('.ant-statistic-content-value').innerText())).toBeGreaterThanOrEqual(1);
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
  await page.getByTestId('diary-previous').click();
  await expect(page.getByTestId('diary-summary')).toBeVisible();
  await expect(entry).toHaveCount(0);

  // A dispatcher (a manager over the county) picks the cadre and reads the same diary.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto('/visits');
  await expect(page.getByTestId('area-visits')).toBeVisible();
  const cadreSelect = page.getByTestId('diary-cadre');
  const searched = page.waitForResponse((r) => r.url().includes('/api/staff?') && new URL(r.url()).searchParams.get('q') === '邓志远');
  await cadreSelect.click();
  await page.keyboard.type('邓志远');
  await searched;
  await settledOptions(page).filter({ hasText: /^邓志远/ }).first().click();
  await expect(page).toHaveURL(/[?&]cadre=user-cadre/);
  await expect(page.getByRole('heading', { name: /邓志远/ })).toBeVisible();
  await expect(entry).toContainText(note);
  await keepScreenshot(page, 'diary-manager');
});
