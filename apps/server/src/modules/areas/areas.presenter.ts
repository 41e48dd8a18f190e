import type { AreaRow } from '../../db/schema.js';

/** One area as the API shows it. */
export function presentArea(a: AreaRow) {
  return { code: a.code, parentCode: a.parentCode, name: a.name, level: a.level, lat: a.lat, lng: a.lng, sort: a.sort };
}
export type AreaDto = ReturnType<typeof presentArea>;
export type AreaNode = AreaDto & { children: AreaNode[] };

/**
 * Nests a list of areas under their parents. An area whose parent is not in the list is a root,
 * so a subtree query yields one tree. Keeps the input order among siblings.
 */
export function buildAreaTree(rows: readonly AreaRow[]): AreaNode[] {
  const nodes = new Map<string, AreaNode>(rows.map((r) => [r.code, { ...presentArea(r), children: [] }]));
  const roots: AreaNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
