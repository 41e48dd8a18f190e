import { type Kysely, sql } from 'kysely';
import { type AreaRange, inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';

const pairs = (db: Kysely<DB>) =>
  db
    .selectFrom('mentorPairs as p')
    .innerJoin('users as m', 'm.id', 'p.mentorUserId')
    .innerJoin('users as e', 'e.id', 'p.menteeUserId')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .selectAll('p')
    .select(['m.displayName as mentorName', 'e.displayName as menteeName', 'u.name as unitName']);

/** The mentoring and training queries. */
export const mentoringRepository = {
  pair: (db: Kysely<DB>, id: string) => pairs(db).where('p.id', '=', id).executeTakeFirst(),
  pairsFor: (db: Kysely<DB>, ranges: readonly AreaRange[], userId: string) =>
    pairs(db)
      .where((eb) => eb.or([...(ranges.length ? [inRanges(eb, 'p.areaCode', ranges)] : []), eb('p.mentorUserId', '=', userId), eb('p.menteeUserId', '=', userId)]))
      .orderBy('p.createdAt', 'desc')
      .limit(200)
      .execute(),
  pairsOf: (db: Kysely<DB>, userId: string) => pairs(db).where((eb) => eb.or([eb('p.mentorUserId', '=', userId), eb('p.menteeUserId', '=', userId)])).orderBy('p.startsOn', 'desc').execute(),
  records: (db: Kysely<DB>, pairId: string) => db.selectFrom('mentoringRecords').selectAll().where('pairId', '=', pairId).orderBy('occurredOn').orderBy('createdAt').execute(),
  record: (db: Kysely<DB>, id: string) => db.selectFrom('mentoringRecords').selectAll().where('id', '=', id).executeTakeFirst(),
  /** A user's first unit with its area (a pair sits at the mentee's). */
  unitOf: (db: Kysely<DB>, userId: string) =>
    db.selectFrom('userRoles as r').innerJoin('units as u', 'u.id', 'r.unitId').select(['u.id', 'u.areaCode']).where('r.userId', '=', userId).orderBy('u.id').executeTakeFirst(),

  session: (db: Kysely<DB>, id: string) => db.selectFrom('trainingSessions').selectAll().where('id', '=', id).executeTakeFirst(),
  sessions: (db: Kysely<DB>, ranges: readonly AreaRange[], year: number) =>
    db
      .selectFrom('trainingSessions as s')
      .selectAll('s')
      .select((eb) => eb.selectFrom('trainingAttendance as a').whereRef('a.sessionId', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('attendees'))
      .where((eb) => inRanges(eb, 's.areaCode', ranges))
      .where('s.heldOn', '>=', `${year}-01-01`)
      .where('s.heldOn', '<=', `${year}-12-31`)
      .orderBy('s.heldOn', 'desc')
      .execute(),
  /** Hours per user in a year: of the users of these ranges' units, or of one user. */
  hours: (db: Kysely<DB>, year: number, whom: { ranges: readonly AreaRange[] } | { userId: string }) => {
    let q = db
      .selectFrom('trainingAttendance as a')
      .innerJoin('trainingSessions as s', 's.id', 'a.sessionId')
      .innerJoin('users as u', 'u.id', 'a.userId')
      .select(['a.userId', 'u.displayName as name', (eb) => eb.fn.countAll().as('sessions'), sql<number>`sum(a.hours)`.as('hours')])
      .where('s.heldOn', '>=', `${year}-01-01`)
      .where('s.heldOn', '<=', `${year}-12-31`);
    q = 'userId' in whom
      ? q.where('a.userId', '=', whom.userId)
      : q.where((eb) => eb.exists(eb.selectFrom('userRoles as r').innerJoin('units as n', 'n.id', 'r.unitId').select('r.userId').whereRef('r.userId', '=', 'a.userId').where((e) => inRanges(e, 'n.areaCode', whom.ranges))));
    return q.groupBy(['a.userId', 'u.displayName']).orderBy('u.displayName').execute();
  },
  sessionsOf: (db: Kysely<DB>, userId: string, year: number) =>
    db
      .selectFrom('trainingAttendance as a')
      .innerJoin('trainingSessions as s', 's.id', 'a.sessionId')
      .select(['s.title', 's.heldOn', 'a.hours'])
      .where('a.userId', '=', userId)
      .where('s.heldOn', '>=', `${year}-01-01`)
      .where('s.heldOn', '<=', `${year}-12-31`)
      .orderBy('s.heldOn')
      .execute(),
};
