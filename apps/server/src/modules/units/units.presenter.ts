import type { Contract, UnitKind, UnitSchema } from '@lianxin/core';
import type { UnitRow } from '../../db/schema.js';

/** One unit with its area's name → its response contract. */
export function presentUnit(u: UnitRow & { areaName: string }): Contract<typeof UnitSchema> {
  return { id: u.id, name: u.name, kind: u.kind as UnitKind, areaCode: u.areaCode, areaName: u.areaName, phone: u.phone, isActive: u.isActive === 1, createdAt: u.createdAt };
}
