import { expect as baseExpect, type Page, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { apiAs, keepScreenshot, signIn } from './support';

/**
 * Issue 15, the rest: the visit form carries a survey (a cadre on a phone), the 公示 of selection
 * results with objections (a resident on a phone, staff at a desk), and sign-in at a meeting's door
 * by QR (the door page at the desk, the attendee's phone).
 */
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const TOWN = '369901100000'; // 城关镇
const DONGMEN = '369901100001'; // 东门社区; the cadre `dongmen` keeps its households
const stamp = String(Date.now()).slice(-6);
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function household(baseURL: string, name: string, phone: string, n: number) {
  const cadre = await apiAs(baseURL, 'dongmen');
  const h = await cadre.post<{ id: string }>('/api/households', { areaCode: DONGMEN, address: `东门连心路${stamp}-${n}号`, headName: name, members: [{ name, relationship: 'head', phone }] });
  await cadre.dispose();
  return h.id;
}

/** Gets a code on the phone's verified form and fills it in (read back through the test hook). */
async function verify(m: Page, phone: string) {
  await m.getByLabel('手机号').fill(phone);
  await m.getByTestId('get-code').click();
  await expect(m.getByText(/验证码已发送/)).toBeVisible();
  const { code } = (await (await m.request.get(`/api/test/sms-code?phone=${phone}`)).json()) as { code: string };
  await m.getByLabel('验证码').fill(code);
}

test('a stationed cadre answers an open survey with a household in the visit form, on a phone', async ({ browser, baseURL }) => {
  const hid = await household(baseURL!, '龙家旺', `1351${stamp}1`, 1);
  const town = await apiAs(baseURL!, 'chengguan');
  const title = `东门社区群众需求调查E2E${stamp}`;
  const survey = await town.post<{ id: string }>('/api/surveys', {
    title,
    areaCode: DONGMEN,
    questions: [
      { kind: 'single', text: '最希望社区解决的问题', options: ['道路', '饮水', '就医'] },
      { kind: 'text', text: '其他建议' },
    ],
    opensOn: chinaDate(0),
    closesOn: chinaDate(20),
  });

  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, 'dongmen');
  await page.goto(`/visits/new?householdIds=${hid}`);
  await expect(page.getByTestId('visit-form')).toBeVisible();
  const panel = page.getByTestId('visit-survey-panel').filter({ hasText: title });
  await expect(panel).toBeVisible();
  await panel.click();
  await page.getByRole('radio', { name: '就医' }).check();
  await page.getByLabel('2. 其他建议').fill('希望社区卫生室周末也开门');
  await page.getByTestId('visit-form').getByLabel('民情日记').fill(`入户问需${stamp}：了解看病需求。`);
  await keepScreenshot(page, 'visit-form-survey-390');
  await expectAccessible(page, 'visit-form-survey');
  await page.getByTestId('visit-save').click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  await expect(page.getByText('已代录 1 份问卷')).toBeVisible();

  // The answer counts in the results, entered by the cadre; the household has left the cadre's pending list.
  const detail = await town.get<{ answered: number; results: Array<{ counts: Array<{ label: string; count: number }>; texts: string[] }> }>(`/api/surveys/${survey.id}`);
  expect(detail.answered).toBe(1);
  expect(detail.results[0].counts.find((c) => c.label === '就医')?.count).toBe(1);
  expect(detail.results[1].texts).toEqual(['希望社区卫生室周末也开门']);
  const coverage = await town.get<{ cadres: Array<{ pending: Array<{ householdId: string }> }> }>(`/api/surveys/${survey.id}/coverage`);
  expect(coverage.cadres.flatMap((c) => c.pending.map((p) => p.householdId))).not.toContain(hid);
  // A second visit to the same household offers the survey no more.
  await page.goto(`/visits/new?householdIds=${hid}`);
  await expect(page.getByTestId('visit-form')).toBeVisible();
  await expect(page.getByTestId('visit-survey-panel').filter({ hasText: title })).toHaveCount(0);
  await context.close();
  await town.dispose();
});

