/**
 * Row types of the metrics rollups (migration 2026120851_case_rollups): the additive counts of
 * docs/METRICS.md per China-time day (`caseRollupDays.period` YYYY-MM-DD) or month
 * (`caseRollupMonths.period` YYYY-MM) of registration, area, category and responsible unit, kept
 * by database triggers; `caseRollupUnitDays`/`caseRollupUnitMonths` the same per township and unit only. `DB` in schema.ts extends this.
 */
export interface CaseRollupTable {
  period: string;
  areaCode: string;
  categoryCode: string;
  /** The responsible unit: the current unit, else the registering unit. */
  unitId: string;
  /** 1 when `unitId` is the case's current unit (case scope by unit looks at the current unit only). */
  unitCurrent: number;
  registered: number;
  assigned: number;
  respondedInTime: number;
  evaluated: number;
  solved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  closed: number;
  closedOnTime: number;
  returned: number;
  repeat: number;
  /** Cases with a confirmed overdue accountability record. */
  overdueRecorded: number;
  handlingCount: number;
  handlingMsTotal: number | string;
  /** Cases in a state where a late clock is overdue work (open, not waiting for the resident). */
  openPending: number;
  /** Of those, cases with a confirmed overdue accountability record. */
  openRecorded: number;
}

/** The coarse rollups: per period, township (first 9 digits of the area code) and responsible unit. */
export interface CaseUnitRollupTable extends Omit<CaseRollupTable, 'areaCode' | 'categoryCode'> {
  township: string;
}

/**
 * The case map's tiles (migration 2026120911_case_map_cells): cases with coordinates per UTC day
 * (`caseMapDays.period` YYYY-MM-DD) or month (`caseMapMonths.period` YYYY-MM) of registration, area,
 * state and Web Mercator cell (64-pixel cells at zoom 12), with their coordinates summed in 1e-7 degrees.
 */
export interface CaseMapCellTable {
  period: string;
  areaCode: string;
  status: string;
  cx: number;
  cy: number;
  cases: number;
  latE7: number | string;
  lngE7: number | string;
}

export interface RollupTables {
  caseMapDays: CaseMapCellTable;
  caseMapMonths: CaseMapCellTable;
  caseRollupDays: CaseRollupTable;
  caseRollupMonths: CaseRollupTable;
  caseRollupUnitDays: CaseUnitRollupTable;
  caseRollupUnitMonths: CaseUnitRollupTable;
}
