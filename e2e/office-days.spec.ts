import { addLocalDays, localDate, localWeekday, startOfLocalDay } from '@lianxin/core';
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { apiAs, choose, chooseStaff, drawerSettled, keepScreenshot, noSidewaysScroll, selectPopupsClosed, signIn } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const stamp = String(Date.now()).slice(-6);
const LIUWAN = '369901200203'; // 柳湾村 (河口乡), with its cadre `liuwan` (钟桂花); used by no other journey
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * Sessions skip statutory holidays (a server rule), so the journey needs a working day. When the
 * server's today is a holiday, the server's clock (test hook) and the journey's browsers move to
 * the next working day at 10:00 China time; `restore` moves the server back.
 */
async function onAWorkingDay(baseURL: string) {
  const { now } = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  const realToday = localDate(new Date(now));
  const api = await apiAs(baseURL, 'dispatcher');
  const year = Number(realToday.slice(0, 4));
  const holidays = new Set<string>();
  for (const y of [year, year + 1]) {
    const calendar = await api.get<{ days: Array<{ date: string; kind: string }> }>(`/api/calendar?year=${y}`);
    for (const d of calendar.days) if (d.kind === 'holiday') holidays.add(d.date);
  }
  await api.dispose();
  let today = realToday;
  while (holidays.has(today)) today = addLocalDays(today, 1);
  const jumpMs = today === realToday ? 0 : startOfLocalDay(today).getTime() + 10 * 3_600_000 - Date.parse(now);
  const moveServer = (ms: number) => fetch(`${baseURL}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
  if (jumpMs) expect((await moveServer(jumpMs)).status).toBe(200);
  return {
    today,
    /** Gives a browser page the same day (before it loads anything). */
    inBrowser: async (page: Page) => {
      if (jumpMs) await page.clock.setFixedTime(new Date(Date.parse(now) + jumpMs));
    },
    restore: async () => {
      if (jumpMs) await moveServer(-jumpMs);
    },
  };
}

test.describe('joint office day', () => {
  let restoreClock: (() => Promise<unknown>) | undefined;
  test.afterEach(async () => {
    await restoreClock?.();
    restoreClock = undefined;
  });

test('a planner sets the schedule and creates sessions, the cadre signs in, and the day’s case is listed', async ({ page, browser, baseURL }) => {
  const workingDay = await onAWorkingDay(baseURL!);
  restoreClock = workingDay.restore;
  const today = workingDay.today;
  await workingDay.inBrowser(page);
  // After any clock move: a session started before it could have expired.
  const dispatcherApi = await apiAs(baseURL!, 'dispatcher');
  const weekday = WEEKDAYS[(localWeekday(today) || 7) - 1]!;
  const place = `柳湾村便民服务中心E2E${stamp}`;

  // The planner moves 柳湾村's office day to today's weekday.
  await signIn(page, 'dispatcher');
  await page.goto('/office-days?tab=schedules');
  const scheduleRow = page.locator(`[data-testid="schedule-row"][data-village="${LIUWAN}"]`);
  await scheduleRow.getByTestId('schedule-edit').click();
  const dialog = page.getByRole('dialog', { name: '修改联合办公日' });
  await choose(page, dialog.getByTestId('schedule-weekday-select'), weekday);
  await selectPopupsClosed(page);
  await dialog.getByTestId('schedule-place').fill(place);
  const put = page.waitForResponse((r) => r.url().endsWith('/api/office-days/schedules') && r.request().method() === 'PUT');
  await dialog.getByTestId('schedule-save').click();
  expect((await put).status()).toBe(200);
  await expect(scheduleRow.getByTestId('schedule-weekday')).toHaveText(weekday);
  await expect(scheduleRow).toContainText(place);
  await keepScreenshot(page, 'office-days-schedules');

  // … and creates the sessions of the next four weeks for it.
  await page.getByTestId('office-day-tabs').getByRole('tab', { name: '办公场次' }).click();
  await page.getByTestId('sessions-generate').click();
  const generate = page.getByRole('dialog', { name: '按办公日安排生成场次' });
  await choose(page, generate.getByTestId('generate-area'), '柳湾村', { search: '柳湾村', tree: true });
  await selectPopupsClosed(page);
  const generated = page.waitForResponse((r) => r.url().endsWith('/api/office-days/sessions/generate'));
  await generate.getByTestId('generate-submit').click();
  const result = (await (await generated).json()) as { created: number; scheduled: number };
  expect(result.scheduled).toBeGreaterThanOrEqual(1); // four weeks, less any holiday on that weekday
  const todayRow = page.locator(`[data-testid="session-row"][data-village="${LIUWAN}"][data-date="${today}"]`);
  // (A session keeps the place it was created with; today's may predate the change.)
  await expect(todayRow).toHaveCount(1);
  await keepScreenshot(page, 'office-days-sessions');
  const sessionId = (await todayRow.getAttribute('data-id'))!;
  // On the demo's own office day (河口乡: Wednesdays) the seed already recorded today's attendance.
  const seeded = await dispatcherApi.get<{ attendance: Array<{ userId: string }> }>(`/api/office-days/sessions/${sessionId}`);
  const { csrfToken } = await dispatcherApi.get<{ csrfToken: string }>('/api/auth/me');
  for (const a of seeded.attendance) {
    const gone = await dispatcherApi.context.delete(`/api/office-days/sessions/${sessionId}/attendance/${a.userId}`, { headers: { 'x-csrf-token': csrfToken } });
    expect(gone.status()).toBe(200);
  }

  // A case of channel 联合办公日 registered in the village today (through the API, as its cadre).
  const cadreApi = await apiAs(baseURL!, 'liuwan');
  const title = `联合办公日反映灌溉水渠堵塞${stamp}`;
  const registered = await cadreApi.post<{ id: string; code: string }>('/api/cases', {
    channel: 'joint_office', kind: 'help', categoryCode: 'agriculture.irrigation', title, content: '柳湾组灌溉水渠被淤泥堵塞，影响下季播种，请村里组织清理。',
    requester: { anonymous: true }, areaCode: LIUWAN,
  });
  await cadreApi.dispose();

  // The cadre signs in to the session and sees the case.
  const cadrePage = await browser.newPage();
  await workingDay.inBrowser(cadrePage);
  await signIn(cadrePage, 'liuwan');
  await cadrePage.goto(`/office-days?session=${sessionId}`);
  const drawer = cadrePage.getByTestId('session-drawer');
  await expect(drawer.getByTestId('day-case').filter({ hasText: title })).toBeVisible();
  await expect(drawer.getByRole('link', { name: registered.code })).toHaveAttribute('href', `/cases/${registered.id}`);
  const signed = cadrePage.waitForResponse((r) => r.url().endsWith(`/api/office-days/sessions/${sessionId}/attendance`) && r.request().method() === 'POST');
  await drawer.getByTestId('attendance-sign-in').click();
  expect((await signed).status()).toBe(200);
  await expect(drawer.locator('[data-testid="attendee"][data-user="user-liuwan"]')).toContainText('钟桂花');
  await expect(drawer.getByTestId('attendance-me')).toHaveText('您已到岗');
  await drawerSettled(cadrePage);
  await keepScreenshot(cadrePage, 'office-days-session-cadre');
  await drawer.getByTestId('session-register').click();
  await expect(cadrePage).toHaveURL(new RegExp(`/register\\?channel=joint_office&areaCode=${LIUWAN}$`));
  await cadrePage.close();

  // The planner sees the cadre present, adds a colleague and takes them off again.
  await page.reload();
  const day = await dispatcherApi.get<{ cases: Array<{ id: string }> }>(`/api/office-days/sessions/${sessionId}`);
  await expect(todayRow).toContainText('到岗 1 人');
  await expect(todayRow).toContainText(`受理诉求 ${day.cases.length} 件`);
  await todayRow.getByTestId('session-open').click();
  await expect(page).toHaveURL(new RegExp(`session=${sessionId}`));
  const planner = page.getByTestId('session-drawer');
  await expect(planner.locator('[data-testid="attendee"][data-user="user-liuwan"]')).toBeVisible();
  await chooseStaff(page, planner.getByTestId('attendance-add-select'), '肖长春');
  await selectPopupsClosed(page);
  const added = page.waitForResponse((r) => r.url().endsWith('/attendance') && r.request().method() === 'POST');
  await planner.getByTestId('attendance-add').click();
  expect((await added).status()).toBe(200);
  const extra = planner.locator('[data-testid="attendee"][data-user="user-hekoucun"]');
  await expect(extra).toContainText('肖长春');
  await drawerSettled(page);
  await keepScreenshot(page, 'office-days-session');
  await extra.getByRole('button', { name: /移\s*除/ }).click();
  const removed = page.waitForResponse((r) => r.url().includes('/attendance/user-hekoucun') && r.request().method() === 'DELETE');
  await page.locator('.ant-popconfirm').getByRole('button', { name: /移\s*除/ }).click();
  expect((await removed).status()).toBe(200);
  await expect(extra).toHaveCount(0);
  await expect(planner.getByTestId('attendee')).toHaveCount(1);
  const detail = await dispatcherApi.get<{ attendance: Array<{ userId: string }>; cases: Array<{ id: string }> }>(`/api/office-days/sessions/${sessionId}`);
  expect(detail.attendance.map((a) => a.userId)).toEqual(['user-liuwan']);
  expect(detail.cases.map((c) => c.id)).toContain(registered.id);
  await dispatcherApi.dispose();

  // On a phone: the list and the drawer fit.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/office-days');
  await expect(todayRow).toBeVisible();
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'office-days-sessions-390');
  await page.goto('/office-days?tab=schedules');
  await expect(scheduleRow).toBeVisible();
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'office-days-schedules-390');
  await page.goto(`/office-days?session=${sessionId}`);
  await expect(page.getByTestId('session-drawer').getByTestId('day-case').filter({ hasText: title })).toBeVisible();
  await drawerSettled(page);
  await keepScreenshot(page, 'office-days-session-390');
});
});
