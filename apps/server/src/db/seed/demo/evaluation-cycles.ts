import { CycleCreateSchema } from '@lianxin/core';
import type { Actor } from '../../../access/actor.js';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';
import { DEMO_ORG_DEPARTMENT } from './evaluation.js';
import { DEMO_UNITS, unitIdOfDept, userIdOf } from './org.js';

/** The organisation department as the services see it (its account is added by seedDemoEvaluation). */
function orgDepartment(): Actor {
  const gov = DEMO_UNITS.find((u) => u.id === unitIdOfDept('gov'))!;
  return {
    userId: userIdOf(DEMO_ORG_DEPARTMENT.username),
    username: DEMO_ORG_DEPARTMENT.username,
    displayName: DEMO_ORG_DEPARTMENT.name,
    locale: 'zh-CN',
    grants: [{ role: 'org_department', unitId: gov.id, unitName: gov.name, areaCode: gov.areaCode }],
    sessionId: 'demo-seed',
    csrfToken: 'demo-seed',
  };
}

/**
 * Evaluation cycles in both states, through the real services: the third quarter's, scored by the
 * organisation department and closed with ranks and grades, and this year's annual one, open; and
 * this year's 便民服务之星, open for nominations.
 */
export async function seedDemoEvaluationCycles(services: Services, end: number): Promise<void> {
  const org = orgDepartment();
  const units = [unitIdOfDept('minzheng'), unitIdOfDept('zhujian')];
  const quarter = await services.evaluation.create(org, CycleCreateSchema.parse({ name: '2026年第三季度机关干部考核', period: 'quarterly', periodFrom: '2026-07-01', periodTo: '2026-09-30', unitIds: units }));
  const members = await services.db.selectFrom('evalMembers').select('userId').where('cycleId', '=', quarter.id).orderBy('userId').execute();
  // Scores that differ by person, so the ranks and the single 优秀 of a small group are visible.
  for (const [i, m] of members.entries()) {
    const base = 96 - i * 4;
    await services.evaluation.score(org, quarter.id, { memberUserId: m.userId, source: 'organisation', items: { de: base, neng: base - 2, qin: base - 1, ji: base - 3, lian: base }, comment: i === 0 ? '办件及时，群众评价好' : undefined });
  }
  await services.evaluation.score(demoActor('unithead'), quarter.id, { memberUserId: userIdOf('handler'), source: 'leader', items: { de: 95, neng: 92, qin: 94, ji: 93, lian: 96 } });
  await services.evaluation.close(org, quarter.id);
  await services.evaluation.create(org, CycleCreateSchema.parse({ name: '2026年度机关干部考核', period: 'annual', periodFrom: '2026-01-01', periodTo: '2026-12-31', unitIds: units }));
  const today = new Date(end + 8 * 3_600_000).toISOString().slice(0, 10);
  await services.awards.create(org, { kindId: 'award-kind-star', title: '2026年度便民服务之星', periodFrom: '2026-01-01', periodTo: today, decideBy: 'vote', winnersMax: 3 });
}
