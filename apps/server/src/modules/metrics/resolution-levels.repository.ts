import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CaseScope } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import { inScope } from '../cases/cases.repository.js';

/** Which closed cases are counted (registration time in [from, to), like every figure). */
export interface ResolutionFilter {
  scope: CaseScope;
  from: string;
  to: string;
  areaRange?: readonly [string, string];
  /** Digits of the area code that make the group key (9: townships, 12: villages, 15: grids). */
  digits: 9 | 12 | 15;
}

export interface ResolutionCountRow {
  key: string;
  closed: number;
  village: number;
  township: number;
  county: number;
  aboveCompetent: number;
}

/** The level of a unit's area as a number: 1 village (or grid), 2 township, 3 county and above. */
function levelRank(areaCode: RawBuilder<string>) {
  return sql<number>`case when length(${areaCode}) = 15 or substr(${areaCode}, 10, 3) <> '000' then 1 when substr(${areaCode}, 7, 3) <> '000' then 2 else 3 end`;
}

/** Channels by which a resident goes to a level in person or in writing (访); hotline, portal and transfers are every level's intake. */
const VISIT_CHANNELS = ['visit', 'letter'];

/**
 * Closed cases per area, by the level of the unit that closed them (the unit holding the case, or
 * the registering unit for a case answered on the spot), and those raised above the competent
 * level — see docs/METRICS.md. One aggregate query over the registration-time index.
 */
export async function countResolutionLevels(db: Kysely<DB>, f: ResolutionFilter): Promise<ResolutionCountRow[]> {
  const closer = levelRank(sql<string>`closer.area_code`);
  const registrar = levelRank(sql<string>`registrar.area_code`);
  const key = sql<string>`substr(${sql.ref('cases.areaCode')}, 1, ${sql.lit(f.digits)})`;
  const countIf = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
  let query = db
    .selectFrom('cases')
    .innerJoin('units as closer', (j) => j.on(sql<boolean>`closer.id = coalesce(${sql.ref('cases.currentUnitId')}, ${sql.ref('cases.registeredUnitId')})`))
    .innerJoin('units as registrar', 'registrar.id', 'cases.registeredUnitId')
    .where((eb) => inScope(eb, f.scope))
    .where('cases.registeredAt', '>=', f.from)
    .where('cases.registeredAt', '<', f.to)
    .where('cases.status', 'in', ['closed', 'final'])
    .where('cases.closedAt', 'is not', null);
  if (f.areaRange) query = query.where('cases.areaCode', '>=', f.areaRange[0]).where('cases.areaCode', '<', f.areaRange[1]);
  const channels = sql.join(VISIT_CHANNELS.map((c) => sql.lit(c)));
  const rows = await query
    .select([
      key.as('groupKey'),
      sql<number | string>`count(*)`.as('closed'),
      countIf(sql`${closer} = 1`).as('village'),
      countIf(sql`${closer} = 2`).as('township'),
      countIf(sql`${closer} = 3`).as('county'),
      countIf(sql`(${sql.ref('cases.flagCrossLevel')} = 1 or (${registrar} > ${closer} and ${sql.ref('cases.channel')} in (${channels})))`).as('aboveCompetent'),
    ])
    .groupBy(key)
    .execute();
  return rows.map((r) => ({
    key: String(r.groupKey),
    closed: Number(r.closed),
    village: Number(r.village ?? 0),
    township: Number(r.township ?? 0),
    county: Number(r.county ?? 0),
    aboveCompetent: Number(r.aboveCompetent ?? 0),
  }));
}
