import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TaskForceMilestoneTable, TaskForceReportTable, TaskForceTable } from '../../db/hard-cases.tables.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of task forces (专案组): members, milestones, progress reports. */
export const taskForcesRepository = {
  find(db: Q, id: string) {
    return db.selectFrom('taskForces').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCase(db: Q, caseId: string) {
    return db.selectFrom('taskForces').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<TaskForceTable>) {
    return db.insertInto('taskForces').values(row).execute();
  },
  members(db: Q, taskForceId: string) {
    return db
      .selectFrom('taskForceMembers')
      .innerJoin('users', 'users.id', 'taskForceMembers.userId')
      .select(['taskForceMembers.userId', 'taskForceMembers.role', 'taskForceMembers.addedAt', 'users.displayName'])
      .where('taskForceMembers.taskForceId', '=', taskForceId)
      .orderBy('taskForceMembers.role')
      .orderBy('taskForceMembers.addedAt')
      .orderBy('taskForceMembers.userId')
      .execute();
  },
  /** Adds members not yet on the task force; answers the ones added. */
  async addMembers(db: Q, tf: { id: string; caseId: string }, userIds: string[], role: 'lead' | 'member', at: string): Promise<string[]> {
    const existing = new Set((await db.selectFrom('taskForceMembers').select('userId').where('taskForceId', '=', tf.id).execute()).map((r) => r.userId));
    const fresh = [...new Set(userIds)].filter((u) => !existing.has(u));
    if (fresh.length) await db.insertInto('taskForceMembers').values(fresh.map((userId) => ({ taskForceId: tf.id, userId, caseId: tf.caseId, role, addedAt: at }))).execute();
    return fresh;
  },
  async isMember(db: Q, taskForceId: string, userId: string): Promise<boolean> {
    return (await db.selectFrom('taskForceMembers').select('userId').where('taskForceId', '=', taskForceId).where('userId', '=', userId).executeTakeFirst()) !== undefined;
  },

  milestones(db: Q, taskForceId: string) {
    return db.selectFrom('taskForceMilestones').selectAll().where('taskForceId', '=', taskForceId).orderBy('dueOn').orderBy('createdAt').execute();
  },
  insertMilestone(db: Q, row: Insertable<TaskForceMilestoneTable>) {
    return db.insertInto('taskForceMilestones').values(row).execute();
  },
  findMilestone(db: Q, taskForceId: string, id: string) {
    return db.selectFrom('taskForceMilestones').selectAll().where('taskForceId', '=', taskForceId).where('id', '=', id).executeTakeFirst();
  },
  setMilestoneDone(db: Q, id: string, done: boolean, at: string) {
    return db.updateTable('taskForceMilestones').set({ done: done ? 1 : 0, doneAt: done ? at : null }).where('id', '=', id).execute();
  },

  reports(db: Q, taskForceId: string) {
    return db
      .selectFrom('taskForceReports')
      .innerJoin('users', 'users.id', 'taskForceReports.authorUserId')
      .select(['taskForceReports.id', 'taskForceReports.authorUserId', 'taskForceReports.reportedOn', 'taskForceReports.text', 'taskForceReports.createdAt', 'users.displayName'])
      .where('taskForceReports.taskForceId', '=', taskForceId)
      .orderBy('taskForceReports.createdAt', 'desc')
      .orderBy('taskForceReports.id')
      .execute();
  },
  insertReport(db: Q, row: Insertable<TaskForceReportTable>) {
    return db.insertInto('taskForceReports').values(row).execute();
  },
};
