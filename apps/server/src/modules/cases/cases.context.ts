import type { CaseContextSchema, Contract } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { CaseRow, DB } from '../../db/schema.js';
import { orgQueries } from '../org/org.repository.js';
import { casesRepository as repo } from './cases.repository.js';
import { RECIPIENTS } from './cases.transition-kit.js';

/**
 * The names a case page needs beside the case itself: the people and units its fields and events
 * point at (the case API returns ids), the area and category paths, and who could be assigned as
 * leader (领导包案). Only for a case the actor can see (the service checks); names only — no phone, no ID.
 */
export async function loadCaseContext(db: Kysely<DB>, c: CaseRow): Promise<Contract<typeof CaseContextSchema>> {
  const [events, extensions, coUnits, accountability] = await Promise.all([
    repo.events(db, c.id),
    repo.extensions(db, c.id),
    repo.coUnits(db, c.id),
    repo.accountability(db, c.id),
  ]);
  const userIds = new Set<string>();
  const unitIds = new Set<string>();
  const addUser = (id: string | null | undefined) => id && userIds.add(id);
  const addUnit = (id: string | null | undefined) => id && unitIds.add(id);
  [c.firstContactUserId, c.registeredBy, c.leaderUserId, c.handlerUserId].forEach(addUser);
  [c.currentUnitId, c.registeredUnitId].forEach(addUnit);
  for (const e of events) {
    addUser(e.actorUserId);
    addUnit(e.actorUnitId);
    // A dispatch/co-handling event names its target unit in data.
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
    if (data && typeof data.unitId === 'string') addUnit(data.unitId);
    if (data && typeof data.leaderUserId === 'string') addUser(data.leaderUserId);
    if (data && typeof data.handlerUserId === 'string') addUser(data.handlerUserId);
  }
  for (const x of extensions) [x.requestedBy, x.decidedBy].forEach(addUser);
  for (const u of coUnits) addUnit(u.unitId);
  for (const a of accountability) {
    addUser(a.userId);
    addUnit(a.unitId);
  }

  // Who may lead cases over the case's area.
  const leaderIds = await orgQueries.usersOverArea(db, c.areaCode, RECIPIENTS.leaders);
  leaderIds.forEach((id) => userIds.add(id));

  const [users, units, areaPath, categoryPath, leaderUnits] = await Promise.all([
    repo.userNames(db, [...userIds]),
    repo.unitNames(db, [...unitIds]),
    repo.areaPath(db, c.areaCode),
    repo.categoryPath(db, c.categoryCode),
    repo.unitsOfRole(db, leaderIds, 'leader'),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    users: Object.fromEntries(users.map((u) => [u.id, u.displayName])),
    units: Object.fromEntries(units.map((u) => [u.id, u.name])),
    areaPath,
    categoryPath,
    leaderCandidates: leaderIds
      .map((id) => ({ id, displayName: nameOf.get(id) ?? id, unitName: leaderUnits.find((r) => r.userId === id)?.name ?? null }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
  };
}
