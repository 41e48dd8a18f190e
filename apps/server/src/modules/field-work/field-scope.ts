import type { Role } from '@lianxin/core';
import type { ExpressionBuilder } from 'kysely';
import { forbidden, outOfScope } from '../../errors.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree, subtreeRange } from '@lianxin/core';

/**
 * Who reaches field work (SPEC §4), always over their unit's area subtree. Department handlers
 * and unit heads work cases, not villages, so they are not among them.
 */
export const FIELD_READ_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor', 'admin'];
/** Who records visits, check-ins and attendance. */
export const FIELD_WRITE_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'];
/** Who plans: stationing assignments, schedules, reception sessions, campaigns. */
export const FIELD_MANAGE_ROLES: readonly Role[] = ['dispatcher', 'leader', 'supervisor', 'admin'];

/** The area ranges [lo, hi) in which the actor holds one of `roles`; 403 when none. */
export function fieldRanges(actor: Actor, roles: readonly Role[] = FIELD_READ_ROLES): [string, string][] {
  const codes = new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode));
  if (codes.size === 0) throw forbidden();
  return [...codes].map(subtreeRange);
}

/** Narrows the actor's ranges to the subtree of `areaCode` (a filter); out of reach → 403. */
export function narrowRanges(ranges: [string, string][], areaCode: string | undefined): [string, string][] {
  if (!areaCode) return ranges;
  const [lo, hi] = subtreeRange(areaCode);
  const inside = ranges.filter(([rlo, rhi]) => lo >= rlo && lo < rhi);
  if (inside.length) return [[lo, hi]];
  // A filter wider than my reach keeps my own ranges that lie inside it.
  const within = ranges.filter(([rlo]) => rlo >= lo && rlo < hi);
  if (within.length) return within;
  throw outOfScope();
}

/** True when `code` lies in one of the ranges. */
export const isInRanges = (ranges: [string, string][], code: string) => ranges.some(([lo, hi]) => code >= lo && code < hi);

/** A SQL condition: `column` lies in one of the ranges (index range scans on both databases). */
export function inRanges<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, ranges: [string, string][]) {
  const ref = eb.ref(column as never);
  return eb.or(ranges.map(([lo, hi]) => eb.and([eb(ref, '>=', lo as never), eb(ref, '<', hi as never)])));
}

/** 403 unless the actor holds one of `roles` over `areaCode` (out_of_scope when they hold it elsewhere). */
export function assertRoleOver(actor: Actor, roles: readonly Role[], areaCode: string): void {
  if (actor.grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode))) return;
  throw actor.grants.some((g) => roles.includes(g.role)) ? outOfScope() : forbidden();
}
