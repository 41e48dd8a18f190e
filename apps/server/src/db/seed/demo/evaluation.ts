import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';
import { unitIdOfDept, userIdOf } from './org.js';

/** The organisation department's demo account (组织部/考核办), signed in as `zuzhibu`. */
export const DEMO_ORG_DEPARTMENT = { username: 'zuzhibu', name: '孙明哲' } as const;

/**
 * Demo data of the cadre modules: the organisation department's account (held at the county
 * government, which reaches the whole county), the award kinds admins defined, a mentoring pair
 * and a training session with its attendance.
 */
export async function seedDemoEvaluation(db: Kysely<DB>, passwordHash: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const id = userIdOf(DEMO_ORG_DEPARTMENT.username);
  await db.insertInto('users').values({ id, username: DEMO_ORG_DEPARTMENT.username, displayName: DEMO_ORG_DEPARTMENT.name, phoneEnc: null, passwordHash, createdAt: at }).execute();
  await db.insertInto('userRoles').values({ userId: id, unitId: unitIdOfDept('gov'), role: 'org_department' }).execute();

  // The award kinds the seeds name (便民服务之星, 示范单位), as admins would define them.
  await db
    .insertInto('awardKinds')
    .values([
      { id: 'award-kind-star', name: '便民服务之星', nameEn: 'Service star', subject: 'person', description: '群众满意度高、办件及时的干部', createdAt: at },
      { id: 'award-kind-model', name: '示范单位', nameEn: 'Model unit', subject: 'unit', description: '三率综合排名靠前、无责任追究的单位', createdAt: at },
    ])
    .execute();

  // 拜师认徒: 民政局's head mentors its handler, with a record and the mentor's comment.
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await db
    .insertInto('mentorPairs')
    .values({ id: 'pair-minzheng', mentorUserId: userIdOf('unithead'), menteeUserId: userIdOf('handler'), unitId: unitIdOfDept('minzheng'), areaCode: '369901000000', goals: '熟悉低保、特困供养政策，半年内能独立办理社会救助类诉求', startsOn: day(-60), endsOn: day(120), state: 'active', review: null, reviewRating: null, closedAt: null, createdBy: id, createdAt: at })
    .execute();
  await db
    .insertInto('mentoringRecords')
    .values({ id: 'pair-minzheng-1', pairId: 'pair-minzheng', kind: 'visit', text: '随师傅入户核查低保申请两户，学习家庭收入核算', refId: null, occurredOn: day(-30), createdAt: at, mentorComment: '核算细致，下次注意同步告知申请人办理时限', commentedAt: at })
    .execute();

  // 培训: a session of the organisation department with its attendance.
  await db.insertInto('trainingSessions').values({ id: 'training-1', title: '新时代群众工作方法专题培训', areaCode: '369901000000', heldOn: day(-20), hours: 4, place: '县委党校', createdBy: id, createdAt: at }).execute();
  await db
    .insertInto('trainingAttendance')
    .values(['handler', 'unithead', 'zhujian.handler', 'dongmen'].map((u) => ({ sessionId: 'training-1', userId: userIdOf(u), hours: 4, recordedBy: id, recordedAt: at })))
    .execute();
}
