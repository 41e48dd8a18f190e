import type { Role } from '@lianxin/core';
import type { HouseholdRow } from '../../db/schema.js';
import { type Actor, hasRole, scopeOf } from '../../access/actor.js';
import { isInSubtree } from '@lianxin/core';

/**
 * Who may do what with households (SPEC §1, §3). Reach follows cases: every role except the
 * unit-scoped handler reaches its unit's area subtree; a handler-only user sees no households.
 */

/** The area ranges the actor's household queries are limited to (applied in SQL). */
export function householdRanges(actor: Actor): [string, string][] {
  return scopeOf(actor.grants.filter((g) => g.role !== 'handler')).areaRanges;
}

/** True when the household's area is within the actor's reach. */
export function canSeeHousehold(actor: Actor, areaCode: string): boolean {
  return householdRanges(actor).some(([lo, hi]) => areaCode >= lo && areaCode < hi);
}

const EDITING_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'unit_head', 'admin'];
const REVEALING_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'];

const holdsOver = (actor: Actor, roles: readonly Role[], areaCode: string) =>
  actor.grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode));

/** May the actor create or change households in this area (and record help for them)? */
export function canEditHousehold(actor: Actor, areaCode: string): boolean {
  return holdsOver(actor, EDITING_ROLES, areaCode);
}

/** May the actor read members' full names, phones and ID numbers (each read is audited)? */
export function canRevealHousehold(actor: Actor, h: Pick<HouseholdRow, 'areaCode' | 'contactUserId'>): boolean {
  return actor.userId === h.contactUserId || holdsOver(actor, REVEALING_ROLES, h.areaCode);
}

/** Tags are platform-wide reference data: admins define them. */
export function canManageTags(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
