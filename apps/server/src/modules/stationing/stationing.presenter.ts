import type { AssignmentSchema, Contract } from '@lianxin/core';
import type { StationingRepository } from './stationing.repository.js';

type AssignmentLine = Awaited<ReturnType<StationingRepository['assignments']>>[number];

/** An assignment line → its response contract; `fallback` is the global rule it follows when it has none. */
export const presentAssignment = (a: AssignmentLine, fallback: number): Contract<typeof AssignmentSchema> => ({
  id: a.id,
  cadre: { id: a.cadreUserId, name: a.cadreName },
  village: { code: a.villageCode, name: a.villageName },
  township: { code: a.townshipCode, name: a.townshipName },
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  minDaysPerWeek: a.minDaysPerWeek ?? fallback,
  usesGlobalRule: a.minDaysPerWeek === null,
  note: a.note,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});
