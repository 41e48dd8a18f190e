import { AREA_LEVELS, type AreaCreate, type AreaLevel, type AreaListQuery, type AreaUpdate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { AreaRow, DB } from '../../db/schema.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import { diffChanges, isEmpty } from '../../db/changes.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree, levelOfCode } from '@lianxin/core';
import { areasRepository as repo } from './areas.repository.js';

export interface AreasServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
}

const conflict = (field: string) => new AppError(409, 'error.taken', {}, field);

/** The level directly above `level` (undefined for a province). */
function parentLevelOf(level: AreaLevel): AreaLevel | undefined {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1];
}

/**
 * Checks that a new area fits the tree: the level its code implies, a parent exactly one level
 * up, and a code inside the parent's code range (a grid's first 12 digits are its village).
 */
function checkPlacement(input: AreaCreate, parent: AreaRow | undefined): AreaLevel {
  const level = levelOfCode(input.code);
  if (input.level && input.level !== level) throw new AppError(400, 'issue.area_level_mismatch', {}, 'level');
  const parentLevel = parentLevelOf(level);
  if (!parentLevel) {
    if (input.parentCode !== null) throw new AppError(400, 'issue.area_parent_level', {}, 'parentCode');
    return level;
  }
  if (input.parentCode === null) throw new AppError(400, 'issue.area_parent_level', {}, 'parentCode');
  if (!parent) throw unknownReference('parentCode', 'area');
  if (parent.level !== parentLevel) throw new AppError(400, 'issue.area_parent_level', {}, 'parentCode');
  if (!isInSubtree(input.code, parent.code)) throw new AppError(400, 'issue.area_parent_code', {}, 'code');
  return level;
}

/** Reading and maintaining the area tree (区划). */
export function createAreasService({ db, audit }: AreasServiceDeps) {
  return {
    /** Areas for pickers and registration forms; every signed-in staff member may read them. */
    list(_actor: Actor, query: AreaListQuery) {
      return repo.list(db, { parentCode: query.parentCode, root: query.root, level: query.level });
    },

    /** One area with its ancestors (root first) and its children. */
    async get(_actor: Actor, code: string) {
      const area = await repo.find(db, code);
      if (!area) throw notFound();
      const path: AreaRow[] = [];
      for (let at = area.parentCode; at && path.length < AREA_LEVELS.length; ) {
        const parent = await repo.find(db, at);
        if (!parent) break;
        path.unshift(parent);
        at = parent.parentCode;
      }
      return { area, path, children: await repo.children(db, code) };
    },

    async create(actor: Actor, input: AreaCreate): Promise<AreaRow> {
      assertCan(actor, 'org.manage');
      return db.transaction().execute(async (trx) => {
        const parent = input.parentCode ? await repo.find(trx, input.parentCode) : undefined;
        // Placement before reach: a code outside its parent's range is that field's error, said as
        // such, rather than "outside your area" (the area tree is no secret to staff).
        const level = checkPlacement(input, parent);
        assertCan(actor, 'org.manage', { areaCode: input.code });
        if (await repo.find(trx, input.code)) throw conflict('code');
        const row = { code: input.code, parentCode: input.parentCode, name: input.name, level, lat: input.lat, lng: input.lng, sort: input.sort };
        await repo.insert(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'area', subjectId: row.code, detail: { after: row } }, trx);
        return (await repo.find(trx, row.code))!;
      });
    },

    /** Renames, moves the marker or re-sorts an area; its code and place in the tree never change. */
    async update(actor: Actor, code: string, input: AreaUpdate): Promise<AreaRow> {
      assertCan(actor, 'org.manage', { areaCode: code });
      return db.transaction().execute(async (trx) => {
        const current = await repo.find(trx, code);
        if (!current) throw notFound();
        const { changes, before } = diffChanges(current, input);
        if (isEmpty(changes)) return current;
        await repo.update(trx, code, changes);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'area', subjectId: code, detail: { before, after: changes } }, trx);
        return (await repo.find(trx, code))!;
      });
    },
  };
}
export type AreasService = ReturnType<typeof createAreasService>;
