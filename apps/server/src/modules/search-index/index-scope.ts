import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CaseScope as Scope } from '../../access/access.js';
import { countMatches, isSqlite } from './fts.js';

/**
 * A scope (auth/actor.ts) is a set of area subtrees plus the cases of some units. The areas go into
 * the full-text match as area words (fts.ts `areaTerms`); what the units add beyond those areas —
 * a handler's whole reach, or an area actor's unit handling a case from elsewhere — is found apart.
 */

type Q = Kysely<DB> | Transaction<DB>;
type CasesEb = ExpressionBuilder<DB, 'cases'>;

/** The area word of each area subtree of the scope (the lower bound of a subtree range is its prefix). */
export const scopeAreaWords = (scope: Scope): string[] => [...new Set(scope.areaRanges.map(([lo]) => lo))];

/** An area part of a match pays off below this many cases; above, the area is checked in SQL only. */
export const AREA_MATCH_CAP = 20_000;
const AREA_SIZE_TTL_MS = 10 * 60_000;
const areaSizes = new Map<string, { small: boolean; until: number }>();

/**
 * The scope's area words when they narrow a search — its areas hold fewer than AREA_MATCH_CAP
 * cases (a village, a township) — else null: a county's words would match nearly every case, and
 * ranking would read all their postings (fts.ts). Either way the scope is also checked in SQL.
 * The answer is kept ten minutes per set of areas (areas grow slowly).
 */
export async function matchableAreaWords(db: Q, scope: Scope, capGiven?: number): Promise<string[] | null> {
  const words = scopeAreaWords(scope);
  if (words.length === 0) return null;
  // PostgreSQL: the scope words are a column of the same GIN index as the words (migration
  // 2026120921_search_windows), intersected there and never ranked, so they always narrow
  // (unless a test asks for the cap).
  if (!isSqlite(db) && capGiven === undefined) return words;
  const cap = capGiven ?? AREA_MATCH_CAP;
  const key = `${cap}:${[...words].sort().join(' ')}`;
  const now = performance.now();
  let known = areaSizes.get(key);
  if (!known || known.until < now) {
    const small = (await countMatches(db, { areas: [words] }, cap)) < cap;
    known = { small, until: now + AREA_SIZE_TTL_MS };
    if (areaSizes.size > 10_000) areaSizes.clear();
    areaSizes.set(key, known);
  }
  return known.small ? words : null;
}

/** The gaps between the scope's area ranges, as [from, to) with null for "unbounded". */
function outsideIntervals(scope: Scope): Array<[string | null, string | null]> {
  const ranges = [...scope.areaRanges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Array<[string, string]> = [];
  for (const [lo, hi] of ranges) {
    const last = merged[merged.length - 1];
    if (last && lo < last[1]) last[1] = hi > last[1] ? hi : last[1];
    else merged.push([lo, hi]);
  }
  const gaps: Array<[string | null, string | null]> = [];
  let from: string | null = null;
  for (const [lo, hi] of merged) {
    gaps.push([from, lo]);
    from = hi;
  }
  gaps.push([from, null]);
  return gaps;
}

/** `cases.area_code` lies outside every area range of the scope (index ranges, not a NOT). */
export function outsideScopeAreas(eb: CasesEb, scope: Scope): Expression<SqlBool> {
  return eb.or(
    outsideIntervals(scope).map(([from, to]) => {
      const bounds: Expression<SqlBool>[] = [];
      if (from !== null) bounds.push(eb('cases.areaCode', '>=', from));
      if (to !== null) bounds.push(eb('cases.areaCode', '<', to));
      return bounds.length ? eb.and(bounds) : sql<SqlBool>`1 = 1`;
    }),
  );
}

/** Cases the scope reaches through its units but not through its areas. */
export function unitCasesOutsideAreas(eb: CasesEb, scope: Scope): Expression<SqlBool> {
  if (scope.unitIds.length === 0) return sql<SqlBool>`1 = 0`;
  const byUnit = eb.or([
    eb('cases.currentUnitId', 'in', scope.unitIds),
    eb.exists(eb.selectFrom('caseCoUnits').select('caseCoUnits.caseId').whereRef('caseCoUnits.caseId', '=', 'cases.id').where('caseCoUnits.unitId', 'in', scope.unitIds)),
  ]);
  return eb.and([byUnit, outsideScopeAreas(eb, scope)]);
}

/**
 * Whether the scope's units reach any case outside its areas — two index probes (cases by unit
 * and area, co-units by unit). Mostly false for area actors, so their search is one match.
 */
export async function hasUnitCasesOutsideAreas(db: Q, scope: Scope): Promise<boolean> {
  if (scope.unitIds.length === 0) return false;
  const current = await db
    .selectFrom('cases')
    .select('cases.id')
    .where('cases.currentUnitId', 'in', scope.unitIds)
    .where((eb) => outsideScopeAreas(eb, scope))
    .limit(1)
    .executeTakeFirst();
  if (current) return true;
  const co = await db
    .selectFrom('caseCoUnits')
    .innerJoin('cases', 'cases.id', 'caseCoUnits.caseId')
    .select('cases.id')
    .where('caseCoUnits.unitId', 'in', scope.unitIds)
    .where((eb) => outsideScopeAreas(eb as unknown as CasesEb, scope))
    .limit(1)
    .executeTakeFirst();
  return co !== undefined;
}
