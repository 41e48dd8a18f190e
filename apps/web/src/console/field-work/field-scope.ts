import type { Role } from '@lianxin/core';
import type { AreaNode } from '@lianxin/core';

/**
 * Field work's scope in the browser (SPEC §4), mirroring the server's `visits/field-scope.ts`:
 * the roles, area subtrees, and the area pickers cut to where the user may act.
 *
 * Field-work roles as the server's `visits/field-scope.ts` defines them; the screens show an action
 * only to those the server would let do it (it checks again anyway).
 */
export const FIELD_MANAGE_ROLES: readonly Role[] = ['dispatcher', 'leader', 'supervisor', 'admin'];
/** Who reads field work at all. */
export const FIELD_READ_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor', 'admin'];
/** Who records visits. */
export const FIELD_WRITE_ROLES: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'];

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

/** The area codes at which the user holds one of `roles` (the roots of what they reach). */
export const reachOf = (grants: readonly AreaGrant[], roles: readonly Role[]): string[] => [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode))];

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
export function areaOptions(tree: readonly AreaNode[], roots: readonly string[], { villagesOnly = false, withGrids = false } = {}): AreaOption[] {
  const convert = (n: AreaNode): AreaOption => {
    const children = (n.children ?? []).filter((c) => withGrids || c.level !== 'grid').map(convert);
    return { value: n.code, title: n.name, level: n.level, ...(villagesOnly && n.level !== 'village' ? { selectable: false } : {}), ...(children.length ? { children } : {}) };
  };
  const walk = (nodes: readonly AreaNode[]): AreaOption[] => nodes.flatMap((n) => (roots.some((r) => isInSubtree(n.code, r)) ? [convert(n)] : walk(n.children ?? [])));
  return walk(tree);
}

/** True for a 12-digit village code (the only level stationing and office days accept). */
export const isVillageCode = (code: string | undefined): boolean => !!code && /^\d{12}$/.test(code) && !code.endsWith('000');
