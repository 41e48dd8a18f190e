import { expect, type Page, test } from '@playwright/test';
import { apiAs, keepScreenshot, settledOptions, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(240_000);
const FIRST_LOAD = { timeout: 60_000 };

/** A phone that differs per run, so no earlier demo case makes ours a repeat. */
const phone = () => `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;

/** Registers a case as the registrar and dispatches it to 青溪县民政局 as the dispatcher (API steps). */
async function assignedCase(baseURL: string, title: string, requesterPhone = phone()) {
  const registrar = await apiAs(baseURL, 'registrar');
  const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'phone',
    kind: 'help',
    categoryCode: 'social.dibao',
    title,
    content: `${title}。家中老人长期患病，三个月前递交了低保申请材料，至今没有答复，希望尽快审核并告知结果。`,
    requester: { name: '张秀英', phone: requesterPhone },
    areaCode: '369901100201',
    address: '城关镇城郊村上屋组 12 号',
  });
  await registrar.dispose();
  const dispatcher = await apiAs(baseURL, 'dispatcher');
  await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng', note: '请民政局核实低保申请进度' });
  await dispatcher.dispose();
  return created;
}

/** Opens an action's form, whether its button is inline or in the "more" menu. */
async function openAction(page: Page, action: string) {
  const inline = page.locator(`button[data-action="${action}"]`);
  if (await inline.count()) await inline.click();
  else {
    await page.getByTestId('more-actions').click();
    await page.locator(`.ant-dropdown [data-action="${action}"]`).click();
  }
  await expect(page.getByTestId(`action-form-${action}`)).toBeVisible();
}

test('a handler returns a case with a reason and it goes back to the dispatch queue', async ({ page, baseURL }) => {
  const created = await assignedCase(baseURL!, '退单测试：低保申请长期无人答复');
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  const queueBefore = (await dispatcher.get<{ groups: Array<{ key: string; total: number }> }>('/api/cases/inbox')).groups.find((g) => g.key === 'dispatch')!.total;

  await signIn(page, 'handler');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('case-code')).toContainText(created.code, FIRST_LOAD);
  await expect(page.getByTestId('case-status')).toHaveText('已交办');
  // Exactly what the API offers the handler now: accept and return, no dispatch.
  await expect(page.locator('button[data-action="accept"]')).toBeVisible();
  await expect(page.getByTestId('case-actions').locator('[data-action="dispatch"]')).toHaveCount(0);
  await expect(page.getByTestId('current-unit')).toHaveText('青溪县民政局');

  await openAction(page, 'return');
  // The reason is required: an empty submit is refused in Chinese and nothing is sent.
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form-return')).toContainText('请填写理由');
  const reason = '该户低保审核由城关镇人民政府负责，不属于本局职责，请改派乡镇。';
  await page.getByLabel('理由').fill(reason);
  await page.getByTestId('action-submit').click();
  await expect(page.getByText('退单成功')).toBeVisible();
  // The case went back to the dispatch centre and left the handler's scope: the page says so.
  await expect(page.getByText('该诉求件已转出您的办理范围')).toBeVisible();
  await expect(page.getByText(`${created.code} 当前状态：已登记`)).toBeVisible();

  // The dispatcher's queue holds it again, and the API keeps the reason.
  const inbox = await dispatcher.get<{ groups: Array<{ key: string; total: number; items: Array<{ id: string }> }> }>('/api/cases/inbox?limit=100');
  const queue = inbox.groups.find((g) => g.key === 'dispatch')!;
  expect(queue.total).toBe(queueBefore + 1);
  const listed = await dispatcher.get<{ items: Array<{ id: string; status: string }> }>(`/api/cases?inbox=true&q=${created.code}`);
  expect(listed.items.map((c) => c.id)).toContain(created.id);
  const detail = await dispatcher.get<{ status: string; actions: string[]; events: Array<{ action: string; note: string }> }>(`/api/cases/${created.id}`);
  expect(detail.status).toBe('registered');
  expect(detail.actions).toContain('dispatch');
  expect(detail.events.at(-1)).toMatchObject({ action: 'return', note: reason });
  await dispatcher.dispose();

  // The dispatch centre lists it with the handler's reason; the case page offers dispatch again.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'dispatcher');
  await page.goto('/dispatch');
  await page.getByRole('searchbox').first().fill(created.code);
  await page.getByRole('searchbox').first().press('Enter');
  const queueRow = page.getByTestId('dispatch-queue').locator('tr', { hasText: created.code });
  await expect(queueRow).toBeVisible(FIRST_LOAD);
  await expect(queueRow.getByTestId('return-reason')).toContainText('不属于本局职责');
  await page.goto(`/cases/${created.id}`);
  await expect(page.locator('button[data-action="dispatch"]')).toBeVisible(FIRST_LOAD);
  await expect(page.getByTestId('case-status')).toHaveText('已登记');
  const returned = page.locator('[data-testid="timeline-event"][data-action="return"]');
  await expect(returned).toContainText(reason);
  await expect(returned).toContainText('赵丽娟');
  await expect(returned).toContainText('青溪县民政局');
  await keepScreenshot(page, 'case-page-returned');
});

test('the requester "显示" reveals the full phone to an allowed user and is audited', async ({ page, baseURL }) => {
  const requesterPhone = phone();
  const created = await assignedCase(baseURL!, '显示测试：申请低保材料审核进度', requesterPhone);
  await signIn(page, 'dispatcher');
  await page.goto(`/cases/${created.id}`);
  const shown = page.getByTestId('requester-phone');
  await expect(shown).toContainText('*', FIRST_LOAD);
  await expect(shown).not.toContainText(requesterPhone);
  await page.getByTestId('reveal-requester').click();
  await expect(shown).toHaveText(requesterPhone);
  await expect(page.getByText('已显示完整信息（已留痕）')).toBeVisible();
  await expect(page.getByTestId('time-left').first()).toBeVisible();
  await keepScreenshot(page, 'case-page-zh-CN');

  const admin = await apiAs(baseURL!, 'admin');
  const audit = await admin.get<{ items: Array<{ action: string; subjectId: string; actorUserId: string }> }>(`/api/admin/audit?subjectType=case&subjectId=${created.id}`);
  expect(audit.items.filter((e) => e.action === 'reveal_personal_data')).toEqual([expect.objectContaining({ subjectId: created.id, actorUserId: 'user-dispatcher' })]);
  await admin.dispose();

  // English: every label of the page follows the switch.
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Requester', { exact: true })).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('Assigned');
  await expect(page.getByText('History', { exact: true })).toBeVisible();
  await keepScreenshot(page, 'case-page-en-US');
  await page.getByTestId('language-switch').click();

  // A handler of another department cannot open the case at all: a clear 403, no data.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'zhujian.handler');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByText('该诉求件不在您的管辖范围内')).toBeVisible(FIRST_LOAD);
  await expect(page.getByTestId('requester-card')).toHaveCount(0);

  // 390 px wide: the actions collapse into one menu.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'handler');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('more-actions')).toBeVisible(FIRST_LOAD);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'case-page-390');
});

test('an overdue case shows red once the clock passes its deadline', async ({ page, baseURL }) => {
  const created = await assignedCase(baseURL!, '超期测试：低保申请审核超期');
  const before = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  const detail = await (async () => {
    const dispatcher = await apiAs(baseURL!, 'dispatcher');
    const d = await dispatcher.get<{ clock: { dueAt: string; level: string } }>(`/api/cases/${created.id}`);
    await dispatcher.dispose();
    return d;
  })();
  expect(detail.clock.level).not.toBe('red');
  const jumpMs = Date.parse(detail.clock.dueAt) - Date.parse(before.now) + 2 * 86_400_000;
  try {
    const moved = await fetch(`${baseURL}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: jumpMs }) });
    expect(moved.status).toBe(200);
    // Sessions live on the server clock too: sign in after the jump.
    await signIn(page, 'handler');
    await page.goto(`/cases/${created.id}`);
    const badge = page.getByTestId('case-page').getByTestId('time-left').first();
    await expect(badge).toHaveAttribute('data-level', 'red', FIRST_LOAD);
    await expect(badge).toContainText(/已超期 2 天/);
    const row = page.getByTestId('deadlines').locator('[data-stage="accept"]');
    await expect(row.getByTestId('time-left')).toHaveAttribute('data-level', 'red');
    await keepScreenshot(page, 'case-page-overdue');
    await page.getByTestId('language-switch').click();
    await expect(badge).toContainText('2 days overdue');
    await page.getByTestId('language-switch').click();
  } finally {
    await fetch(`${baseURL}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: -jumpMs }) });
  }
});

test('a stale form is refused with a clear message, and a reply can quote a policy', async ({ page, baseURL }) => {
  const created = await assignedCase(baseURL!, '答复测试：低保申请进度查询');
  await signIn(page, 'handler');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('case-status')).toHaveText('已交办', FIRST_LOAD);

  // Someone else accepts while the form is open: the submit gets 409, the page says so and reloads.
  await openAction(page, 'accept');
  const other = await apiAs(baseURL!, 'handler');
  await other.post(`/api/cases/${created.id}/accept`, {});
  await page.getByTestId('action-submit').click();
  await expect(page.getByText('该诉求件已被他人更新，已为您刷新，请核对后重试。')).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('办理中');

  // Reply, quoting a policy from the library.
  const policies = await other.get<{ items: Array<{ id: string; title: string; body: string }> }>('/api/policies?limit=50');
  await other.dispose();
  await openAction(page, 'reply');
  const form = page.getByTestId('action-form-reply');
  if (policies.items.length > 0) {
    await form.getByTestId('policy-quote').click();
    await settledOptions(page).first().click();
    await expect(page.getByText('已引用政策原文')).toBeVisible();
    await expect(form.getByLabel('答复意见')).not.toHaveValue('');
    // The whole passage, not an excerpt cut off with "…".
    const quoted = await form.getByLabel('答复意见').inputValue();
    expect(policies.items.some((p) => quoted.endsWith(`：${p.body.trim()}`)), quoted).toBe(true);
  }
  await form.getByLabel('答复意见').fill(`${await form.getByLabel('答复意见').inputValue()}\n经核查，您的低保申请已进入审批，预计十个工作日内办结。`.trim());
  // 问题是否解决 is not preset: the handler must say, and the form says so when they do not.
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByTestId('action-submit').click();
  await expect(form.getByText(/请.*问题是否解决|问题是否解决.*必/)).toBeVisible();
  await form.getByText('是', { exact: true }).click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByText('答复成功')).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('已答复');
  await expect(page.getByTestId('reply')).toContainText('预计十个工作日内办结');
  await expect(page.getByTestId('documents')).toContainText('处理意见书');
});
