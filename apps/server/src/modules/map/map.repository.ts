import { type AreaRange, type CaseState, subtreeRange } from '@lianxin/core';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { type CaseScope, inRanges } from '../../access/access.js';
import { CELL_LEVEL, mapCellSql } from '../../db/migrations/2026120911_case_map_cells.js';
import type { DB } from '../../db/schema.js';
import { inScope } from '../cases/cases.repository.js';
import { HOUSEHOLD_CHANGE_COUNTER } from '../households/households.repository.js';

/** A household as the map's index loads it. */
export interface MapHouseholdRow {
  id: string;
  areaCode: string;
  lat: number | null;
  lng: number | null;
  tagCodes: string;
  headNameMasked: string;
  address: string;
  archivedAt: string | null;
  changeSeq: number;
}

/** Cases (with coordinates) per grid cell and state: the sums the map's clusters and heat are drawn from. */
export interface MapCellRow {
  /** The cell at the asked level (CELL_LEVEL or coarser). */
  cx: number;
  cy: number;
  status: string;
  cases: number;
  /** Sums of the members' coordinates in 1e-7 degrees. */
  latE7: number;
  lngE7: number;
}

/** What the map's tiles are asked: cells at `level` (≤ CELL_LEVEL) within a range of CELL_LEVEL cells. */
export interface MapCellFilter {
  /** Registered at or after this instant (ISO). */
  since: string;
  level: number;
  /** Inclusive CELL_LEVEL cell ranges. */
  cells: { x0: number; x1: number; y0: number; y1: number };
  area?: string;
  states?: readonly CaseState[];
}

type CaseEb = ExpressionBuilder<DB, 'cases'>;
const cellOf = mapCellSql('cases');

/** The case is in one of the scope's areas (what the tiles hold; units and co-units come live). */
function inAreas(eb: CaseEb, scope: CaseScope) {
  return eb.or(scope.areaRanges.map(([lo, hi]) => eb.and([eb('cases.areaCode', '>=', lo), eb('cases.areaCode', '<', hi)])));
}

/** Counts straight from the cases table: registered in [from, to), matching `where`. */
async function liveCells(db: Kysely<DB>, f: MapCellFilter, from: string, to: string | null, where: (eb: CaseEb) => Expression<SqlBool>): Promise<MapCellRow[]> {
  const k = 2 ** (CELL_LEVEL - f.level);
  const cx = sql<number>`(${sql.raw(cellOf.cx)}) / ${sql.lit(k)}`;
  const cy = sql<number>`(${sql.raw(cellOf.cy)}) / ${sql.lit(k)}`;
  let query = db
    .selectFrom('cases')
    .where(where)
    .where('cases.lat', 'is not', null)
    .where('cases.lng', 'is not', null)
    .where('cases.registeredAt', '>=', from)
    .where(sql.raw<number>(cellOf.cx), '>=', f.cells.x0)
    .where(sql.raw<number>(cellOf.cx), '<=', f.cells.x1)
    .where(sql.raw<number>(cellOf.cy), '>=', f.cells.y0)
    .where(sql.raw<number>(cellOf.cy), '<=', f.cells.y1);
  if (to) query = query.where('cases.registeredAt', '<', to);
  if (f.area) {
    const [lo, hi] = subtreeRange(f.area);
    query = query.where('cases.areaCode', '>=', lo).where('cases.areaCode', '<', hi);
  }
  if (f.states?.length) query = query.where('cases.status', 'in', f.states);
  const rows = await query
    .select([
      cx.as('cx'),
      cy.as('cy'),
      'cases.status',
      sql<number>`count(*)`.as('cases'),
      sql<number>`sum(${sql.raw(cellOf.latE7)})`.as('latE7'),
      sql<number>`sum(${sql.raw(cellOf.lngE7)})`.as('lngE7'),
    ])
    .groupBy([cx, cy, 'cases.status'])
    .execute();
  return rows.map(numericCells);
}

const numericCells = (r: { cx: unknown; cy: unknown; status: string; cases: unknown; latE7: unknown; lngE7: unknown }): MapCellRow => ({
  cx: Number(r.cx),
  cy: Number(r.cy),
  status: r.status,
  cases: Number(r.cases),
  latE7: Number(r.latE7),
  lngE7: Number(r.lngE7),
});

