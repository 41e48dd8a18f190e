import type { AreaNode, CategoryNode } from '@lianxin/core';

/**
 * Reference data of the ledger's filters and cells: the area tree, the category tree and the
 * units, turned into select options and name lookups. Pure functions (unit-tested).
 */

export interface TreeSelectOption {
  value: string;
  title: string;
  children?: TreeSelectOption[];
}

/** TreeSelect options of the area tree (any level may be chosen: the filter takes the subtree). */
export function areaOptions(nodes: readonly AreaNode[]): TreeSelectOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: n.children?.length ? areaOptions(n.children) : undefined }));
}

/** TreeSelect options of the category tree in the user's language. */
export function categoryOptions(nodes: readonly CategoryNode[], english: boolean): TreeSelectOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: english && n.nameEn ? n.nameEn : n.name,
    children: n.children?.length ? categoryOptions(n.children, english) : undefined,
  }));
}

/** code → name of every node of a tree. */
export function namesOf(nodes: readonly TreeSelectOption[], into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    into.set(n.value, n.title);
    if (n.children) namesOf(n.children, into);
  }
  return into;
}
