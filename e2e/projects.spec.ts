import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiAs, keepScreenshot, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(300_000);
const FIRST_LOAD = { timeout: 60_000 };

/** The text of a PDF read back with pdf.js, whitespace removed. */
async function pdfText(path: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
}

/** A resettlement project of 城关镇 set up through the API: six eligible households of 城郊村, eight flats. */
async function projectReady(baseURL: string) {
  const api = await apiAs(baseURL, 'chengguan');
  const me = await api.get<{ roles: Array<{ role: string; unitId: string }> }>('/api/auth/me');
  const leadUnitId = me.roles.find((r) => r.role === 'dispatcher')!.unitId;
  const project = await api.post<{ id: string; households: Array<{ id: string; memberCount: number }> }>('/api/projects', {
    name: `选房日演练 ${Date.now() % 100000}`,
    areaCode: '369901100000',
    leadUnitId,
    description: '城郊村安置房选房日',
    households: { areaCode: '369901100201' },
  });
  expect(project.households.length).toBeGreaterThanOrEqual(6);
  const eligible = project.households.slice(0, 6).map((h) => ({ householdId: h.id, entitledArea: 140, people: Math.max(1, h.memberCount) }));
  const put = await api.context.put(`/api/projects/${project.id}/selection/households`, { data: { households: eligible }, headers: { 'x-csrf-token': (await (await api.context.get('/api/auth/me')).json()).csrfToken } });
  expect(put.status(), await put.text()).toBe(200);
  const flats = Array.from({ length: 8 }, (_, i) => ({ building: '5', unit: '1', floor: 3 + Math.floor(i / 2), number: `${3 + Math.floor(i / 2)}0${1 + (i % 2)}`, size: 120, type: '三室两厅' }));
  await api.post(`/api/projects/${project.id}/selection/flats`, { flats });
  await api.post(`/api/projects/${project.id}/disclosures`, { kind: 'method', title: '选房办法', body: '按公开摇号顺序叫号，现场自主选房，当场签订确认书。', isPublic: true });
  await api.dispose();
  return project.id;
}

/** Opens a desk page for `desk` and calls the next household. */
async function openDesk(page: Page, projectId: string, desk: string) {
  await page.goto(`/projects/${projectId}/desk?desk=${encodeURIComponent(desk)}`);
  await expect(page.getByTestId('desk-page')).toBeVisible(FIRST_LOAD);
  await page.getByTestId('desk-call-next').click();
  await expect(page.getByTestId('desk-household')).toBeVisible();
}