/** The tile rows of the scope's areas in the periods (days: [lo, hi) of YYYY-MM-DD; months: from YYYY-MM on). */
async function tileCells(db: Kysely<DB>, table: 'caseMapDays' | 'caseMapMonths', scope: CaseScope, f: MapCellFilter, periods: { from: string; to?: string }) {
  const k = 2 ** (CELL_LEVEL - f.level);
  const cx = sql<number>`${sql.ref('cx')} / ${sql.lit(k)}`;
  const cy = sql<number>`${sql.ref('cy')} / ${sql.lit(k)}`;
  let query = db
    .selectFrom(table)
    .where('period', '>=', periods.from)
    .where((eb) => eb.or(scope.areaRanges.map(([lo, hi]) => eb.and([eb('areaCode', '>=', lo), eb('areaCode', '<', hi)]))))
    .where('cx', '>=', f.cells.x0)
    .where('cx', '<=', f.cells.x1)
    .where('cy', '>=', f.cells.y0)
    .where('cy', '<=', f.cells.y1);
  if (periods.to) query = query.where('period', '<', periods.to);
  if (f.area) {
    const [lo, hi] = subtreeRange(f.area);
    query = query.where('areaCode', '>=', lo).where('areaCode', '<', hi);
  }
  if (f.states?.length) query = query.where('status', 'in', f.states);
  const rows = await query
    .select([cx.as('cx'), cy.as('cy'), 'status', sql<number>`sum(${sql.ref('cases')})`.as('cases'), sql<number>`sum(${sql.ref('latE7')})`.as('latE7'), sql<number>`sum(${sql.ref('lngE7')})`.as('lngE7')])
    .groupBy([cx, cy, 'status'])
    .execute();
  return rows.map(numericCells);
}

