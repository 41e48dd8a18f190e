import type { Role } from '@lianxin/core';
import type { AreaTreeOption } from '../households/household-logic';

/**
 * Field-work roles as the server's `visits/field-scope.ts` defines them; the screens show an action
 * only to those the server would let do it (it checks again anyway).
 */
export const FIELD_MANAGE_ROLES: readonly Role[] = ['dispatcher', 'leader', 'supervisor', 'admin'];
/** Who reads field work at all. */
export const FIELD_READ_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor', 'admin'];
/** Who records visits. */
export const FIELD_WRITE_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'];
/** Who registers cases (the register page's roles). */
export const REGISTERING_ROLES: readonly Role[] = ['registrar', 'dispatcher', 'stationed_cadre', 'admin'];

/** A role held in a unit at an area (what /api/auth/me lists). */
export interface AreaGrant {
  role: Role;
  areaCode: string;
}

/**
 * The significant prefix of an area code (statistical division codes: 2 province, 2 city, 2 county,
 * 3 township, 3 village digits; 15-digit grid codes extend a village) — as the server reads it.
 */
export function subtreePrefix(code: string): string {
  if (code.length === 15) return code;
  if (code.slice(9, 12) !== '000') return code.slice(0, 12);
  if (code.slice(6, 9) !== '000') return code.slice(0, 9);
  if (code.slice(4, 6) !== '00') return code.slice(0, 6);
  if (code.slice(2, 4) !== '00') return code.slice(0, 4);
  return code.slice(0, 2);
}

/** True when `code` lies in the subtree of `root` (root included). */
export const isInSubtree = (code: string, root: string): boolean => code.startsWith(subtreePrefix(root));

/** Whether the user holds one of `roles` over `areaCode` (in a unit whose area contains it). */
export const holdsRoleOver = (grants: readonly AreaGrant[], roles: readonly Role[], areaCode: string): boolean =>
  grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode));

/**
 * The parts of the area tree where the user holds one of `roles` (the subtrees of those grants),
 * so a form offers only areas the server will accept.
 */
export function areasWithRole(tree: readonly AreaTreeOption[], grants: readonly AreaGrant[], roles: readonly Role[]): AreaTreeOption[] {
  const roots = grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode);
  const walk = (nodes: readonly AreaTreeOption[]): AreaTreeOption[] =>
    nodes.flatMap((n) => (roots.some((r) => isInSubtree(n.value, r)) ? [n] : walk(n.children ?? [])));
  return walk(tree);
}

/** Where the user may plan field work (stationing, schedules, sessions, campaigns). */
export const plannableAreas = (tree: readonly AreaTreeOption[], grants: readonly AreaGrant[]) => areasWithRole(tree, grants, FIELD_MANAGE_ROLES);

/** The node of `code` in the tree (with its subtree), if present. */
export function findArea(tree: readonly AreaTreeOption[], code: string): AreaTreeOption | undefined {
  for (const n of tree) {
    if (n.value === code) return n;
    const inner = n.children && findArea(n.children, code);
    if (inner) return inner;
  }
  return undefined;
}