test('a selection day: the lottery from a published seed, two desks that cannot give one flat twice, the public screen live, the confirmation sheet PDF', async ({ page, browser, baseURL }) => {
  const projectId = await projectReady(baseURL!);
  const seed = `2026年第331期福彩3D开奖号码 ${Date.now() % 1000}`;

  // The township's desk officer draws the order on the project page.
  await signIn(page, 'chengguan', FIRST_LOAD);
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId('project-page')).toBeVisible(FIRST_LOAD);
  await page.getByRole('tab', { name: '选房登记' }).click();
  await expect(page.getByTestId('selection-panel')).toBeVisible(FIRST_LOAD);
  await page.getByTestId('draw-seed').fill(seed);
  await page.getByTestId('draw-submit').click();
  await expect(page.getByTestId('selection-seed')).toHaveText(seed, FIRST_LOAD);
  await keepScreenshot(page, 'projects-selection-drawn');

  // The public page publishes the seed and the order; the TV in the hall shows the screen.
  const hall = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1600, height: 900 } });
  const screen = await hall.newPage();
  await screen.goto(`/m/projects/${projectId}`);
  await expect(screen.getByTestId('public-seed')).toHaveText(seed, FIRST_LOAD);
  await expect(screen.getByTestId('public-disclosure')).toContainText('选房办法');
  await screen.goto(`/m/projects/${projectId}/screen`);
  await expect(screen.getByTestId('screen-progress')).toContainText('已选 0 / 8', FIRST_LOAD);
  await expect(screen.getByTestId('screen-flat-free')).toHaveCount(8);

  // Two desks, two staff members, two browser windows: each calls the next household in order.
  await openDesk(page, projectId, '1号台');
  const deskTwo = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const desk2 = await deskTwo.newPage();
  await signIn(desk2, 'dispatcher', FIRST_LOAD);
  await openDesk(desk2, projectId, '2号台');
  await expect(page.getByTestId('desk-household')).toContainText(/顺序号\s*1(?!\d)/);
  await expect(desk2.getByTestId('desk-household')).toContainText(/顺序号\s*2(?!\d)/);
  // The screen shows who is choosing at each desk (masked names only).
  await expect(screen.getByTestId('screen-serving')).toContainText('1号台', { timeout: 15_000 });
  await expect(screen.getByTestId('screen-serving')).toContainText('2号台');
  await expect(screen.getByTestId('screen-serving')).toContainText('*');

  // Both households want 5栋1单元301, and both desks confirm at the same moment: one flat, one winner.
  const wanted = '5栋1单元301';
  await page.getByTestId('desk-flat').filter({ hasText: wanted }).click();
  await desk2.getByTestId('desk-flat').filter({ hasText: wanted }).click();
  await Promise.all([page.getByTestId('desk-confirm').click(), desk2.getByTestId('desk-confirm').click()]);
  const done1 = page.getByTestId('desk-done');
  const done2 = desk2.getByTestId('desk-done');
  await expect.poll(async () => (await done1.isVisible()) || (await done2.isVisible()), { timeout: 15_000 }).toBe(true);
  const oneWon = await done1.isVisible();
  const [winner, loser] = oneWon ? [page, desk2] : [desk2, page];
  await expect(loser.locator('.ant-message')).toContainText('已被选定', { timeout: 15_000 });
  await expect(loser.getByTestId('desk-done')).toHaveCount(0);
  await expect(loser.getByTestId('desk-flat').filter({ hasText: wanted })).toHaveCount(0, { timeout: 15_000 });
  await keepScreenshot(loser, 'projects-desk-refused');
  // The other household chooses among what is left.
  await loser.getByTestId('desk-flat').filter({ hasText: '5栋1单元302' }).click();
  await loser.getByTestId('desk-confirm').click();
  await expect(loser.getByTestId('desk-done')).toContainText('5栋1单元302');

  // The public screen follows: two flats taken, the latest choices listed.
  await expect(screen.getByTestId('screen-progress')).toContainText('已选 2 / 8', { timeout: 15_000 });
  await expect(screen.getByTestId('screen-flat-taken')).toHaveCount(2);
  await expect(screen.getByTestId('screen-recent')).toContainText(wanted);
  await expect(screen.getByTestId('screen-recent')).toContainText('5栋1单元302');
  await keepScreenshot(screen, 'projects-public-screen');

  // The confirmation sheet to print and sign.
  await expect(winner.getByTestId('desk-done')).toContainText(wanted);
  const [download] = await Promise.all([winner.waitForEvent('download'), winner.getByTestId('desk-sheet').click()]);
  const text = await pdfText((await download.path())!);
  expect(text).toContain('选房确认书');
  expect(text).toContain(wanted);
  expect(text).toContain('户主（或受托人）签字');
  await keepScreenshot(winner, 'projects-desk-confirmed');
  await hall.close();
  await deskTwo.close();
});

test('the demo county’s resettlement project is public on the portal: its disclosures, the seed and the drawn order, a village’s page', async ({ page }) => {
  await page.goto('/m/projects');
  await page.getByTestId('public-project').filter({ hasText: '城郊片区安置房建设项目' }).getByRole('link').click();
  await expect(page.getByTestId('public-project-page')).toBeVisible(FIRST_LOAD);
  await expect(page.getByTestId('public-disclosure')).toHaveCount(4);
  await expect(page.getByTestId('public-seed')).toContainText('福彩3D');
  await keepScreenshot(page, 'projects-public-page');
  await page.goto('/m/villages/369901100201');
  await expect(page.getByTestId('public-village-page')).toContainText('城郊片区安置房建设项目', FIRST_LOAD);
});
