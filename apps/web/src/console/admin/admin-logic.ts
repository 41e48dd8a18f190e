import { AREA_LEVELS, type AreaLevel, type AreaNode } from '@lianxin/core';

/** Tree data for Ant Design's Tree / TreeSelect from an area tree (GET /api/areas?format=tree). */
export interface AreaTreeOption {
  value: string;
  title: string;
  key: string;
  children: AreaTreeOption[];
}
export const areaOptions = (nodes: readonly AreaNode[]): AreaTreeOption[] =>
  nodes.map((n) => ({ value: n.code, key: n.code, title: n.name, children: areaOptions(n.children ?? []) }));

/** Every node of a tree, depth first. */
export function flattenTree<T extends { children?: T[] }>(nodes: readonly T[]): T[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children ?? [])]);
}

/** The level one below `level` (the level of a new sub-area), or null under a grid. */
export function childLevel(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}
