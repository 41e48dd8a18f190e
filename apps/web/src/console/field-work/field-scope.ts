import { ACCESS_RULES, type Grant, holds, isInSubtree, levelOfCode, reachOf as reachOfAbility, type Role, subtreePrefix } from '@lianxin/core';
import type { AreaNode } from '@lianxin/core';

/**
 * Field work's scope in the browser (SPEC §4): the area pickers cut to where the user may act.
 * Who may do what is `ACCESS_RULES` of `@lianxin/core` (`field.read`, `field.write`,
 * `field.manage`), the table the server enforces; pages ask `holds(grants, ability, areaCode)` and
 * `reachOf(grants, ability)` from core. The role-list names below forward there for the pages not
 * yet converted (campaigns, office days, reception); they go once nothing imports them.
 */

/** @deprecated `ACCESS_RULES['field.manage']`: ask `holds(grants, 'field.manage', …)`. */
export const FIELD_MANAGE_ROLES: readonly Role[] = ACCESS_RULES['field.manage'].roles;
/** @deprecated `ACCESS_RULES['field.read']`. */
export const FIELD_READ_ROLES: readonly Role[] = ACCESS_RULES['field.read'].roles;
/** @deprecated `ACCESS_RULES['field.write']`. */
export const FIELD_WRITE_ROLES: readonly Role[] = ACCESS_RULES['field.write'].roles;

/** A role held in a unit at an area (what /api/auth/me lists). */
export type AreaGrant = Pick<Grant, 'role' | 'areaCode'>;

// The area-code arithmetic lives in core, shared with the server.
export { isInSubtree, subtreePrefix };

/** The field-work ability a role table stands for (undefined for a list of its own). */
const abilityOf = (roles: readonly Role[]) =>
  roles === FIELD_MANAGE_ROLES ? 'field.manage' : roles === FIELD_WRITE_ROLES ? 'field.write' : roles === FIELD_READ_ROLES ? 'field.read' : undefined;

/** Core's rules read only the role and the area of a grant. */
const asGrants = (grants: readonly AreaGrant[]) => grants as readonly Grant[];

/** @deprecated `holds(grants, ability, areaCode)`: whether the user holds one of `roles` over `areaCode`. */
export function holdsRoleOver(grants: readonly AreaGrant[], roles: readonly Role[], areaCode: string): boolean {
  const ability = abilityOf(roles);
  if (ability) return holds(asGrants(grants), ability, areaCode);
  return grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode));
}

/** @deprecated core's `reachOf(grants, ability)`: the area codes at which the user holds one of `roles`. */
export function reachOf(grants: readonly AreaGrant[], roles: readonly Role[]): string[] {
  const ability = abilityOf(roles);
  if (ability) return reachOfAbility(asGrants(grants), ability);
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode))];
}

/** A node of an area TreeSelect (value = area code). */
export interface AreaOption {
  value: string;
  title: string;
  level: string;
  /** False for nodes that only group others (a township in a village picker). */
  selectable?: boolean;
  children?: AreaOption[];
}

/**
 * The area tree cut to the subtrees under `roots` (the server answers 403 outside them). Grids are
 * left out unless `withGrids` (a visit may be in a grid; stationing and office days work per
 * village). With `villagesOnly`, only villages can be chosen; townships and the county just group them.
 */
/** What a picker reads of an area tree node. */
export type TreeNode = Pick<AreaNode, 'code' | 'name' | 'level'> & { children?: TreeNode[] };

export function areaOptions(tree: readonly TreeNode[], roots: readonly string[], { villagesOnly = false, withGrids = false } = {}): AreaOption[] {
  const convert = (n: TreeNode): AreaOption => {
    const children = (n.children ?? []).filter((c) => withGrids || c.level !== 'grid').map(convert);
    return { value: n.code, title: n.name, level: n.level, ...(villagesOnly && n.level !== 'village' ? { selectable: false } : {}), ...(children.length ? { children } : {}) };
  };
  const walk = (nodes: readonly TreeNode[]): AreaOption[] => nodes.flatMap((n) => (roots.some((r) => isInSubtree(n.code, r)) ? [convert(n)] : walk(n.children ?? [])));
  return walk(tree);
}

/** True for a 12-digit village code (the only level stationing and office days accept). */
export const isVillageCode = (code: string | undefined): boolean => !!code && /^\d{12}$/.test(code) && levelOfCode(code) === 'village';
