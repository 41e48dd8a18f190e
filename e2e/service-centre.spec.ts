import { expect, type Page, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, noSidewaysScroll, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(300_000);
const FIRST_LOAD = { timeout: 60_000 };
const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };

// A small PNG (a photo of a document stands in for a real one; the server checks the content).
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

const moveClock = (baseURL: string, advanceMs: number) =>
  fetch(`${baseURL}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs }) });

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username, FIRST_LOAD);
}

test('a village proxy takes a 低保 application on a phone with photos; the township asks for one more document; the proxy brings it; the committee approves; the 公示 runs with an objection answered; approval; the resident rates it', async ({ browser, page, baseURL }) => {
  const applicant = `钱${['秀', '桂', '春', '冬'][Date.now() % 4]}英`;
  // The proxy of 凤岭村 on a phone.
  const phone = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
  const proxy = await phone.newPage();
  await signIn(proxy, 'fengling', FIRST_LOAD);
  await proxy.goto('/services/new');
  await choose(proxy, proxy.getByTestId('apply-item'), '最低生活保障申请（乡镇便民服务中心）', { search: '最低' });
  // The proxy's one village is chosen for them.
  await expect(proxy.getByTestId('apply-village')).toContainText('凤岭村');
  await proxy.getByTestId('apply-name').fill(applicant);
  await proxy.getByTestId('apply-phone').fill(`139${String(Date.now() % 100_000_000).padStart(8, '0')}`);
  await proxy.getByTestId('apply-summary').fill(`${applicant}丈夫去年病故，本人患慢性病无法务工，家中两个孩子上学，申请最低生活保障。`);
  await proxy.getByTestId('material-photo-0').setInputFiles(photo('户口簿.png'));
  await expect(proxy.getByTestId('material-0')).toContainText('户口簿.png');
  await proxy.getByTestId('material-photo-1').setInputFiles(photo('身份证.png'));
  await expect(proxy.getByTestId('material-1')).toContainText('身份证.png');
  await proxy.getByTestId('material-photo-2').setInputFiles(photo('收入证明.png'));
  await expect(proxy.getByTestId('material-2')).toContainText('收入证明.png');
  await noSidewaysScroll(proxy);
  await keepScreenshot(proxy, 'service-apply-390');
  await proxy.getByTestId('apply-submit').click();
  await expect(proxy.getByTestId('service-detail-state')).toHaveText('已提交', FIRST_LOAD);
  const number = (await proxy.getByTestId('service-number').textContent())!.trim();
  expect(number).toMatch(/^青溪便〔\d{4}〕\d+号$/);
  const url = new URL(proxy.url()).pathname;
  const id = url.split('/').at(-1)!;

  // The township centre receives it and asks, once and in full, for one more document.
  await signIn(page, 'chengguan', FIRST_LOAD);
  await page.goto(url);
  await page.getByTestId('service-act-receive').click();
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('service-detail-state')).toHaveText('已受理');
  await page.getByTestId('service-act-request_materials').click();
  await page.getByTestId('step-extra-material').fill('家庭财产申报表');
  await page.getByTestId('step-note').fill('请申请人如实填写家庭财产申报表并签字');
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('service-detail-state')).toHaveText('待补正');
  await expect(page.getByTestId('service-notice')).toBeVisible();

  // The proxy sees what to bring back, and brings it with a photo.
  await proxy.goto('/services?view=carry');
  await expect(proxy.getByTestId('service-list')).toContainText(number, FIRST_LOAD);
  await expect(proxy.getByTestId('service-list')).toContainText('家庭财产申报表');
  await proxy.goto(url);
  await expect(proxy.getByTestId('service-bring')).toContainText('家庭财产申报表', FIRST_LOAD);
  await proxy.getByTestId('service-act-supplement').click();
  await proxy.getByTestId('supplement-photo-0').setInputFiles(photo('家庭财产申报表.png'));
  await expect(proxy.locator('.ant-modal')).toContainText('✓ 1');
  await proxy.getByTestId('step-ok').click();
  await expect(proxy.getByTestId('service-detail-state')).toHaveText('已补正');
  await keepScreenshot(proxy, 'service-supplemented-390');

  // Review, then the committee: attendance and the vote on the meeting's page.
  await page.reload();
  await page.getByTestId('service-act-review').click();
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('service-detail-state')).toHaveText('审核中');
  await page.getByTestId('service-act-to_committee').click();
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('service-detail-state')).toHaveText('待集体评议');
  const town = await apiAs(baseURL!, 'chengguan');
  const meeting = await town.post<{ id: string }>('/api/service-meetings', {
    title: '城关镇低保评议会',
    unitId: 'unit-369901100',
    heldAt: new Date().toISOString(),
    members: [{ name: '危建民', role: '组长' }, { name: '严佳' }, { name: '温晓东' }, { name: '熊德华' }, { name: '村民代表' }],
    applicationIds: [id],
  });
  await page.goto(`/services/meetings/${meeting.id}`);
  const attendance = page.getByTestId('meeting-attendance');
  for (const name of ['危建民', '严佳', '温晓东', '熊德华']) await attendance.getByText(name).click();
  await page.getByTestId('meeting-save-attendance').click();
  await expect(page.getByText('到会人数符合规定')).toBeVisible();
  const card = page.getByTestId('meeting-application').filter({ hasText: number });
  for (let i = 0; i < 4; i++) await card.getByText('赞成').nth(i).click();
  await card.getByTestId('meeting-record-vote').click();
  await expect(card.getByTestId('vote-outcome')).toHaveText('通过');
  await keepScreenshot(page, 'service-meeting');

  // The 公示 on the portal, masked; an objection from a phone.
  const resident = await phone.newPage();
  await resident.goto('/m/publicity');
  const entry = resident.getByTestId('publicity-entry').filter({ hasText: number });
  await expect(entry).toContainText(`${applicant[0]}**`, FIRST_LOAD);
  await expect(resident.locator('body')).not.toContainText(applicant);
  await entry.getByTestId('objection-open').click();
  await entry.getByTestId('objection-content').fill('听说其家中有一辆小货车，是否如实申报？');
  await entry.getByTestId('objection-send').click();
  await expect(entry.getByTestId('objection-sent')).toBeVisible();
  await noSidewaysScroll(resident);

  // The township investigates and answers; the 公示 ends (the clock moved) and it is approved.
  await page.goto(url);
  await expect(page.getByTestId('service-objection')).toContainText('小货车', FIRST_LOAD);
  await page.getByTestId('service-answer-objection').click();
  await page.getByTestId('answer-finding').fill('经入户核实并查询车辆登记，申请人家庭名下无机动车');
  await page.getByTestId('answer-text').fill('经核实，异议反映情况不属实');
  await page.getByTestId('answer-ok').click();
  await expect(page.getByTestId('service-objection')).toContainText('已答复');
  const jump = 7 * DAY + 3_600_000;
  expect((await moveClock(baseURL!, jump)).status).toBe(200);
  try {
    // Sessions live on the server clock too: sign in after the jump.
    await switchTo(page, 'chengguan');
    await page.goto(url);
    await page.getByTestId('service-close-publicity').click();
    await expect(page.getByTestId('service-detail-state')).toHaveText('已批准', FIRST_LOAD);

    // The proxy delivers the result; the resident rates it from the SMS link.
    await proxy.context().clearCookies();
    await signIn(proxy, 'fengling', FIRST_LOAD);
    await proxy.goto(url);
    await proxy.getByTestId('service-act-deliver').click();
    await proxy.getByTestId('step-ok').click();
    await expect(proxy.getByTestId('service-detail-state')).toHaveText('已送达', FIRST_LOAD);
    const link = (await proxy.getByTestId('service-evaluation-url').textContent())!.trim();
    await resident.goto(new URL(link).pathname);
    await resident.getByText('满意', { exact: true }).click();
    await resident.getByTestId('service-rate-submit').click();
    await expect(resident.getByTestId('service-rated')).toBeVisible();
    await keepScreenshot(resident, 'service-rated-390');
    const done = await (await apiAs(baseURL!, 'chengguan')).get<{ state: string; events: Array<{ action: string }> }>(`/api/service-applications/${id}`);
    expect(done.state).toBe('evaluated');
    expect(done.events.map((e) => e.action)).toEqual(['submit', 'receive', 'request_materials', 'supplement', 'review', 'to_committee', 'vote_passed', 'objection', 'objection_rejected', 'publicity_closed', 'deliver', 'evaluate']);
  } finally {
    await moveClock(baseURL!, -jump);
    await town.dispose();
    await phone.close();
  }
});

test('the public catalogue and a 公示 on the portal at 390 px', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/m/services');
  await expect(page.getByTestId('service-item').first()).toBeVisible(FIRST_LOAD);
  expect(await page.getByTestId('service-item').count()).toBeGreaterThanOrEqual(20);
  const search = page.getByTestId('service-search').locator('input');
  await search.fill('最低生活保障');
  await search.press('Enter');
  await expect(page.getByTestId('service-item')).toHaveCount(1);
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'portal-services-390');
  await page.getByTestId('service-item').first().click();
  await expect(page.getByTestId('service-title')).toHaveText('最低生活保障申请', FIRST_LOAD);
  await expect(page.getByText('户口簿')).toBeVisible();
  const qr = page.getByTestId('service-qr');
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'portal-service-390');

  await page.goto('/m/publicity');
  const entries = page.getByTestId('publicity-entry');
  await expect(entries.first()).toBeVisible(FIRST_LOAD);
  // Names are masked (surname and stars); no phone number shows.
  for (const text of await entries.allTextContents()) {
    expect(text).toMatch(/[\u4e00-\u9fa5]\*+/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  }
  await noSidewaysScroll(page);
  await keepScreenshot(page, 'portal-publicity-390');
});

test('an administrator changes a service in the catalogue: its time limit and its committee quorum', async ({ page }) => {
  await signIn(page, 'admin', FIRST_LOAD);
  await page.goto('/services/catalogue');
  const row = page.locator('tbody tr.ant-table-row', { hasText: '开具居住证明' }).first();
  await expect(row).toBeVisible(FIRST_LOAD);
  await row.getByRole('button', { name: /修\s?改/ }).click();
  const dialog = page.getByRole('dialog', { name: '修改事项' });
  await dialog.getByLabel('时限（天）').fill('4');
  await dialog.getByLabel('评议到会比例（%）').fill('80');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(row).toContainText('4个工作日');
  const saved = await page.evaluate(async () => (await (await fetch('/api/service-items?q=居住证明')).json()) as { items: { name: string; limitDays: number; quorumPercent: number }[] });
  expect(saved.items.find((i) => i.name.includes('开具居住证明'))).toMatchObject({ limitDays: 4, quorumPercent: 80 });
});
