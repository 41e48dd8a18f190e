import { randomUUID } from 'node:crypto';
import { localDate, type StationingCreate, type StationingListQuery, type StationingReportQuery, type StationingUpdate } from '@lianxin/core';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { Services } from '../../services.js';
import { type Actor, hasRole } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { assertRoleOver, FIELD_MANAGE_ROLES, fieldRanges, narrowRanges } from '../field-work/field-scope.js';
import { type CadreCompliance, judgeAssignment, summariseTownships } from './compliance.js';
import { stationingRepository as repo } from './stationing.repository.js';
import { dayNumber } from '../field-work/weeks.js';
import { usersRepository } from '../users/users.repository.js';

type AssignmentRow = Awaited<ReturnType<typeof repo.assignments>>[number];

const present = (a: AssignmentRow, fallback: number) => ({
  id: a.id,
  cadre: { id: a.cadreUserId, name: a.cadreName },
  village: { code: a.villageCode, name: a.villageName },
  township: { code: a.townshipCode, name: a.townshipName },
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  minDaysPerWeek: a.minDaysPerWeek ?? fallback,
  usesGlobalRule: a.minDaysPerWeek === null,
  note: a.note,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/** Stationing (驻村): assignments of cadres to villages and the weekly presence rule (SPEC §4). */
export function createStationingService(services: Services) {
  const { db, clock, audit } = services;

  async function findVisible(actor: Actor, id: string) {
    const row = await db.selectFrom('stationingAssignments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    assertRoleOver(actor, FIELD_MANAGE_ROLES, row.villageCode);
    return row;
  }

  async function reload(id: string) {
    const row = await db.selectFrom('stationingAssignments').select('villageCode').where('id', '=', id).executeTakeFirstOrThrow();
    const [found] = (await repo.assignments(db, { ranges: [[row.villageCode, `${row.villageCode}~`]] })).filter((a) => a.id === id);
    return present(found!, await repo.minDaysDefault(db));
  }

  return {
    /** Assigns a cadre to a village for a period (planners over the village only). */
    async assign(actor: Actor, input: StationingCreate) {
      assertRoleOver(actor, FIELD_MANAGE_ROLES, input.villageCode);
      const village = await orgQueries.findArea(db, input.villageCode);
      if (!village || village.level !== 'village') throw unknownReference('villageCode', 'area');
      const cadre = await db.selectFrom('users').select(['id', 'isActive']).where('id', '=', input.cadreUserId).executeTakeFirst();
      if (!cadre || !cadre.isActive) throw unknownReference('cadreUserId', 'user');
      if (await repo.overlapping(db, input.cadreUserId, input.villageCode, input.startsOn, input.endsOn ?? null)) throw new AppError(409, 'error.stationing_overlap', {}, 'startsOn');
      const now = clock.now().toISOString();
      const row = {
        id: randomUUID(),
        cadreUserId: input.cadreUserId,
        villageCode: input.villageCode,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        minDaysPerWeek: input.minDaysPerWeek ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('stationingAssignments').values(row).execute();
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'stationing_assignment', subjectId: row.id, detail: { cadreUserId: row.cadreUserId, villageCode: row.villageCode, startsOn: row.startsOn, endsOn: row.endsOn } }, trx);
      });
      return reload(row.id);
    },

    async update(actor: Actor, id: string, input: StationingUpdate) {
      const before = await findVisible(actor, id);
      const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
      if (endsOn && endsOn < before.startsOn) throw new AppError(400, 'error.validation', {}, 'endsOn');
      if (endsOn !== before.endsOn && (await repo.overlapping(db, before.cadreUserId, before.villageCode, before.startsOn, endsOn, id))) throw new AppError(409, 'error.stationing_overlap', {}, 'endsOn');
      const patch = {
        endsOn,
        minDaysPerWeek: input.minDaysPerWeek === undefined ? before.minDaysPerWeek : input.minDaysPerWeek,
        note: input.note ?? before.note,
        updatedAt: clock.now().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('stationingAssignments').set(patch).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'stationing_assignment', subjectId: id, detail: { changed: Object.keys(input) } }, trx);
      });
      return reload(id);
    },

    async list(actor: Actor, query: StationingListQuery) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      const rows = await repo.assignments(db, { ranges, from: query.activeOn, to: query.activeOn }, { limit: query.limit + 1, offset: query.offset });
      const fallback = await repo.minDaysDefault(db);
      return { items: rows.slice(0, query.limit).map((r) => present(r, fallback)), nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    /**
     * The compliance report over [from, to]: per assignment (cadre × village) the days present in
     * each ISO week against its rule, flagged when a judged week falls short; per township a summary.
     */
    async report(actor: Actor, query: StationingReportQuery) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      const [assignments, presence, fallback] = await Promise.all([
        repo.assignments(db, { ranges, cadreUserId: query.cadre, from: query.from, to: query.to }),
        repo.presence(db, ranges, query.from, query.to, query.cadre),
        repo.minDaysDefault(db),
      ]);
      const days = new Map<string, Set<number>>();
      for (const p of presence) {
        const key = `${p.cadreUserId}|${p.villageCode}`;
        let set = days.get(key);
        if (!set) days.set(key, (set = new Set()));
        set.add(dayNumber(p.localDate));
      }
      const today = localDate(clock.now());
      const empty = new Set<number>();
      const cadres: CadreCompliance[] = assignments.map((a) =>
        judgeAssignment(
          { ...a, townshipCode: a.townshipCode ?? '', townshipName: a.townshipName ?? '', minDaysPerWeek: a.minDaysPerWeek ?? fallback },
          days.get(`${a.cadreUserId}|${a.villageCode}`) ?? empty,
          query.from,
          query.to,
          today,
        ),
      );
      // The unit each cadre is stationed from (a county bureau's first secretary, a village committee …).
      const grants = (await usersRepository.grantsOf(db, [...new Set(cadres.map((c) => c.cadre.id))])).filter((g) => g.unitIsActive);
      const unitOf = new Map<string, { id: string; name: string }>();
      for (const g of [...grants].sort((a, b) => Number(b.role === 'stationed_cadre') - Number(a.role === 'stationed_cadre'))) {
        if (!unitOf.has(g.userId)) unitOf.set(g.userId, { id: g.unitId, name: g.unitName });
      }
      for (const c of cadres) c.cadre.unit = unitOf.get(c.cadre.id) ?? null;
      const townships = summariseTownships(cadres);
      return {
        from: query.from,
        to: query.to,
        minDaysPerWeekDefault: fallback,
        totals: {
          assignments: cadres.length,
          flagged: cadres.filter((c) => c.flagged).length,
          weeksEvaluated: townships.reduce((n, t) => n + t.weeksEvaluated, 0),
          weeksCompliant: townships.reduce((n, t) => n + t.weeksCompliant, 0),
        },
        townships,
        cadres,
      };
    },

    async settings(actor: Actor) {
      fieldRanges(actor);
      return { minDaysPerWeek: await repo.minDaysDefault(db) };
    },

    /** Sets the global rule (admins). */
    async setSettings(actor: Actor, minDaysPerWeek: number) {
      if (!hasRole(actor, 'admin')) throw forbidden();
      await db.transaction().execute(async (trx) => {
        await repo.setMinDaysDefault(trx, minDaysPerWeek);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'setting', subjectId: 'stationing', detail: { minDaysPerWeek } }, trx);
      });
      return { minDaysPerWeek };
    },
  };
}
export type StationingService = ReturnType<typeof createStationingService>;
export type StationingReport = Awaited<ReturnType<StationingService['report']>>;
