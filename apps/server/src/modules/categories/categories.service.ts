import type { CategoryCreate, CategoryUpdate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { CategoryRow, DB } from '../../db/schema.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import { diffChanges, isEmpty } from '../../db/changes.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { categoriesRepository as repo } from './categories.repository.js';

export interface CategoriesServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  deadlines: Deadlines;
}

/** The parent must exist and must not be the category itself or lie beneath it. */
async function checkParent(trx: Transaction<DB>, parentCode: string, movingCode?: string) {
  const parent = await repo.find(trx, parentCode);
  if (!parent) throw unknownReference('parentCode', 'category');
  if (!movingCode) return;
  const seen = new Set<string>();
  for (let at: CategoryRow | undefined = parent; at && !seen.has(at.code); at = at.parentCode ? await repo.find(trx, at.parentCode) : undefined) {
    if (at.code === movingCode) throw new AppError(400, 'issue.category_cycle', {}, 'parentCode');
    seen.add(at.code);
  }
}

async function checkUnit(trx: Transaction<DB>, unitId: string) {
  if (!(await repo.unitExists(trx, unitId))) throw unknownReference('defaultUnitId', 'unit');
}

/**
 * The category tree (诉求分类). Codes are permanent because cases and time-limit rules refer to
 * them; a category is deactivated rather than deleted. Time limits follow the tree, so every
 * change drops the deadline cache.
 */
export function createCategoriesService({ db, audit, deadlines }: CategoriesServiceDeps) {
  return {
    /** Every category (for forms and admin pages) — any signed-in staff member. */
    list: (_actor: Actor) => repo.all(db),

    async create(actor: Actor, input: CategoryCreate): Promise<CategoryRow> {
      assertCan(actor, 'config.manage');
      const created = await db.transaction().execute(async (trx) => {
        if (await repo.find(trx, input.code)) throw new AppError(409, 'error.taken', {}, 'code');
        if (input.parentCode) await checkParent(trx, input.parentCode);
        if (input.defaultUnitId) await checkUnit(trx, input.defaultUnitId);
        const row = { ...input, isActive: 1 };
        await repo.insert(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'category', subjectId: row.code, detail: { after: row } }, trx);
        return (await repo.find(trx, row.code))!;
      });
      await deadlines.invalidate();
      return created;
    },

    async update(actor: Actor, code: string, input: CategoryUpdate): Promise<CategoryRow> {
      assertCan(actor, 'config.manage');
      const updated = await db.transaction().execute(async (trx) => {
        const current = await repo.find(trx, code);
        if (!current) throw notFound();
        const next = { ...input, isActive: input.isActive === undefined ? undefined : input.isActive ? 1 : 0 };
        const { changes, before } = diffChanges(current, next);
        if (isEmpty(changes)) return current;
        if (changes.parentCode) await checkParent(trx, changes.parentCode, code);
        if (changes.defaultUnitId) await checkUnit(trx, changes.defaultUnitId);
        await repo.update(trx, code, changes);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'category', subjectId: code, detail: { before, after: changes } }, trx);
        return (await repo.find(trx, code))!;
      });
      await deadlines.invalidate();
      return updated;
    },
  };
}
export type CategoriesService = ReturnType<typeof createCategoriesService>;
