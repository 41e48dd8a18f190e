import { CASE_ACTION_PATHS, type CaseAction, type CaseState } from '@lianxin/core';
import { expect } from 'vitest';
import type { Client, TestContext } from './context.js';
import { caseInput } from './fixtures.js';

/** URL segment of each action under /api/cases/:id/ (one table, in @lianxin/core). */
export const ACTION_PATHS = CASE_ACTION_PATHS;

/** A valid body for each action, so that only the state can be the reason for a refusal. */
export function actionBody(ctx: TestContext, action: Exclude<CaseAction, 'evaluate'>, extra: { otherCaseId?: string; extensionId?: string } = {}) {
  const bodies: Record<Exclude<CaseAction, 'evaluate'>, unknown> = {
    dispatch: { unitId: ctx.org.units['u-civil'] },
    accept: {},
    return: { reason: '不属于本单位职责，应由住建部门办理' },
    add_co_unit: { unitId: ctx.org.units['u-housing'] },
    request_extension: { days: 5, reason: '需要实地复核，材料尚未齐全' },
    approve_extension: { extensionId: extra.extensionId ?? 'none' },
    reject_extension: { extensionId: extra.extensionId ?? 'none' },
    reply: { reply: '经核查已按政策办理，请留意通知。', solved: true },
    callback: { result: 'satisfied', solved: true },
    close: {},
    reopen: { reason: '群众仍不满意，重新办理' },
    resolve_on_spot: { answer: '已当面解答政策。' },
    not_accept: { reason: '已通过诉讼途径处理，不属于信访受理范围' },
    merge: { intoCaseId: extra.otherCaseId ?? 'none' },
    assign_leader: { leaderUserId: ctx.org.users.leader },
    request_review: { reason: '对处理意见不服，申请复查' },
    complete_review: { decision: '复查维持原处理意见。' },
    request_rereview: { reason: '对复查意见不服，申请复核' },
    complete_rereview: { decision: '复核维持复查意见，终结。' },
  };
  return bodies[action];
}

/** A user who holds every role over the whole county and in the handling unit. */
export async function allPowerful(ctx: TestContext): Promise<Client> {
  const roles = ['registrar', 'dispatcher', 'supervisor', 'leader', 'unit_head', 'handler'] as const;
  return ctx.userWith([
    ...roles.map((role) => ({ role, unitId: ctx.org.units['u-center'] })),
    { role: 'handler', unitId: ctx.org.units['u-civil'] },
    { role: 'unit_head', unitId: ctx.org.units['u-civil'] },
  ]);
}

/** Posts an action and expects success; returns the case detail. */
export async function act(client: Client, caseId: string, action: Exclude<CaseAction, 'evaluate'>, body: unknown) {
  const response = await client.post(`/api/cases/${caseId}/${ACTION_PATHS[action]}`, body);
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  return response.json();
}

/** Registers a case and drives it to `state` through the API. */
export async function caseInState(ctx: TestContext, client: Client, state: CaseState, input: Record<string, unknown> = {}): Promise<string> {
  const petition = ['reviewing', 'rereviewing', 'final'].includes(state);
  const created = await client.post('/api/cases', caseInput({ ...(petition ? { kind: 'petition', channel: 'visit', petitionClass: 'appeal' } : {}), ...input }));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const step = (action: Exclude<CaseAction, 'evaluate'>, body?: unknown) => act(client, id, action, body ?? actionBody(ctx, action));
  const dissatisfied = { result: 'dissatisfied', solved: false, comment: '问题没有解决' };
  if (state === 'registered') return id;
  if (state === 'not_accepted') return (await step('not_accept'), id);
  if (state === 'merged') {
    const other = (await client.post('/api/cases', caseInput({ requester: { anonymous: true } }))).json().id;
    return (await step('merge', { intoCaseId: other }), id);
  }
  await step('dispatch');
  if (state === 'assigned') return id;
  await step('accept');
  if (state === 'handling') return id;
  await step('reply');
  if (state === 'replied') return id;
  if (state === 'reopened') return (await step('callback', dissatisfied), id);
  if (state === 'evaluated') {
    await step('callback', dissatisfied);
    await step('accept');
    await step('reply');
    return (await step('callback', dissatisfied), id);
  }
  await step('callback');
  if (state === 'closed') return id;
  await step('request_review');
  if (state === 'reviewing') return id;
  await step('complete_review');
  await step('request_rereview');
  if (state === 'rereviewing') return id;
  await step('complete_rereview');
  return id;
}
