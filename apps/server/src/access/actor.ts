import type { Locale, Role } from '@lianxin/core';
import { subtreeRange } from '@lianxin/core';

/** A role the user holds in a unit; the unit's area bounds what the role reaches. */
export interface RoleGrant {
  role: Role;
  unitId: string;
  unitName: string;
  areaCode: string;
  /** For display only (the console's header). */
  areaName?: string;
}

/** The signed-in staff member a request acts for. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  grants: RoleGrant[];
  sessionId: string;
  csrfToken: string;
}

/**
 * What an actor may see: cases in these area ranges, or cases involving these units (as the
 * current unit or a co-handling unit). Built from the grants; handlers see their unit's cases,
 * every other role its unit's area subtree (SPEC §1).
 */
export interface Scope {
  areaRanges: [string, string][];
  unitIds: string[];
}

/** Roles whose reach is their unit's cases rather than their unit's area. */
const UNIT_SCOPED_ROLES: readonly Role[] = ['handler'];

/** The scope that follows from a set of grants. */
export function scopeOf(grants: readonly RoleGrant[]): Scope {
  const areaCodes = new Set<string>();
  const unitIds = new Set<string>();
  for (const grant of grants) {
    if (UNIT_SCOPED_ROLES.includes(grant.role)) unitIds.add(grant.unitId);
    else areaCodes.add(grant.areaCode);
    // Every member of a unit sees the cases their unit is handling.
    unitIds.add(grant.unitId);
  }
  return { areaRanges: [...areaCodes].map(subtreeRange), unitIds: [...unitIds] };
}

/** True when the actor holds `role` (in any unit, or in `unitId` when given). */
export function hasRole(actor: Actor, role: Role, unitId?: string | null): boolean {
  return actor.grants.some((g) => g.role === role && (unitId === undefined || g.unitId === unitId));
}

/** True when the actor holds any of `roles`. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The units in which the actor holds `role`. */
export function unitsWithRole(actor: Actor, role: Role): string[] {
  return actor.grants.filter((g) => g.role === role).map((g) => g.unitId);
}
