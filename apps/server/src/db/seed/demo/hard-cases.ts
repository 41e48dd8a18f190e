import { addLocalDays, localDate } from '@lianxin/core';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';


/**
 * One joint review (集中会审) held a week ago through the real services: two long-standing cases
 * from the end of the supervisor's list (the newest of them, so the oldest stay for people trying
 * the page), one given a task force with a milestone and a progress report, one a new date.
 */
export async function seedDemoHardCases(services: Services): Promise<number> {
  const supervisor = demoActor('supervisor');
  const { items } = await services.hardCases.list(supervisor, { offset: 0, limit: 100 });
  // Cases at a stage with a running clock (a new date needs one), newest of the list last.
  let fit: Array<{ id: string; unitId: string | null }> = items.filter((c) => c.status !== 'evaluated').slice(-2);
  // A small demo (the tests seed a few hundred cases) may list fewer: the oldest cases in work then.
  if (fit.length < 2) {
    fit = await services.db.selectFrom('cases').select(['id', 'currentUnitId as unitId']).where('status', 'in', ['assigned', 'handling']).orderBy('registeredAt').orderBy('id').limit(2).execute();
  }
  if (fit.length < 2) return 0;
  const [forTaskForce, forNewDate] = fit as [(typeof fit)[number], (typeof fit)[number]];
  const handling = [forTaskForce.unitId, forNewDate.unitId].filter((u): u is string => !!u);
  const unitIds = handling.length ? [...new Set(handling)] : [demoActor('handler').grants[0]!.unitId];
  const now = services.clock.now();
  const today = localDate(now);
  const meeting = await services.hardCaseMeetings.schedule(supervisor, {
    title: '积案集中会审（第一次）',
    scheduledAt: new Date(now.getTime() - 7 * 86_400_000).toISOString(),
    place: '青溪县群众工作中心三楼会议室',
    chairUserId: demoActor('leader').userId,
    areaCode: supervisor.grants[0]!.areaCode,
    unitIds,
    caseIds: [forTaskForce.id, forNewDate.id],
  });
  await services.hardCaseMeetings.update(supervisor, meeting.id, {
    minutes: '会议听取了承办单位关于积案办理情况的汇报，逐件研究了化解措施。\n会议要求各承办单位落实“一把手”负责制，按会审确定的期限办结，并向群众做好解释工作。',
  });
  await services.hardCaseMeetings.decide(supervisor, meeting.id, {
    kind: 'task_force',
    caseId: forTaskForce.id,
    note: '情况复杂，涉及多个部门，成立专案组攻坚',
    taskForce: { leadUserId: supervisor.userId, memberUserIds: [demoActor('zhujian.handler').userId, demoActor('handler').userId], plan: '两周内完成调查核实，一个月内提出化解方案' },
  });
  await services.hardCaseMeetings.decide(supervisor, meeting.id, { kind: 'new_date', caseId: forNewDate.id, dueOn: addLocalDays(today, 30), note: '会审明确30日内办结' });
  await services.hardCaseMeetings.hold(supervisor, meeting.id);
  const { taskForce } = await services.taskForces.ofCase(supervisor, forTaskForce.id);
  if (taskForce) {
    await services.taskForces.addMilestone(supervisor, taskForce.id, { title: '完成入户调查核实', dueOn: addLocalDays(today, 14) });
    await services.taskForces.addReport(demoActor('zhujian.handler'), taskForce.id, { text: '已会同属地乡镇查看现场，调取了相关审批档案。' });
  }
  return 1;
}
