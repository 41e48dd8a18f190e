import { type AreaNode, isInSubtree, levelOfCode } from '@lianxin/core';

/**
 * The area pickers of the field-work screens, cut to where the user may act: the roots come from
 * the access rules in core (`reachOf(grants, 'field.read' | 'field.write' | 'field.manage')`), so a
 * picker never offers a place the server would refuse.
 */

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
