import type { CategoryNodeSchema, CategorySchema, Contract } from '@lianxin/core';
import type { CategoryRow } from '../../db/schema.js';

type CategoryNode = Contract<typeof CategoryNodeSchema> & { children: CategoryNode[] };

/** One category → its response contract. */
export function presentCategory(c: CategoryRow): Contract<typeof CategorySchema> {
  return { code: c.code, parentCode: c.parentCode, name: c.name, nameEn: c.nameEn, defaultUnitId: c.defaultUnitId, sort: c.sort, isActive: c.isActive === 1 };
}

/**
 * Nests categories under their parents, keeping the input order among siblings. Without
 * `includeInactive`, a deactivated category disappears together with everything under it.
 */
export function buildCategoryTree(rows: readonly CategoryRow[], includeInactive: boolean): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(rows.map((r) => [r.code, { ...presentCategory(r), children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    if (!includeInactive && !node.isActive) continue;
    if (node.parentCode === null) roots.push(node);
    else nodes.get(node.parentCode)?.children.push(node);
  }
  return roots;
}
