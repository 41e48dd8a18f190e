import type { AreaLevel, Role, UnitKind } from '@lianxin/core';

/** An area as GET /api/areas?format=tree returns it. */
export interface AreaNode {
  code: string;
  parentCode: string | null;
  name: string;
  level: AreaLevel;
  lat: number | null;
  lng: number | null;
  sort: number;
  children: AreaNode[];
}

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  areaCode: string;
  areaName: string;
  phone: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface UserGrant {
  role: Role;
  unitId: string;
  unitName: string;
  areaCode: string;
  unitIsActive: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  locale: string;
  isActive: boolean;
  createdAt: string;
  grants: UserGrant[];
}

export interface CategoryNode {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  defaultUnitId: string | null;
  sort: number;
  isActive: boolean;
  children: CategoryNode[];
}

export interface TimeLimitRule {
  id: string;
  stage: string;
  kind: string | null;
  categoryCode: string | null;
  urgency: string | null;
  channel: string | null;
  amount: number;
  unit: 'hours' | 'natural_days' | 'working_days';
  note: string | null;
  sort: number;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  provisional: boolean;
}

/** Tree data for Ant Design's Tree / TreeSelect from an area tree. */
export interface AreaTreeOption {
  value: string;
  title: string;
  key: string;
  children: AreaTreeOption[];
}
export const areaOptions = (nodes: readonly AreaNode[]): AreaTreeOption[] =>
  nodes.map((n) => ({ value: n.code, key: n.code, title: n.name, children: areaOptions(n.children) }));

/** Every node of a tree, depth first. */
export function flattenTree<T extends { children: T[] }>(nodes: readonly T[]): T[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The level one below `level` (the level of a new sub-area), or null under a grid. */
export function childLevel(level: AreaLevel): AreaLevel | null {
  const order: AreaLevel[] = ['province', 'city', 'county', 'township', 'village', 'grid'];
  return order[order.indexOf(level) + 1] ?? null;
}

/**
 * The code a new sub-area most likely gets: the parent's significant prefix, so the admin types
 * only the last digits (a grid: the village code + 3 digits).
 */
export function childCodePrefix(parent: { code: string; level: AreaLevel }): string {
  const significant: Record<AreaLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, grid: 15 };
  return parent.code.slice(0, significant[parent.level]);
}
