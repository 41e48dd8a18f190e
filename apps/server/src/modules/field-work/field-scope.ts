import { ACCESS_RULES, isInSubtree, type Role, subtreeRange } from '@lianxin/core';
import { assertCan, type AreaRange, inRanges, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { forbidden, outOfScope } from '../../errors.js';

/**
 * Transitional: the field-work access rules now live in `ACCESS_RULES` (`field.read`,
 * `field.write`, `field.manage`, `@lianxin/core`) and are enforced by `access/access.ts`. These
 * names only forward there for the modules not yet converted; visits and stationing ask the
 * access module directly. Delete this file once nothing imports it.
 */

/** @deprecated Ask `rangesFor(actor, 'field.read')`. */
export const FIELD_READ_ROLES: readonly Role[] = ACCESS_RULES['field.read'].roles;
/** @deprecated Ask `assertCan(actor, 'field.write', …)`. */
export const FIELD_WRITE_ROLES: readonly Role[] = ACCESS_RULES['field.write'].roles;
/** @deprecated Ask `assertCan(actor, 'field.manage', …)`. */
export const FIELD_MANAGE_ROLES: readonly Role[] = ACCESS_RULES['field.manage'].roles;

/** The field-work ability a role table stands for (undefined for a list of its own). */
function abilityOf(roles: readonly Role[]): 'field.read' | 'field.write' | 'field.manage' | undefined {
  if (roles === FIELD_WRITE_ROLES) return 'field.write';
  if (roles === FIELD_MANAGE_ROLES) return 'field.manage';
  if (roles === FIELD_READ_ROLES) return 'field.read';
  return undefined;
}

/** @deprecated `rangesFor(actor, ability)`. */
export function fieldRanges(actor: Actor, roles: readonly Role[] = FIELD_READ_ROLES): AreaRange[] {
  const ability = abilityOf(roles);
  if (ability) return rangesFor(actor, ability);
  const codes = new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode));
  if (codes.size === 0) throw forbidden();
  return [...codes].map(subtreeRange);
}

/** @deprecated `assertCan(actor, ability, { areaCode })`. */
export function assertRoleOver(actor: Actor, roles: readonly Role[], areaCode: string): void {
  const ability = abilityOf(roles);
  if (ability) return assertCan(actor, ability, { areaCode });
  if (actor.grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode))) return;
  throw actor.grants.some((g) => roles.includes(g.role)) ? outOfScope() : forbidden();
}

export { inRanges, narrowRanges };
export { isInRanges } from '@lianxin/core';