/** The area-code intervals outside the ranges ([lo, hi), null: unbounded). */
function complement(ranges: ReadonlyArray<readonly [string, string]>): Array<[string | null, string | null]> {
  const sorted = [...ranges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Array<[string | null, string | null]> = [];
  let from: string | null = null;
  for (const [lo, hi] of sorted) {
    if (from === null || from < lo) out.push([from, lo]);
    if (from === null || hi > from) from = hi;
  }
  out.push([from, null]);
  return out;
}

const DAY_MS = 86_400_000;
/** How "since" splits: a live edge up to the next UTC midnight, whole days to the next month, whole months on. */
export function splitSince(since: string) {
  const ms = Date.parse(since);
  const dayStart = Math.ceil(ms / DAY_MS) * DAY_MS;
  const firstDay = new Date(dayStart).toISOString().slice(0, 10);
  const d = new Date(dayStart);
  const monthStart = firstDay.endsWith('-01') ? firstDay : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return { edge: dayStart > ms ? ([since, new Date(dayStart).toISOString()] as const) : null, wholeFrom: new Date(dayStart).toISOString(), days: firstDay < monthStart ? ([firstDay, monthStart] as const) : null, months: monthStart.slice(0, 7) };
}

/** The map's queries: the only place with the map module's SQL. */
export const mapRepository = {
  /** The number of the latest household change (0 before any). */
  async householdChangeHead(db: Kysely<DB>): Promise<number> {
    const head = await db.selectFrom('counters').select('value').where('name', '=', HOUSEHOLD_CHANGE_COUNTER).executeTakeFirst();
    return Number(head?.value ?? 0);
  },

  /** Households changed after change number `after`, in change order, at most `limit`. */
  householdsChangedSince(db: Kysely<DB>, after: number, limit: number): Promise<MapHouseholdRow[]> {
    return db
      .selectFrom('households')
      .select(['id', 'areaCode', 'lat', 'lng', 'tagCodes', 'headNameMasked', 'address', 'archivedAt', 'changeSeq'])
      .where('changeSeq', '>', after)
      .orderBy('changeSeq')
      .limit(limit)
      .execute();
  },

  /** Cases with coordinates in the box registered since `since`, within the case scope, newest first. */
  casesInBox(
    db: Kysely<DB>,
    scope: CaseScope,
    f: { bbox: [number, number, number, number]; since: string; area?: string; states?: readonly CaseState[]; limit: number },
  ) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    let query = db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'status', 'dueLevel', 'lat', 'lng'])
      .where((eb) => inScope(eb, scope))
      .where('registeredAt', '>=', f.since)
      .where('lat', '>=', minLat)
      .where('lat', '<=', maxLat)
      .where('lng', '>=', minLng)
      .where('lng', '<=', maxLng);
    if (f.area) {
      const [lo, hi] = subtreeRange(f.area);
      query = query.where('areaCode', '>=', lo).where('areaCode', '<', hi);
    }
    if (f.states?.length) query = query.where('status', 'in', f.states);
    return query.orderBy('registeredAt', 'desc').limit(f.limit).execute();
  },

  /**
   * Cases with coordinates per cell and state, read from the tiles (case_map_days/months) for the
   * scope's areas plus, live, the partial first day and the cases in scope only through a unit or
   * co-unit: equal to `recountCells` (rows may repeat a key; add them up).
   */
  async cells(db: Kysely<DB>, scope: CaseScope, f: MapCellFilter): Promise<MapCellRow[]> {
    const { edge, wholeFrom, days, months } = splitSince(f.since);
    const parts: Array<Promise<MapCellRow[]>> = [];
    if (edge) parts.push(liveCells(db, f, edge[0], edge[1], (eb) => inScope(eb, scope)));
    if (scope.areaRanges.length) {
      if (days) parts.push(tileCells(db, 'caseMapDays', scope, f, { from: days[0], to: days[1] }));
      parts.push(tileCells(db, 'caseMapMonths', scope, f, { from: months }));
    }
    if (scope.unitIds.length) {
      // Cases a scope unit holds outside the scope's areas: index ranges of (unit, area) around them.
      const outside = complement(scope.areaRanges);
      parts.push(
        liveCells(db, f, wholeFrom, null, (eb) =>
          eb.or(
            scope.unitIds.flatMap((unitId) =>
              outside.map(([lo, hi]) =>
                eb.and([eb('cases.currentUnitId', '=', unitId), ...(lo ? [eb('cases.areaCode', '>=', lo)] : []), ...(hi ? [eb('cases.areaCode', '<', hi)] : [])]),
              ),
            ),
          ),
        ),
      );
      // Cases a scope unit co-handles (协办), in neither of the above.
      parts.push(
        liveCells(db, f, wholeFrom, null, (eb) =>
          eb.and([
            eb('cases.id', 'in', eb.selectFrom('caseCoUnits').select('caseCoUnits.caseId').where('caseCoUnits.unitId', 'in', scope.unitIds)),
            eb(sql<string>`coalesce(${sql.ref('cases.currentUnitId')}, '')`, 'not in', scope.unitIds),
            ...(scope.areaRanges.length ? [eb.not(inAreas(eb, scope))] : []),
          ]),
        ),
      );
    }
    return (await Promise.all(parts)).flat();
  },

  /** The same counted straight from the cases table: the definition the tiles must equal. */
  recountCells(db: Kysely<DB>, scope: CaseScope, f: MapCellFilter): Promise<MapCellRow[]> {
    return liveCells(db, f, f.since, null, (eb) => inScope(eb, scope));
  },

  /** The one case in each of these cells at `level` (single-case clusters), as `cells` filters them. */
  async casesInCells(db: Kysely<DB>, scope: CaseScope, f: MapCellFilter, cells: ReadonlyArray<{ cx: number; cy: number; box: [number, number, number, number] }>) {
    if (!cells.length) return [];
    const k = 2 ** (CELL_LEVEL - f.level);
    let query = db
      .selectFrom('cases')
      .select(['cases.id', sql<number>`(${sql.raw(cellOf.cx)}) / ${sql.lit(k)}`.as('cx'), sql<number>`(${sql.raw(cellOf.cy)}) / ${sql.lit(k)}`.as('cy')])
      .where((eb) => inScope(eb, scope))
      .where('cases.registeredAt', '>=', f.since)
      // Each cell's box, a hair wider than the cell: the index on coordinates finds its cases.
      .where((eb) =>
        eb.or(
          cells.map(({ box: [minLng, minLat, maxLng, maxLat] }) =>
            eb.and([eb('cases.lat', '>=', minLat), eb('cases.lat', '<=', maxLat), eb('cases.lng', '>=', minLng), eb('cases.lng', '<=', maxLng)]),
          ),
        ),
      );
    if (f.area) {
      const [lo, hi] = subtreeRange(f.area);
      query = query.where('cases.areaCode', '>=', lo).where('cases.areaCode', '<', hi);
    }
    if (f.states?.length) query = query.where('cases.status', 'in', f.states);
    const wanted = new Set(cells.map((c) => `${c.cx}/${c.cy}`));
    return (await query.execute()).map((r) => ({ id: r.id, cx: Number(r.cx), cy: Number(r.cy) })).filter((r) => wanted.has(`${r.cx}/${r.cy}`));
  },

  /** The areas of the subtrees of `roots`, by code. */
  areasUnder(db: Kysely<DB>, roots: readonly string[]) {
    const ranges: AreaRange[] = roots.map(subtreeRange);
    return db
      .selectFrom('areas')
      .select(['code', 'parentCode', 'name', 'level', 'lat', 'lng', 'boundary'])
      .where((eb) => inRanges(eb, 'code', ranges))
      .orderBy('code')
      .execute();
  },
};
