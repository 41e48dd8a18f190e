import { IdParamsSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { actorOf } from '../../plugins/auth.js';
import type { CaseRow, DB } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { orgQueries } from '../org/org.repository.js';
import { casesRepository as repo } from './cases.repository.js';

/**
 * The names a case page needs beside the case itself: the people and units its fields and events
 * point at (the case API returns ids), the area and category paths, and who could be assigned as
 * leader (领导包案). Only for a case the actor can see; names only — no phone, no ID.
 */
export async function loadCaseContext(db: Kysely<DB>, c: CaseRow) {
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

  const leaderIds = await orgQueries.usersOverArea(db, c.areaCode, ['leader']);
  leaderIds.forEach((id) => userIds.add(id));

  const [users, units, areaPath, categoryPath] = await Promise.all([
    userIds.size ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...userIds]).execute() : [],
    unitIds.size ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', [...unitIds]).execute() : [],
    ancestors(db, 'areas', c.areaCode),
    ancestors(db, 'categories', c.categoryCode),
  ]);
  const leaderUnits = leaderIds.length
    ? await db
        .selectFrom('userRoles')
        .innerJoin('units', 'units.id', 'userRoles.unitId')
        .select(['userRoles.userId', 'units.name'])
        .where('userRoles.role', '=', 'leader')
        .where('userRoles.userId', 'in', leaderIds)
        .execute()
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    users: Object.fromEntries(users.map((u) => [u.id, u.displayName])) as Record<string, string>,
    units: Object.fromEntries(units.map((u) => [u.id, u.name])) as Record<string, string>,
    areaPath,
    categoryPath,
    leaderCandidates: leaderIds
      .map((id) => ({ id, displayName: nameOf.get(id) ?? id, unitName: leaderUnits.find((r) => r.userId === id)?.name ?? null }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
  };
}

/** The chain from the root down to `code` (areas or categories), at most 8 levels. */
async function ancestors(db: Kysely<DB>, table: 'areas' | 'categories', code: string) {
  const path: Array<{ code: string; name: string; nameEn?: string }> = [];
  let next: string | null = code;
  for (let depth = 0; next && depth < 8; depth++) {
    const row: { code: string; name: string; parentCode: string | null; nameEn?: string } | undefined =
      table === 'areas'
        ? await db.selectFrom('areas').select(['code', 'name', 'parentCode']).where('code', '=', next).executeTakeFirst()
        : await db.selectFrom('categories').select(['code', 'name', 'nameEn', 'parentCode']).where('code', '=', next).executeTakeFirst();
    if (!row) break;
    path.unshift(table === 'categories' ? { code: row.code, name: row.name, nameEn: row.nameEn } : { code: row.code, name: row.name });
    next = row.parentCode;
  }
  return path;
}

/** GET /api/cases/:id/context — names for the case page (scoped like the case). */
export async function caseContextRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, cases } = services;
  app.get(
    '/api/cases/:id/context',
    { schema: { tags: ['cases'], summary: '诉求件页面所需名称 Names of the people, units, area and category a case refers to', params: IdParamsSchema } },
    async (request) => loadCaseContext(db, await cases.visibleCase(actorOf(request), (request.params as { id: string }).id)),
  );
}
