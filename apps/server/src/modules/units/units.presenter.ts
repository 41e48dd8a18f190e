import type { UnitRow } from '../../db/schema.js';

/** One unit as the API shows it. */
export function presentUnit(u: UnitRow & { areaName: string }) {
  return { id: u.id, name: u.name, kind: u.kind, areaCode: u.areaCode, areaName: u.areaName, phone: u.phone, isActive: u.isActive === 1, createdAt: u.createdAt };
}
