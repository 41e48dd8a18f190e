import { addLocalDays, type CadreFigures, computeRates, emptyMetricCounts, endOfLocalDay, startOfLocalDay } from '@lianxin/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createStationingRepository } from '../stationing/stationing.repository.js';

/** A period of China-time days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** Who to count: the members of a cycle (one query for all, however many), or a list of users. */
export type Whom = { cycleId: string } | { userIds: readonly string[] };

const DAY = 86_400_000;

function whomFilter(whom: Whom) {
  return (column: string) =>
    'cycleId' in whom
      ? sql<boolean>`${sql.ref(column)} in (select user_id from eval_members where cycle_id = ${whom.cycleId})`
      : whom.userIds.length
        ? sql<boolean>`${sql.ref(column)} in (${sql.join(whom.userIds)})`
        : sql<boolean>`1 = 0`;
}

const n = (x: unknown) => Number(x ?? 0);

/**
 * Office days (联合办公日) each user attended in the period, from the attendance of office-day
 * sessions. Attendance (考勤) is being built alongside; when it lands, this is the one function
 * to point at its sheet.
 */
export async function officeDaysAttended(db: Kysely<DB>, whom: Whom, period: Period): Promise<Map<string, number>> {
  const inWhom = whomFilter(whom);
  const rows = await db
    .selectFrom('officeDayAttendance as a')
    .innerJoin('officeDaySessions as s', 's.id', 'a.sessionId')
    .select(['a.userId', (eb) => eb.fn.countAll().as('days')])
    .where(inWhom('a.user_id'))
    .where('s.date', '>=', period.from)
    .where('s.date', '<=', period.to)
    .groupBy('a.userId')
    .execute();
  return new Map(rows.map((r) => [r.userId, n(r.days)]));
}

/**
 * The objective figures of every user counted, over the period, in a handful of grouped queries:
 * 三率 and composite of the cases dispatched to them (core `computeRates`), visits and field days
 * against the stationing rule, office days, confirmed accountability and late supervision answers.
 */