test('the 公示 of selection results: a verified resident objects on a phone, staff record one received in person and answer each, the objector is told by SMS', async ({ page, browser, baseURL }) => {
  const phones = [`1352${stamp}1`, `1352${stamp}2`];
  const ids = [await household(baseURL!, '韦家宝', phones[0], 11), await household(baseURL!, '蒙秀兰', phones[1], 12)];
  const api = await apiAs(baseURL!, 'chengguan');
  const me = await api.get<{ roles: Array<{ role: string; unitId: string }>; csrfToken: string }>('/api/auth/me');
  const name = `东门安置公示E2E${stamp}`;
  const project = await api.post<{ id: string }>('/api/projects', { name, areaCode: TOWN, leadUnitId: me.roles.find((r) => r.role === 'dispatcher')!.unitId, households: { ids } });
  const put = await api.context.put(`/api/projects/${project.id}/selection/households`, { data: { households: ids.map((householdId) => ({ householdId, entitledArea: 120, people: 3 })) }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(put.status(), await put.text()).toBe(200);
  const sel = await api.post<{ flats: Array<{ id: string }> }>(`/api/projects/${project.id}/selection/flats`, { flats: [1, 2].map((n) => ({ building: '7', unit: '1', floor: 1, number: `10${n}`, size: 110, type: '三室两厅' })) });
  await api.post(`/api/projects/${project.id}/selection/draw`, { rule: 'lottery', seed: `公示演练${stamp}` });
  for (const [i, desk] of ['1号台', '2号台'].entries()) {
    const called = await api.post<{ households: Array<{ id: string; desk: string | null; state: string }> }>(`/api/projects/${project.id}/selection/call-next`, { desk });
    const h = called.households.find((x) => x.desk === desk && x.state === 'called')!;
    await api.post(`/api/projects/${project.id}/selection/households/${h.id}/confirm`, { flatId: sel.flats[i].id, desk });
  }
  await api.post(`/api/projects/${project.id}/selection/publish`, { objectionDays: 5 });

  // A resident objects on the portal within the period, verified against the registry.
  const context = await browser.newContext(PHONE);
  const m = await context.newPage();
  await m.goto(`/m/projects/${project.id}`);
  await expect(m.getByTestId('public-results')).toBeVisible();
  await expect(m.getByTestId('public-results')).toContainText('公示期至');
  await verify(m, phones[0]);
  await m.getByTestId('objection-text').fill('第2号户的安置面积与公布的标准不一致，请核查');
  await m.getByTestId('verified-submit').click();
  await expect(m.getByTestId('verified-done')).toContainText('异议已提交');
  await keepScreenshot(m, 'selection-objection-portal');
  await expectAccessible(m, 'selection-objection-portal');
  await context.close();

  // The desk: the objection is listed; one received in person is recorded; each is answered.
  await signIn(page, 'chengguan');
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: '选房登记' }).click();
  const card = page.getByTestId('objections-card');
  await expect(card.getByTestId('objections-table')).toContainText('安置面积与公布的标准不一致');
  const record = card.getByTestId('objection-record');
  await record.getByLabel('异议人姓名').fill('覃大伯');
  await record.getByLabel('联系电话').fill(`1353${stamp}9`);
  await record.getByLabel('异议内容').fill('希望公开摇号现场录像');
  await record.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(card.getByTestId('objections-table')).toContainText('希望公开摇号现场录像');
  for (const [outcome, reply] of [
    ['异议成立', '经核查，第2号户面积登记有误，已更正并重新公示'],
    ['异议不成立', '摇号全程公证，录像已存档，可到镇便民服务中心查阅'],
  ]) {
    await card.getByTestId('objection-handle').first().click();
    const dialog = page.getByRole('dialog', { name: '处理' });
    await dialog.getByLabel(outcome).check();
    await dialog.getByTestId('objection-reply').fill(reply);
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('objections-table')).toContainText(reply);
  }
  await expect(card.getByTestId('objection-handle')).toHaveCount(0);
  await keepScreenshot(page, 'selection-objections-desk');
  await expectAccessible(page, 'selection-objections-desk');

  // Each objector is told the outcome by SMS.
  const admin = await apiAs(baseURL!, 'admin');
  const outbox = await admin.get<{ items: Array<{ template: string; body: string }> }>('/api/outbox?limit=100');
  const told = outbox.items.filter((s) => s.template === 'sms.selection_objection_handled' && s.body.includes(name));
  expect(told.map((s) => (s.body.includes('异议成立') ? 'upheld' : 'dismissed')).sort()).toEqual(['dismissed', 'upheld']);
  await admin.dispose();
  await api.dispose();
});

