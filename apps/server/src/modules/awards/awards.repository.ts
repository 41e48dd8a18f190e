import { type Kysely, sql } from 'kysely';
import { type AreaRange, inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';

/** The awards module's queries. */
export const awardsRepository = {
  kinds: (db: Kysely<DB>) => db.selectFrom('awardKinds').selectAll().orderBy('createdAt').execute(),
  kind: (db: Kysely<DB>, id: string) => db.selectFrom('awardKinds').selectAll().where('id', '=', id).executeTakeFirst(),

  list: (db: Kysely<DB>, ranges: readonly AreaRange[]) =>
    db
      .selectFrom('awards as a')
      .innerJoin('awardKinds as k', 'k.id', 'a.kindId')
      .selectAll('a')
      .select(['k.name as kindName', 'k.subject'])
      .where((eb) => inRanges(eb, 'a.areaCode', ranges))
      .orderBy('a.createdAt', 'desc')
      .limit(200)
      .execute(),

  award: (db: Kysely<DB>, id: string) =>
    db.selectFrom('awards as a').innerJoin('awardKinds as k', 'k.id', 'a.kindId').selectAll('a').select(['k.name as kindName', 'k.subject']).where('a.id', '=', id).executeTakeFirst(),

  candidates: (db: Kysely<DB>, awardId: string) =>
    db
      .selectFrom('awardCandidates as c')
      .innerJoin('units as u', 'u.id', 'c.unitId')
      .leftJoin('users as p', 'p.id', 'c.subjectId')
      .select(['c.subjectId', 'c.reason', 'c.figure', 'c.isWinner', 'u.name as unitName', 'p.displayName as personName'])
      .select((eb) => eb.selectFrom('awardVotes as v').whereRef('v.awardId', '=', 'c.awardId').whereRef('v.subjectId', '=', 'c.subjectId').select((e) => e.fn.countAll<number>().as('n')).as('votes'))
      .where('c.awardId', '=', awardId)
      .orderBy('c.figure', 'desc')
      .execute(),

  myVotes: async (db: Kysely<DB>, awardId: string, userId: string) =>
    (await db.selectFrom('awardVotes').select('subjectId').where('awardId', '=', awardId).where('voterUserId', '=', userId).execute()).map((v) => v.subjectId),

  /** Per handler (person awards) or per unit, the counts of the cases of the period in the area, with at least `min` cases. */
  caseCounts: (db: Kysely<DB>, by: 'person' | 'unit', range: AreaRange, fromAt: string, toAt: string, min: number) => {
    const key = by === 'person' ? 'handler_user_id' : 'current_unit_id';
    return db
      .selectFrom('cases')
      .select([
        sql<string>`${sql.ref(key)}`.as('subjectId'),
        (eb) => eb.fn.countAll().as('assigned'),
        sql<number>`sum(case when responded_on_time = 1 then 1 else 0 end)`.as('respondedInTime'),
        sql<number>`sum(case when evaluation_result is not null then 1 else 0 end)`.as('evaluated'),
        sql<number>`sum(case when evaluation_solved = 1 then 1 else 0 end)`.as('solved'),
        sql<number>`sum(case when evaluation_result = 'satisfied' then 1 else 0 end)`.as('satisfied'),
        sql<number>`sum(case when evaluation_result = 'basically_satisfied' then 1 else 0 end)`.as('basicallySatisfied'),
      ])
      .where(sql.ref(key), 'is not', null)
      .where('areaCode', '>=', range[0])
      .where('areaCode', '<', range[1])
      .where('dispatchedAt', '>=', fromAt)
      .where('dispatchedAt', '<=', toAt)
      .groupBy(sql.ref(key))
      .having((eb) => eb.fn.countAll(), '>=', min)
      .execute();
  },

  /** The first unit of each user (a person's award names it). */
  unitsOfUsers: (db: Kysely<DB>, userIds: readonly string[]) =>
    userIds.length ? db.selectFrom('userRoles').select(['userId', sql<string>`min(unit_id)`.as('unitId')]).where('userId', 'in', userIds).groupBy('userId').execute() : Promise.resolve([]),

  published: (db: Kysely<DB>) =>
    db
      .selectFrom('awards as a')
      .innerJoin('awardKinds as k', 'k.id', 'a.kindId')
      .select(['a.id', 'a.title', 'a.publishedAt', 'k.name as kindName'])
      .where('a.state', '=', 'published')
      .orderBy('a.publishedAt', 'desc')
      .limit(50)
      .execute(),
};
