import { expect as baseExpect, type Locator, type Page, test } from '@playwright/test';
import { apiAs, choose, keepScreenshot, selectPopupsClosed, signIn } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const DONGMEN = '369901100001'; // 东门社区, in 城关镇; the cadre `dongmen` keeps its households
const stamp = String(Date.now()).slice(-6);
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function typeDate(page: Page, input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
}

test('a township runs a consultation on a resettlement site: a meeting with votes, online opinions from two verified residents on a phone, then the decision with feedback seen on the portal', async ({ page, browser, baseURL }) => {
  // Two households of 东门社区 in the registry, each head with a phone of their own.
  const cadre = await apiAs(baseURL!, 'dongmen');
  const phones = [`1350${stamp}1`, `1350${stamp}2`];
  for (const [i, phone] of phones.entries()) {
    await cadre.post('/api/households', { areaCode: DONGMEN, address: `东门安置征求${stamp}-${i}号`, headName: i ? '刘桂英' : '黄志强', members: [{ name: i ? '刘桂英' : '黄志强', relationship: 'head', phone }] });
  }

  // The township desk starts the consultation.
  const title = `城关镇安置小区选址征求意见E2E${stamp}`;
  await signIn(page, 'chengguan');
  await page.goto('/consultations');
  await expect(page.getByTestId('consultations-page')).toBeVisible();
  // The demo county's finished consultation and the one in progress are listed.
  await expect(page.getByTestId('consultation-row').filter({ hasText: '城关镇安置小区选址征求意见' }).first()).toContainText('已决策公布');
  await expect(page.getByTestId('consultation-row').filter({ hasText: '城关镇安置房户型面积征求意见' })).toContainText('征求中');
  await page.getByTestId('consultation-create').click();
  const drawer = page.getByRole('dialog', { name: '发起征求意见' });
  await drawer.getByLabel('议题').fill(title);
  await drawer.getByLabel('背景材料').fill('城关镇拟建设安置小区，现有两个选址方案，征求群众意见。');
  await choose(page, drawer.getByTestId('consultation-area'), '城关镇', { search: '城关镇', tree: true });
  await selectPopupsClosed(page);
  await drawer.getByLabel('表决选项（每行一个）').fill('方案一：东门地块\n方案二：西门地块');
  await drawer.getByLabel('征求意见的问题（每行一个）').fill('对户型面积有何建议？');
  await typeDate(page, drawer.getByLabel('开始日期'), chinaDate(0));
  await typeDate(page, drawer.getByLabel('截止日期'), chinaDate(14));
  await drawer.getByTestId('consultation-save').click();
  await expect(page.getByTestId('consultation-page')).toBeVisible();
  await expect(page.getByTestId('consultation-title')).toContainText(title);
  const id = page.url().split('/').pop()!;

  // A residents' representatives' meeting with a show of hands.
  await page.getByTestId('meeting-add').click();
  const meeting = page.getByRole('dialog', { name: '登记会议' });
  await choose(page, meeting.getByTestId('meeting-kind'), '群众代表会');
  await meeting.getByLabel('地点').fill('城关镇便民服务中心会议室');
  await meeting.getByLabel('“方案一：东门地块”票数').fill('21');
  await meeting.getByLabel('“方案二：西门地块”票数').fill('9');
  await meeting.getByLabel(/参会人员/).fill('张代表\n李代表');
  await meeting.getByLabel('会议纪要').fill('会议听取了两个选址方案的说明，举手表决。');
  await meeting.getByTestId('meeting-save').click();
  await expect(page.getByTestId('meeting-card')).toHaveCount(1);
  await expect(page.getByTestId('total-方案一：东门地块')).toHaveText('21');

  // Two residents give their opinions on a phone, each verified by an SMS code against the registry.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const m = await phone.newPage();
  const choices = ['方案一：东门地块', '方案二：西门地块'];
  for (const [i, number] of phones.entries()) {
    await m.goto(`/m/consultations/${id}`);
    await expect(m.getByTestId('public-consultation')).toBeVisible();
    await expect(m.getByTestId('public-state')).toHaveText('征求中');
    await m.getByLabel('手机号').fill(number);
    await m.getByTestId('get-code').click();
    await expect(m.getByText(/验证码已发送/)).toBeVisible();
    const { code } = (await (await m.request.get(`/api/test/sms-code?phone=${number}`)).json()) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    await m.getByLabel('验证码').fill(code);
    await m.getByLabel(choices[i]).check();
    await m.getByLabel('意见和建议').fill(i ? '西门地块交通更方便' : '东门地块离学校近，希望多建90平方米户型');
    await m.getByTestId('verified-submit').click();
    await expect(m.getByTestId('verified-done')).toBeVisible();
    if (i === 0) await keepScreenshot(m, 'consultation-portal-opinion');
  }
  // An outsider's phone is refused.
  await m.goto(`/m/consultations/${id}`);
  await m.getByLabel('手机号').fill('13312345678');
  await m.getByTestId('get-code').click();
  await expect(m.getByTestId('verified-error')).toContainText('不在本次征求范围');

  // Back at the desk: the opinions are in the results; the decision answers each one.
  await page.reload();
  await expect(page.getByTestId('opinion-row')).toHaveCount(2);
  await expect(page.getByTestId('total-方案一：东门地块')).toHaveText('22');
  await expect(page.getByTestId('results-chart')).toBeVisible();
  await keepScreenshot(page, 'consultation-results');
  await page.getByTestId('decision-open').click();
  const decision = page.getByRole('dialog', { name: '公布决策与采纳反馈' });
  await decision.getByTestId('decision-text').fill('经群众代表会表决和网上征求意见，安置小区选址采用方案一：东门地块。');
  const west = decision.getByTestId('decision-opinion').filter({ hasText: '西门地块交通更方便' });
  await choose(page, west.locator('.ant-select').first(), '不采纳');
  await west.getByPlaceholder('理由').fill('西门地块位于河道管理范围内，不宜建设');
  await decision.getByTestId('decision-save').click();
  await expect(page.getByTestId('consultation-state')).toHaveText('已决策公布');
  await expect(page.getByTestId('consultation-decision')).toContainText('方案一');

  // Each opinion-giver is told by SMS.
  const admin = await apiAs(baseURL!, 'admin');
  const outbox = await admin.get('/api/outbox?limit=100');
  const told = outbox.items.filter((s: { template: string; body: string }) => s.template === 'sms.consultation_feedback' && s.body.includes(title));
  expect(told.map((s: { body: string }) => (s.body.includes('不采纳') ? 'not' : 'adopted')).sort()).toEqual(['adopted', 'not']);

  // The portal shows the decision and the response to each opinion.
  await m.goto(`/m/consultations/${id}`);
  await expect(m.getByTestId('public-state')).toHaveText('已决策公布');
  await expect(m.getByTestId('public-decision')).toContainText('方案一：东门地块');
  await expect(m.getByTestId('public-feedback')).toHaveCount(2);
  await expect(m.getByTestId('public-feedback').filter({ hasText: '西门地块交通更方便' })).toContainText('不采纳');
  await expect(m.getByTestId('public-feedback').filter({ hasText: '西门地块交通更方便' })).toContainText('河道管理范围');
  await expect(m.locator('body')).not.toContainText(phones[0]);
  await keepScreenshot(m, 'consultation-portal-decision');
  await phone.close();
  await cadre.dispose();
  await admin.dispose();
});
