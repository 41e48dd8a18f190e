import type { AreaDetailSchema, AreaLevel, AreaNodeSchema, AreaSchema, Contract } from '@lianxin/core';
import type { AreaRow } from '../../db/schema.js';

type AreaNode = Contract<typeof AreaNodeSchema> & { children: AreaNode[] };

/** One area → its response contract. */
export function presentArea(a: AreaRow): Contract<typeof AreaSchema> {
  // The level is checked against the code when the area is written.
  return { code: a.code, parentCode: a.parentCode, name: a.name, level: a.level as AreaLevel, lat: a.lat, lng: a.lng, sort: a.sort };
}

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

/** An area with its ancestors and children → GET /api/areas/:code. */
export function presentAreaDetail({ area, path, children }: { area: AreaRow; path: AreaRow[]; children: AreaRow[] }): Contract<typeof AreaDetailSchema> {
  return { ...presentArea(area), path: path.map(presentArea), children: children.map(presentArea) };
}
