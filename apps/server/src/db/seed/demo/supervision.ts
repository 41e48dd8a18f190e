import { subtreeRange } from '@lianxin/core';
import type { AdjustableClock } from '../../../clock.js';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';
import { DEMO_AREA_CODES, DEMO_USERS } from './org.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;


/** The demo account heading a unit, if any. */
const headOf = (unitId: string) => DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'unit_head' && g.unitId === unitId));

/**
 * 督办 · 催办 · 批示 on a few of the demo's overdue cases, through the real services: an order
 * signed and answered, one left unanswered past its date (escalated by the sweep, so the unit has
 * a supervision_overdue record), urges, and a leader's instruction the unit acknowledged.
 */
export async function seedDemoSupervision(services: Services, clock: AdjustableClock, end: number): Promise<number> {
  const [lo, hi] = subtreeRange(DEMO_AREA_CODES.county);
  const overdue = await services.db
    .selectFrom('cases')
    .select(['id', 'currentUnitId'])
    .where('areaCode', '>=', lo)
    .where('areaCode', '<', hi)
    .where('status', 'in', ['assigned', 'handling', 'reopened'])
    .where('currentUnitId', 'is not', null)
    .where('currentDueAt', '<', new Date(end).toISOString())
    .orderBy('currentDueAt')
    .orderBy('id')
    .limit(4)
    .execute();
  if (overdue.length === 0) return 0;
  // A small county may have fewer overdue cases: the steps then share them.
  const pick = (i: number) => overdue[i % overdue.length];
  const supervisor = demoActor('supervisor');
  const leader = demoActor('leader');
  const { orders, caseSteps } = services.supervision;

  // In the last hours before now (after every seeded step): one order answered in time, one left
  // unanswered past its date and escalated by the sweep, an urge and an instruction.
  const at = (hoursBefore: number) => clock.set(new Date(end - hoursBefore * HOUR));
  at(3);
  const answered = await orders.issue(supervisor, {
    caseIds: [pick(0).id],
    level: 'key',
    reason: '群众多次来电反映，超期未办结，请单位主要负责人亲自过问。',
    responseDueAt: new Date(end + 2 * DAY).toISOString(),
  });
  const unanswered = await orders.issue(supervisor, {
    caseIds: [pick(1).id],
    level: 'general',
    reason: '超过办理时限，请说明原因并尽快办结。',
    responseDueAt: new Date(end - 2 * HOUR).toISOString(),
  });
  const head = headOf(pick(0).currentUnitId!);
  if (head) {
    at(2.5);
    await orders.sign(demoActor(head.username), answered.id);
    at(2.2);
    await orders.respond(demoActor(head.username), answered.id, '已召开专题会研究，明确专人负责，三日内办结并答复群众。');
  }
  at(1);
  await services.supervision.sweepOverdue();
  await caseSteps.urge(supervisor, pick(2).id, '请加快办理，尽快答复群众。');
  await caseSteps.instruct(leader, pick(3).id, '请承办单位高度重视，三日内核实情况并妥善解决。');
  clock.set(new Date(end));
  return [answered, unanswered].length;
}
