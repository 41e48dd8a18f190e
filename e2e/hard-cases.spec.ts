import { expect as baseExpect, test } from '@playwright/test';
import { apiAs, choose, chooseStaff, keepScreenshot, selectPopupsClosed, signIn } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const stamp = String(Date.now()).slice(-6);
const HOUSING = '青溪县住房和城乡建设局';
const MEMBER = { username: 'zhujian.handler', name: '孙建平' };

type Listed = { id: string; code: string; status: string; unitName: string | null; taskForceId: string | null; leaderUserId: string | null };

test('a supervisor reviews two long-standing cases with a unit, forms a task force, and a member reports progress on the case page', async ({ page, browser, baseURL }) => {
  // Two cases of the list the decisions below fit: open at a stage with a clock, handled by a unit
  // other than the member's (so only the task force lets the member open the case).
  const api = await apiAs(baseURL!, 'supervisor');
  const listed = await api.get<{ items: Listed[]; total: number }>('/api/hard-cases?limit=50');
  await api.dispose();
  const fit = listed.items.filter((c) => ['assigned', 'handling', 'reopened'].includes(c.status) && c.unitName && c.unitName !== HOUSING && !c.taskForceId && !c.leaderUserId);
  expect(fit.length, 'the demo county has long-standing cases').toBeGreaterThanOrEqual(2);
  const [first, second] = fit as [Listed, Listed];

  // 积案: the list, with its figures and export.
  await signIn(page, 'supervisor');
  await page.goto('/hard-cases');
  const table = page.getByTestId('hard-case-table');
  await expect(table.locator(`[data-code="${first.code}"]`)).toBeVisible();
  await expect(page.getByTestId('hard-total')).toContainText(`共 ${listed.total} 件`);
  const exported = page.waitForEvent('download');
  await page.getByTestId('hard-export').click();
  expect((await exported).suggestedFilename()).toMatch(/^积案清单_.*\.xlsx$/);
  await keepScreenshot(page, 'hard-cases-list');

  // Schedule a joint review of the two cases, inviting the housing bureau besides the handling units.
  for (const c of [first, second]) await table.locator(`[data-code="${c.code}"]`).getByRole('checkbox').check();
  await page.getByTestId('hard-schedule').click();
  const dialog = page.getByRole('dialog', { name: '安排集中会审' });
  await expect(dialog.getByTestId('meeting-agenda-item')).toHaveCount(2);
  await dialog.getByTestId('meeting-title').fill(`积案集中会审E2E${stamp}`);
  await dialog.getByTestId('meeting-place').fill('县群众工作中心三楼会议室');
  await chooseStaff(page, dialog.getByTestId('meeting-chair'), '林国栋');
  await choose(page, dialog.getByTestId('meeting-units'), HOUSING, { search: '住房' });
  await selectPopupsClosed(page);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/hard-case-meetings') && r.request().method() === 'POST');
  await dialog.getByTestId('meeting-save').click();
  expect((await created).status()).toBe(201);
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  await expect(page.getByTestId('meeting-status')).toHaveText('待召开');
  await expect(page.getByTestId('agenda-row')).toHaveCount(2);

  // Minutes.
  await page.getByTestId('minutes-text').fill('会议听取了承办单位关于积案办理情况的汇报。\n会议要求落实包案责任，限期化解。');
  const saved = page.waitForResponse((r) => r.url().includes('/api/hard-case-meetings/') && r.request().method() === 'PATCH');
  await page.getByTestId('minutes-save').click();
  expect((await saved).status()).toBe(200);

  // Decision 1: a task force led by the supervisor, with a member from the housing bureau.
  await page.locator(`[data-testid="agenda-row"][data-code="${first.code}"]`).getByTestId('agenda-decide').click();
  const decision = page.getByRole('dialog', { name: `作出决定 · ${first.code}` });
  await decision.getByTestId('decision-kind').getByText('成立专案组').click();
  await chooseStaff(page, decision.getByTestId('decision-tf-lead'), '吴建国');
  await chooseStaff(page, decision.getByTestId('decision-tf-members'), MEMBER.name);
  await selectPopupsClosed(page);
  await decision.getByTestId('decision-tf-plan').fill('两周内完成调查核实，一个月内提出化解方案');
  await decision.getByTestId('decision-save').click();
  await expect(page.locator(`[data-testid="agenda-row"][data-code="${first.code}"]`).getByTestId('agenda-decision')).toHaveText('成立专案组');

  // Decision 2: the leader takes the case on (领导包案).
  await page.locator(`[data-testid="agenda-row"][data-code="${second.code}"]`).getByTestId('agenda-decide').click();
  const second_ = page.getByRole('dialog', { name: `作出决定 · ${second.code}` });
  await chooseStaff(page, second_.getByTestId('decision-leader'), '林国栋');
  await selectPopupsClosed(page);
  await second_.getByTestId('decision-note').fill('由县领导包案，督促限期化解');
  await second_.getByTestId('decision-save').click();
  await expect(page.locator(`[data-testid="agenda-row"][data-code="${second.code}"]`).getByTestId('agenda-decision')).toHaveText('领导包案');

  // The meeting is held: the minutes lock, and the document downloads.
  await page.getByTestId('meeting-hold').click();
  await page.getByTestId('meeting-hold-confirm').click();
  await expect(page.getByTestId('meeting-status')).toHaveText('已召开');
  await expect(page.getByTestId('minutes-locked')).toContainText('限期化解');
  const pdf = page.waitForEvent('download');
  await page.getByTestId('minutes-pdf').click();
  expect((await pdf).suggestedFilename()).toMatch(/^会审纪要〔\d{4}〕\d+号\.pdf$/);
  await keepScreenshot(page, 'hard-cases-meeting');

  // The member, from a unit not handling the case, opens it and reports progress in the task-force panel.
  const memberContext = await browser.newContext({ baseURL });
  const member = await memberContext.newPage();
  await signIn(member, MEMBER.username);
  await member.goto(`/cases/${first.id}`);
  const panel = member.getByTestId('task-force-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('task-force-status')).toHaveText('攻坚中');
  await expect(panel.getByTestId('task-force-member')).toHaveCount(2);
  const text = `已会同属地走访当事人，核实了现场情况E2E${stamp}`;
  await panel.getByTestId('report-text').fill(text);
  await panel.getByTestId('report-add').click();
  await expect(panel.getByTestId('task-force-report').first()).toContainText(text);
  await expect(panel.getByTestId('task-force-report').first()).toContainText(MEMBER.name);
  await expect(member.getByText('专案组进展').first()).toBeVisible();
  await keepScreenshot(member, 'hard-cases-task-force');
  await memberContext.close();

  // The supervisor sees the report on the same case page.
  await page.goto(`/cases/${first.id}`);
  await expect(page.getByTestId('task-force-panel').getByTestId('task-force-report').first()).toContainText(text);
});

test('an administrator sets when a case counts as long-standing (积案标准), and it holds after a reload', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/hardCases');
  const form = page.getByTestId('hard-case-rule-form');
  const days = form.getByLabel('办理超过多少天列为积案');
  await expect(days).toHaveValue('90', { timeout: 60_000 });
  await days.fill('120');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('hard-case-rule-form').getByLabel('办理超过多少天列为积案')).toHaveValue('120', { timeout: 60_000 });
  // Put the demo's threshold back for the other journeys.
  await page.getByTestId('hard-case-rule-form').getByLabel('办理超过多少天列为积案').fill('90');
  await page.getByTestId('hard-case-rule-form').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
});