export async function cadreFigures(db: Kysely<DB>, whom: Whom, period: Period): Promise<Map<string, CadreFigures>> {
  const inWhom = whomFilter(whom);
  const fromAt = startOfLocalDay(period.from).toISOString();
  const toAt = endOfLocalDay(period.to).toISOString();

  const caseRows = await db
    .selectFrom('cases')
    .select((eb) => [
      'handlerUserId',
      eb.fn.countAll().as('assigned'),
      sql<number>`sum(case when responded_on_time = 1 then 1 else 0 end)`.as('respondedInTime'),
      sql<number>`sum(case when evaluation_result is not null then 1 else 0 end)`.as('evaluated'),
      sql<number>`sum(case when evaluation_solved = 1 then 1 else 0 end)`.as('solved'),
      sql<number>`sum(case when evaluation_result = 'satisfied' then 1 else 0 end)`.as('satisfied'),
      sql<number>`sum(case when evaluation_result = 'basically_satisfied' then 1 else 0 end)`.as('basicallySatisfied'),
      sql<number>`sum(case when evaluation_result = 'dissatisfied' then 1 else 0 end)`.as('dissatisfied'),
      sql<number>`sum(case when responded_on_time = 0 or closed_on_time = 0 then 1 else 0 end)`.as('overdue'),
    ])
    .where(inWhom('handler_user_id'))
    .where('dispatchedAt', '>=', fromAt)
    .where('dispatchedAt', '<=', toAt)
    .groupBy('handlerUserId')
    .execute();

  const dayRows = await db
    .selectFrom(
      db
        .selectFrom('visits')
        .select(['cadreUserId', 'localDate'])
        .where(inWhom('cadre_user_id'))
        .where('localDate', '>=', period.from)
        .where('localDate', '<=', period.to)
        .union(db.selectFrom('checkIns').select(['cadreUserId', 'localDate']).where(inWhom('cadre_user_id')).where('localDate', '>=', period.from).where('localDate', '<=', period.to))
        .as('d'),
    )
    .select(['d.cadreUserId', (eb) => eb.fn.countAll().as('days')])
    .groupBy('d.cadreUserId')
    .execute();
  const visitRows = await db
    .selectFrom('visits')
    .select(['cadreUserId', (eb) => eb.fn.countAll().as('visits')])
    .where(inWhom('cadre_user_id'))
    .where('localDate', '>=', period.from)
    .where('localDate', '<=', period.to)
    .groupBy('cadreUserId')
    .execute();

  const assignments = await db
    .selectFrom('stationingAssignments')
    .select(['cadreUserId', 'villageCode', 'startsOn', 'endsOn', 'minDaysPerWeek'])
    .where(inWhom('cadre_user_id'))
    .where('startsOn', '<=', period.to)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', period.from)]))
    .execute();
  const fallback = assignments.length ? await createStationingRepository(db).minDaysDefault() : 0;
  const required = new Map<string, number>();
  const villagesOf = new Map<string, Array<{ code: string; from: string; to: string }>>();
  for (const a of assignments) {
    const from = a.startsOn > period.from ? a.startsOn : period.from;
    const to = a.endsOn && a.endsOn < period.to ? a.endsOn : period.to;
    const days = Math.round((startOfLocalDay(addLocalDays(to, 1)).getTime() - startOfLocalDay(from).getTime()) / DAY);
    required.set(a.cadreUserId, (required.get(a.cadreUserId) ?? 0) + Math.floor(((a.minDaysPerWeek ?? fallback) * days) / 7));
    villagesOf.set(a.cadreUserId, [...(villagesOf.get(a.cadreUserId) ?? []), { code: a.villageCode, from, to }]);
  }
  const villages = [...new Set(assignments.map((a) => a.villageCode))];
  const sessions = villages.length
    ? await db.selectFrom('officeDaySessions').select(['villageCode', 'date']).where('villageCode', 'in', villages).where('date', '>=', period.from).where('date', '<=', period.to).execute()
    : [];
  const attended = await officeDaysAttended(db, whom, period);

  const accountabilityRows = await db
    .selectFrom('accountabilityRecords as r')
    .innerJoin('cases as c', 'c.id', 'r.caseId')
    .select([sql<string>`coalesce(r.user_id, c.handler_user_id)`.as('userId'), (eb) => eb.fn.countAll().as('records')])
    .where('r.state', '=', 'confirmed')
    .where('r.createdAt', '>=', fromAt)
    .where('r.createdAt', '<=', toAt)
    .where(inWhom('c.handler_user_id'))
    .where((eb) => eb.or([eb('r.userId', 'is', null), eb('r.userId', '=', eb.ref('c.handlerUserId'))]))
    .groupBy(sql`coalesce(r.user_id, c.handler_user_id)`)
    .execute();
  const lateRows = await db
    .selectFrom('supervisionOrders')
    .select(['respondedBy', (eb) => eb.fn.countAll().as('late')])
    .where(inWhom('responded_by'))
    .where('respondedLate', '=', 1)
    .where('respondedAt', '>=', fromAt)
    .where('respondedAt', '<=', toAt)
    .groupBy('respondedBy')
    .execute();

  const out = new Map<string, CadreFigures>();
  const get = (userId: string): CadreFigures => {
    let f = out.get(userId);
    if (!f) {
      f = { cases: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null, overdueCases: 0, visits: 0, fieldDays: 0, fieldDaysRequired: 0, officeDaysAttended: 0, officeDaysHeld: 0, accountabilityConfirmed: 0, supervisionLate: 0 };
      out.set(userId, f);
    }
    return f;
  };
  for (const r of caseRows) {
    if (!r.handlerUserId) continue;
    const counts = { ...emptyMetricCounts(), assigned: n(r.assigned), respondedInTime: n(r.respondedInTime), evaluated: n(r.evaluated), solved: n(r.solved), satisfied: n(r.satisfied), basicallySatisfied: n(r.basicallySatisfied), dissatisfied: n(r.dissatisfied) };
    const rates = computeRates(counts);
    Object.assign(get(r.handlerUserId), { cases: counts.assigned, responseRate: rates.responseRate, resolutionRate: rates.resolutionRate, satisfactionRate: rates.satisfactionRate, composite: rates.composite, overdueCases: n(r.overdue) });
  }
  for (const r of dayRows) get(r.cadreUserId).fieldDays = n(r.days);
  for (const r of visitRows) get(r.cadreUserId).visits = n(r.visits);
  for (const [userId, days] of required) get(userId).fieldDaysRequired = days;
  const sessionDays = new Map<string, string[]>();
  for (const s of sessions) sessionDays.set(s.villageCode, [...(sessionDays.get(s.villageCode) ?? []), s.date]);
  for (const [userId, spans] of villagesOf) get(userId).officeDaysHeld = spans.reduce((n, v) => n + (sessionDays.get(v.code) ?? []).filter((d) => d >= v.from && d <= v.to).length, 0);
  for (const [userId, days] of attended) get(userId).officeDaysAttended = days;
  for (const r of accountabilityRows) get(r.userId).accountabilityConfirmed = n(r.records);
  for (const r of lateRows) if (r.respondedBy) get(r.respondedBy).supervisionLate = n(r.late);
  return out;
}

/** Figures of one user with nothing counted. */
export const noFigures = (): CadreFigures => ({ cases: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null, overdueCases: 0, visits: 0, fieldDays: 0, fieldDaysRequired: 0, officeDaysAttended: 0, officeDaysHeld: 0, accountabilityConfirmed: 0, supervisionLate: 0 });
