import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiAs, choose, keepScreenshot, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(300_000);
const FIRST_LOAD = { timeout: 60_000 };
const DAY = 86_400_000;

/** A phone that differs per run, so no earlier demo case makes ours a repeat. */
const phone = () => `138${String(Date.now() % 100_000_000).padStart(8, '0')}`;

/** A case registered, dispatched to 青溪县民政局 and accepted by its handler (API steps); its handling deadline. */
async function handlingCase(baseURL: string, title: string) {
  const registrar = await apiAs(baseURL, 'registrar');
  const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'phone',
    kind: 'help',
    categoryCode: 'social.dibao',
    title,
    content: `${title}。家中老人长期患病，三个月前递交了低保申请材料，至今没有答复，希望尽快审核并告知结果。`,
    requester: { name: '李桂兰', phone: phone() },
    areaCode: '369901100201',
    address: '城关镇城郊村下屋组 8 号',
  });
  await registrar.dispose();
  const dispatcher = await apiAs(baseURL, 'dispatcher');
  await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng' });
  await dispatcher.dispose();
  const handler = await apiAs(baseURL, 'handler');
  const accepted = await handler.post<{ clock: { dueAt: string } }>(`/api/cases/${created.id}/accept`, {});
  await handler.dispose();
  return { ...created, dueAt: accepted.clock.dueAt };
}

