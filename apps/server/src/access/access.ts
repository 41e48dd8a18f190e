import {
  type Ability,
  type AreaRange,
  type CaseAction,
  type CaseSubject,
  CASE_ACTION_RULES,
  grantsWith,
  holds,
  isInRanges,
  mayActOnCase,
  rangesOf,
  subtreeRange,
} from '@lianxin/core';
import type { ExpressionBuilder } from 'kysely';
import { forbidden, outOfScope } from '../errors.js';
import type { Actor } from './actor.js';

/**
 * The server's one access module: every service asks it on its first line, and every scoped
 * repository query filters by its ranges. The rules themselves are the tables of `@lianxin/core`
 * (`ACCESS_RULES`, `CASE_ACTION_RULES`), which the console reads too.
 */

export type { Ability, AreaRange } from '@lianxin/core';

/** Whether the actor has `ability` — anywhere, or over `areaCode` when given. */
export function can(actor: Actor, ability: Ability, subject?: { areaCode: string }): boolean {
  return holds(actor.grants, ability, subject?.areaCode);
}

/**
 * Refuses unless the actor has `ability` (over `subject`'s area when given): 403 `forbidden` to
 * someone without it anywhere, 403 `out_of_scope` to someone who has it elsewhere.
 */
export function assertCan(actor: Actor, ability: Ability, subject?: { areaCode: string }): void {
  if (can(actor, ability, subject)) return;
  throw grantsWith(actor.grants, ability).length ? outOfScope() : forbidden();
}

/** The area ranges where the actor has `ability`; 403 when it has it nowhere. */
export function rangesFor(actor: Actor, ability: Ability): AreaRange[] {
  const ranges = rangesOf(actor.grants, ability);
  if (ranges.length === 0) throw forbidden();
  return ranges;
}

/** Whether the actor may take `action` on a case it can see, judging by role only. */
export function canActOnCase(actor: Actor, action: CaseAction | 'reveal_requester', c: CaseSubject): boolean {
  return mayActOnCase(actor.userId, actor.grants, action, c);
}

/** Narrows the actor's ranges to the subtree of `areaCode` (a filter); out of reach → 403. */
export function narrowRanges(ranges: AreaRange[], areaCode: string | undefined): AreaRange[] {
  if (!areaCode) return ranges;
  const [lo, hi] = subtreeRange(areaCode);
  const inside = ranges.filter(([rlo, rhi]) => lo >= rlo && lo < rhi);
  if (inside.length) return [[lo, hi]];
  // A filter wider than my reach keeps my own ranges that lie inside it.
  const within = ranges.filter(([rlo]) => rlo >= lo && rlo < hi);
  if (within.length) return within;
  throw outOfScope();
}

/** Refuses (403 out_of_scope) a subject whose area lies outside `ranges`. */
export function assertInRanges(ranges: readonly AreaRange[], areaCode: string): void {
  if (!isInRanges(ranges, areaCode)) throw outOfScope();
}

/** A SQL condition: `column` lies in one of the ranges (index range scans on both databases). */
export function inRanges<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, ranges: readonly AreaRange[]) {
  const ref = eb.ref(column as never);
  return eb.or(ranges.map(([lo, hi]) => eb.and([eb(ref, '>=', lo as never), eb(ref, '<', hi as never)])));
}

/**
 * What an actor may see of cases: cases in these area ranges, or cases involving these units (as
 * the current unit or a co-handling unit). Handlers see their unit's cases, every other role its
 * unit's area subtree (SPEC §1).
 */
export interface CaseScope {
  areaRanges: AreaRange[];
  unitIds: string[];
  /** Cases on whose task force (专案组) this user sits, wherever they lie. */
  taskForceUserId?: string;
}

/** The case scope that follows from the actor's grants. */
export function caseScope(actor: Pick<Actor, 'grants'>): CaseScope {
  const areaCodes = new Set<string>();
  const unitIds = new Set<string>();
  for (const grant of actor.grants) {
    if (grant.role !== 'handler') areaCodes.add(grant.areaCode);
    // Every member of a unit sees the cases their unit is handling.
    unitIds.add(grant.unitId);
  }
  return { areaRanges: [...areaCodes].map(subtreeRange), unitIds: [...unitIds] };
}

// — hard-cases —
/**
 * Where an actor may open one case (its page, documents, files): their case scope, plus the cases
 * whose task force (专案组) they sit on, from whatever unit they come. Lists keep `caseScope`.
 */
export function caseReadScope(actor: Pick<Actor, 'grants' | 'userId'>): CaseScope {
  return { ...caseScope(actor), taskForceUserId: actor.userId };
}

/**
 * Which long-standing cases (积案) an actor lists: those of the areas where they hold
 * `hard_case.manage` (supervisors, leaders), those their units handle, and those whose task force
 * they sit on. 403 without `hard_case.read`.
 */
export function hardCaseScope(actor: Pick<Actor, 'grants' | 'userId'>): CaseScope {
  const readers = grantsWith(actor.grants, 'hard_case.read');
  if (readers.length === 0) throw forbidden();
  return { areaRanges: rangesOf(actor.grants, 'hard_case.manage'), unitIds: [...new Set(readers.map((g) => g.unitId))], taskForceUserId: actor.userId };
}
// — end hard-cases —

/**
 * Where the actor may take `action` on cases by role, whatever the case: the area ranges where it
 * holds one of the action's over-area roles, and the units where it holds one of its
 * in-current-unit roles (the workbench's to-do queries filter by them).
 */
export function caseActionReach(actor: Pick<Actor, 'grants'>, action: CaseAction): { areaRanges: AreaRange[]; unitIds: string[] } {
  const rule = CASE_ACTION_RULES[action];
  const areaCodes = new Set(actor.grants.filter((g) => rule.overArea.includes(g.role)).map((g) => g.areaCode));
  const unitIds = new Set(actor.grants.filter((g) => rule.inCurrentUnit.includes(g.role)).map((g) => g.unitId));
  return { areaRanges: [...areaCodes].map(subtreeRange), unitIds: [...unitIds] };
}

/** The unit an actor acts for on a case (its events name it): the case's current unit if the actor holds a role there, else the actor's first. */
export function actingUnitOf(actor: Pick<Actor, 'grants'>, currentUnitId: string | null): string | null {
  return (actor.grants.find((g) => g.unitId === currentUnitId) ?? actor.grants[0])?.unitId ?? null;
}
