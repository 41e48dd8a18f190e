import { forbidden, outOfScope } from '../../errors.js';
import { type Actor, hasAnyRole, hasRole } from '../../access/actor.js';
import { isInSubtree, subtreeRange } from '@lianxin/core';

/**
 * Who may administer what. Platform-wide configuration (categories, time limits, calendar) needs
 * the admin role; the organisation (areas, units, users) also needs the place to lie in the area
 * subtree of a unit where the actor is admin, so a township's admin manages only that township.
 */

/** Refuses (403) anyone without the admin role. */
export function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw forbidden();
}

/** Refuses non-admins (403 forbidden) and admins of other places (403 out of scope). */
export function assertAdminOver(actor: Actor, areaCode: string): void {
  assertAdmin(actor);
  if (!isAdminOver(actor, areaCode)) throw outOfScope();
}

/** True when the actor is admin in a unit whose area contains `areaCode`. */
export function isAdminOver(actor: Actor, areaCode: string): boolean {
  return actor.grants.some((g) => g.role === 'admin' && isInSubtree(areaCode, g.areaCode));
}

/** The [lo, hi) code ranges the actor administers (empty for non-admins). */
export function adminRanges(actor: Actor): [string, string][] {
  return actor.grants.filter((g) => g.role === 'admin').map((g) => subtreeRange(g.areaCode));
}

/** The audit log is read by admins and by supervisors (纪检), who check on the admins. */
export function assertAuditReader(actor: Actor): void {
  if (!hasAnyRole(actor, ['admin', 'supervisor'])) throw forbidden();
}
