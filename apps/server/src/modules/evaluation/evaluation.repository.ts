import type { Kysely, Transaction } from 'kysely';
import type { AreaRange } from '../../access/access.js';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { EvalCycleTable, EvalMemberTable } from '../../db/evaluation.tables.js';
import type { Insertable, Selectable } from 'kysely';

export type CycleRow = Selectable<EvalCycleTable>;
export type MemberRow = Selectable<EvalMemberTable> & { name: string; unitName: string; unitArea: string };

type Q = Kysely<DB> | Transaction<DB>;

/** The evaluation module's queries (the only place with its SQL). */
export const evaluationRepository = {
  cycle: (db: Q, id: string) => db.selectFrom('evalCycles').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Cycles in these area ranges, or having this user as a member; newest first. */
  cyclesFor: (db: Q, ranges: readonly AreaRange[], userId: string) =>
    db
      .selectFrom('evalCycles as c')
      .selectAll('c')
      .select((eb) => eb.selectFrom('evalMembers as m').whereRef('m.cycleId', '=', 'c.id').select((e) => e.fn.countAll<number>().as('n')).as('memberCount'))
      .where((eb) => {
        const member = eb.exists(eb.selectFrom('evalMembers as m').select('m.userId').whereRef('m.cycleId', '=', 'c.id').where('m.userId', '=', userId));
        return ranges.length ? eb.or([inRanges(eb, 'c.areaCode', ranges), member]) : member;
      })
      .orderBy('c.createdAt', 'desc')
      .limit(200)
      .execute(),

  members: (db: Q, cycleId: string): Promise<MemberRow[]> =>
    db
      .selectFrom('evalMembers as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .innerJoin('units as n', 'n.id', 'm.unitId')
      .selectAll('m')
      .select(['u.displayName as name', 'n.name as unitName', 'n.areaCode as unitArea'])
      .where('m.cycleId', '=', cycleId)
      .orderBy('n.name')
      .orderBy('u.displayName')
      .execute(),

  member: (db: Q, cycleId: string, userId: string) =>
    db
      .selectFrom('evalMembers as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .innerJoin('units as n', 'n.id', 'm.unitId')
      .selectAll('m')
      .select(['u.displayName as name', 'n.name as unitName', 'n.areaCode as unitArea'])
      .where('m.cycleId', '=', cycleId)
      .where('m.userId', '=', userId)
      .executeTakeFirst(),

  cycleUnits: (db: Q, cycleId: string) =>
    db.selectFrom('evalCycleUnits as c').innerJoin('units as u', 'u.id', 'c.unitId').select(['u.id', 'u.name', 'c.score', 'c.rank']).where('c.cycleId', '=', cycleId).orderBy('u.name').execute(),

  /** Staff of these units (their first unit among them), with the unit's kind; admins are not evaluated. */
  staffOf: (db: Q, unitIds: readonly string[]) =>
    db
      .selectFrom('userRoles as r')
      .innerJoin('units as u', 'u.id', 'r.unitId')
      .innerJoin('users as p', 'p.id', 'r.userId')
      .select(['r.userId', 'r.unitId', 'r.role', 'u.kind'])
      .where('r.unitId', 'in', unitIds)
      .where('r.role', 'not in', ['admin', 'org_department'])
      .orderBy('r.userId')
      .orderBy('r.unitId')
      .execute(),

  units: (db: Q, ids: readonly string[]) => db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode']).where('id', 'in', ids).execute(),

  insertCycle: async (trx: Transaction<DB>, cycle: Insertable<EvalCycleTable>, unitIds: readonly string[], members: ReadonlyArray<Insertable<EvalMemberTable>>) => {
    await trx.insertInto('evalCycles').values(cycle).execute();
    await trx.insertInto('evalCycleUnits').values(unitIds.map((unitId) => ({ cycleId: cycle.id, unitId, score: null, rank: null }))).execute();
    for (let i = 0; i < members.length; i += 500) await trx.insertInto('evalMembers').values(members.slice(i, i + 500)).execute();
  },

  scores: (db: Q, cycleId: string, filter: { memberUserId?: string; scorerUserId?: string }) => {
    let q = db
      .selectFrom('evalScores as s')
      .innerJoin('users as u', 'u.id', 's.scorerUserId')
      .selectAll('s')
      .select('u.displayName as scorerName')
      .where('s.cycleId', '=', cycleId);
    if (filter.memberUserId) q = q.where('s.memberUserId', '=', filter.memberUserId);
    if (filter.scorerUserId) q = q.where('s.scorerUserId', '=', filter.scorerUserId);
    return q.orderBy('s.memberUserId').orderBy('s.source').orderBy('s.createdAt').execute();
  },

  allScores: (db: Q, cycleId: string) => db.selectFrom('evalScores').select(['memberUserId', 'source', 'de', 'neng', 'qin', 'ji', 'lian']).where('cycleId', '=', cycleId).execute(),

  progress: async (db: Q, cycleId: string) => {
    const rows = await db.selectFrom('evalScores').select(['source', (eb) => eb.fn.countAll().as('n')]).where('cycleId', '=', cycleId).groupBy('source').execute();
    const ballots = await db.selectFrom('evalBallots').select((eb) => eb.fn.countAll().as('n')).where('cycleId', '=', cycleId).executeTakeFirst();
    const by = Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
    return { leader: by.leader ?? 0, organisation: by.organisation ?? 0, peer: by.peer ?? 0, ballots: Number(ballots?.n ?? 0) };
  },

  /** Residents' answers per member: the survey's, and the case evaluations of the period. */
  publicAnswers: async (db: Q, cycleId: string, fromAt: string, toAt: string) => {
    const survey = await db
      .selectFrom('evalBallotAnswers')
      .select(['memberUserId as userId', 'result', (eb) => eb.fn.countAll().as('n')])
      .where('cycleId', '=', cycleId)
      .groupBy(['memberUserId', 'result'])
      .execute();
    const cases = await db
      .selectFrom('cases')
      .select(['handlerUserId as userId', 'evaluationResult as result', (eb) => eb.fn.countAll().as('n')])
      .where('handlerUserId', 'in', (eb) => eb.selectFrom('evalMembers').select('userId').where('cycleId', '=', cycleId))
      .where('evaluatedAt', '>=', fromAt)
      .where('evaluatedAt', '<=', toAt)
      .where('evaluationResult', 'is not', null)
      .groupBy(['handlerUserId', 'evaluationResult'])
      .execute();
    return [...survey, ...cases].map((r) => ({ userId: r.userId!, result: r.result!, n: Number(r.n) }));
  },
};