test('sign-in at a meeting’s door by QR: the door page at the desk, attendees sign in once on their phones, the list updates live', async ({ page, browser, baseURL }) => {
  const phones = [`1354${stamp}1`, `1354${stamp}2`];
  const listed = await household(baseURL!, '潘代表', phones[0], 21);
  await household(baseURL!, '黎阿姨', phones[1], 22);
  const api = await apiAs(baseURL!, 'chengguan');
  const title = `安置小区恳谈会E2E${stamp}`;
  const c = await api.post<{ id: string }>('/api/consultations', { title, background: '就安置小区配套设施听取意见。', areaCode: TOWN, options: ['建社区卫生室', '建老年活动中心'], rule: 'household', opensOn: chinaDate(0), closesOn: chinaDate(10) });
  const withMeeting = await api.post<{ meetings: Array<{ id: string }> }>(`/api/consultations/${c.id}/meetings`, {
    kind: 'forum',
    heldAt: new Date().toISOString(),
    place: '城关镇便民服务中心二楼会议室',
    voting: 'none',
    attendees: [{ name: '潘代表', householdId: listed, role: '群众代表' }],
  });
  const meetingId = withMeeting.meetings[0].id;

  // The desk opens the door page from the consultation: the QR code to print, the live list.
  await signIn(page, 'chengguan');
  await page.goto(`/consultations/${c.id}`);
  await page.getByTestId('meeting-door').click();
  await expect(page.getByTestId('door-card')).toContainText(title);
  await expect(page.getByTestId('door-qr')).toBeVisible();
  // The code is an image the server draws: wait until it has loaded.
  await expect.poll(() => page.getByTestId('door-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(page.getByTestId('door-count')).toHaveText('已签到 0 / 1 人');
  await expectAccessible(page, 'meeting-door');

  // Two attendees scan the code on their phones and sign in; the first scans twice.
  const context = await browser.newContext(PHONE);
  const m = await context.newPage();
  for (const [i, phone] of [phones[0], phones[1], phones[0]].entries()) {
    await m.goto(`/m/meetings/${meetingId}/sign-in`);
    await expect(m.getByTestId('door-sign-in')).toContainText(title);
    await verify(m, phone);
    await m.getByTestId('verified-submit').click();
    if (i < 2) await expect(m.getByTestId('verified-done')).toContainText('签到成功');
    else await expect(m.getByTestId('verified-done')).toContainText('无需重复签到');
    if (i === 0) {
      await keepScreenshot(m, 'meeting-door-phone');
      await expectAccessible(m, 'meeting-door-phone');
      // The desk's list shows it without a reload.
      await expect(page.getByTestId('door-count')).toHaveText('已签到 1 / 1 人');
    }
  }
  await expect(page.getByTestId('door-count')).toHaveText('已签到 2 / 2 人');
  await expect(page.getByTestId('door-list')).toContainText('潘**');
  await expect(page.getByTestId('door-list')).toContainText('黎**');
  await keepScreenshot(page, 'meeting-door-desk');
  await context.close();
  await api.dispose();
});
