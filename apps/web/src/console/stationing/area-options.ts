import type { Role } from '@lianxin/core';
import { isInSubtree } from '../campaigns/field-planning';
import type { AreaNode } from '../households/household-types';

/** A node of an area TreeSelect (value = area code). */
export interface AreaOption {
  value: string;
  title: string;
  level: string;
  /** False for nodes that only group others (a township in a village picker). */
  selectable?: boolean;
  children?: AreaOption[];
}

/** A role held at an area (what /api/auth/me lists). */
export interface RoleAtArea {
  role: Role;
  areaCode: string;
}

/** The area codes at which the user holds one of `roles` (the roots of what they reach). */
export const reachOf = (grants: readonly RoleAtArea[], roles: readonly Role[]): string[] => [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode))];

/**
 * The area tree cut to the subtrees the user reaches (the server answers 403 for a filter or a
 * village outside them), without grids: stationing and office days work per village. With
 * `villagesOnly`, only villages can be chosen; townships and the county just group them.
 */
export function areaOptions(tree: readonly AreaNode[], roots: readonly string[], { villagesOnly = false } = {}): AreaOption[] {
  const convert = (n: AreaNode): AreaOption => {
    const children = (n.children ?? []).filter((c) => c.level !== 'grid').map(convert);
    return { value: n.code, title: n.name, level: n.level, ...(villagesOnly && n.level !== 'village' ? { selectable: false } : {}), ...(children.length ? { children } : {}) };
  };
  const walk = (nodes: readonly AreaNode[]): AreaOption[] => nodes.flatMap((n) => (roots.some((r) => isInSubtree(n.code, r)) ? [convert(n)] : walk(n.children ?? [])));
  return walk(tree);
}

/** True for a 12-digit village code (the only level stationing and office days accept). */
export const isVillageCode = (code: string | undefined): boolean => !!code && /^\d{12}$/.test(code) && !code.endsWith('000');