const moveClock = (baseURL: string, advanceMs: number) =>
  fetch(`${baseURL}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs }) });

/** Signs the current user out (cookies cleared) and `username` in. */
async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username, FIRST_LOAD);
}

/** The text of a PDF read back with pdf.js, whitespace removed. */
async function pdfText(path: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
}

test('a supervisor issues a 督办 on an overdue case; the unit head sees the notice arrive live, signs and responds; the supervisor accepts; the PDF carries the number', async ({ page, browser, baseURL }) => {
  const created = await handlingCase(baseURL!, '督办测试：低保申请超期未办');
  const before = (await (await fetch(`${baseURL}/api/test/clock`)).json()) as { now: string };
  // Past the handling deadline by two days: the case is overdue.
  const jumpMs = Date.parse(created.dueAt) - Date.parse(before.now) + 2 * DAY;
  expect((await moveClock(baseURL!, jumpMs)).status).toBe(200);
  try {
    const serverNow = Date.parse(before.now) + jumpMs;
    // Sessions live on the server clock too: sign in after the jump.
    // The unit head has the console open in a window of their own, watching the bell.
    const headWindow = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
    const headPage = await headWindow.newPage();
    await signIn(headPage, 'unithead', FIRST_LOAD);
    const headApi = await apiAs(baseURL!, 'unithead');
    const unreadBefore = (await headApi.get<{ unread: number }>('/api/notifications/unread-count')).unread;
    const headBell = headPage.getByTestId('notice-bell');
    await expect(headBell).toHaveAttribute('data-count', String(unreadBefore), FIRST_LOAD);

    await signIn(page, 'supervisor', FIRST_LOAD);
    // The overdue list names the unit and offers 督办 / 催办.
    await page.getByTestId('todo-count-overdue').click();
    await expect(page.getByTestId('todo-list-overdue')).toContainText('承办单位', FIRST_LOAD);

    await page.goto(`/cases/${created.id}`);
    await expect(page.getByTestId('case-code')).toContainText(created.code, FIRST_LOAD);
    await expect(page.getByTestId('case-page').getByTestId('time-left').first()).toHaveAttribute('data-level', 'red');
    await page.getByTestId('supervise-case').click();
    const form = page.getByTestId('issue-order-form');
    await form.getByText('重点督办').click();
    await form.getByLabel('督办事由').fill('低保申请超期未办，群众多次反映，请一把手亲自过问。');
    const due = new Date(serverNow + 8 * 3_600_000 + 5 * DAY).toISOString().slice(0, 10);
    const dateInput = form.locator('.ant-picker input');
    await dateInput.click();
    await dateInput.fill(due);
    await dateInput.press('Enter');
    await page.getByRole('button', { name: /确\s*定/ }).click();

    await expect(page.getByTestId('order-page')).toBeVisible(FIRST_LOAD);
    await expect(page.getByTestId('order-state')).toHaveText('待签收');
    const number = (await page.getByTestId('order-number').textContent())!.trim();
    expect(number).toMatch(/^青溪督〔\d{4}〕\d+号$/);
    const orderUrl = page.url();

    // The unit head's bell counts the order without a reload; the notice opens the order. (The
    // time-limit sweep may tell them of other overdue cases meanwhile, so the count rises by 1 or more.)
    await expect.poll(async () => Number(await headBell.getAttribute('data-count')), { timeout: 20_000 }).toBeGreaterThanOrEqual(unreadBefore + 1);
    const notices = await headApi.get<{ items: Array<{ template: string; text: string; caseId: string | null }> }>('/api/notifications');
    const notice = notices.items.find((n) => n.template === 'notice.supervision_issued' && n.text.includes(number));
    expect(notice?.caseId).toBe(created.id);
    await headApi.dispose();
    // Among the unit head's notices of the kind 督办, the order's opens it.
    await headBell.click();
    await headPage.getByTestId('notice-dropdown').getByTestId('notice-all').click();
    await choose(headPage, headPage.getByTestId('notices-kind'), '督办');
    await headPage.getByTestId('notice-item').filter({ hasText: number }).first().click();
    await expect(headPage.getByTestId('order-number')).toHaveText(number, FIRST_LOAD);
    await keepScreenshot(headPage, 'supervision-notice-opened');
    await headWindow.close();

    // The unit head finds it under "to my unit" too, and signs and responds.
    await switchTo(page, 'unithead');
    await page.goto('/supervision?view=unit');
    await page.getByTestId('supervision-table').getByRole('link', { name: number }).click();
    await expect(page.getByTestId('order-number')).toHaveText(number, FIRST_LOAD);
    await page.getByTestId('order-sign').click();
    await expect(page.getByTestId('order-state')).toHaveText('已签收');
    await page.getByTestId('order-respond').click();
    await page.getByTestId('order-prompt-respond').getByRole('textbox').fill('已由局长约谈经办人，3 日内完成审核并书面告知申请人。');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByTestId('order-state')).toHaveText('已回复');
    await expect(page.getByTestId('order-response')).toContainText('3 日内完成审核');

    await switchTo(page, 'supervisor');
    await page.goto(orderUrl);
    await page.getByTestId('order-accept').click();
    await page.getByTestId('order-prompt-accept').getByRole('textbox').fill('同意，请按期办结。');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByTestId('order-state')).toHaveText('已通过');
    await keepScreenshot(page, 'supervision-order');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('order-pdf').click()]);
    const text = await pdfText((await download.path())!);
    expect(text).toContain('督办通知单');
    expect(text).toContain(number);
    expect(text).toContain(created.code);

    // The case's timeline shows each step of the order.
    await page.goto(`/cases/${created.id}`);
    const timeline = page.getByTestId('timeline');
    for (const action of ['supervise', 'supervision_sign', 'supervision_respond', 'supervision_accept']) await expect(timeline.locator(`[data-action="${action}"]`)).toHaveCount(1, FIRST_LOAD);
  } finally {
    await moveClock(baseURL!, -jumpMs);
  }
});

test('a leader writes a 批示; the handler acknowledges it and reports back; the timeline shows both', async ({ page, baseURL }) => {
  const created = await handlingCase(baseURL!, '批示测试：低保申请进度缓慢');
  await signIn(page, 'leader', FIRST_LOAD);
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('case-code')).toContainText(created.code, FIRST_LOAD);
  await page.getByTestId('instruct-case').click();
  await page.getByTestId('prompt-instruct').getByRole('textbox').fill('请民政局三日内入户核实，依规办理并答复群众。');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('instruction-state')).toHaveText('待收悉');

  await switchTo(page, 'handler');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('instruction')).toContainText('请民政局三日内入户核实', FIRST_LOAD);
  await page.getByTestId('acknowledge-instruction').click();
  await expect(page.getByTestId('instruction-state')).toHaveText('已收悉');
  await page.getByTestId('report-instruction').click();
  await page.getByTestId('prompt-report').getByRole('textbox').fill('已入户核实，该户符合低保条件，正在办理审批。');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('instruction-state')).toHaveText('已回复');
  await expect(page.getByTestId('instruction')).toContainText('已入户核实');

  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-action="instruct"]')).toContainText('请民政局三日内入户核实');
  await expect(timeline.locator('[data-action="instruction_ack"]')).toHaveCount(1);
  await expect(timeline.locator('[data-action="instruction_report"]')).toContainText('已入户核实');
  await keepScreenshot(page, 'supervision-instruction');
});
