import { randomUUID } from 'node:crypto';
import type { UnitCreate, UnitListQuery, UnitUpdate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import { diffChanges, isEmpty } from '../../db/changes.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { unitsRepository as repo } from './units.repository.js';

export interface UnitsServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
}

async function checkArea(trx: Transaction<DB>, areaCode: string) {
  if (!(await repo.areaExists(trx, areaCode))) throw unknownReference('areaCode', 'area');
}

async function checkNameFree(trx: Transaction<DB>, areaCode: string, name: string, exceptId?: string) {
  if (await repo.findByName(trx, areaCode, name, exceptId)) throw new AppError(409, 'error.taken', {}, 'name');
}

/** Units (单位): listing for every staff member, maintenance by admins of the unit's area. */
export function createUnitsService({ db, clock, audit }: UnitsServiceDeps) {
  return {
    /** Units for pickers (dispatch, co-handling) — any signed-in staff member. */
    list: (_actor: Actor, query: UnitListQuery) => repo.page(db, query),

    async create(actor: Actor, input: UnitCreate) {
      assertCan(actor, 'org.manage', { areaCode: input.areaCode });
      return db.transaction().execute(async (trx) => {
        await checkArea(trx, input.areaCode);
        await checkNameFree(trx, input.areaCode, input.name);
        const row = { id: randomUUID(), name: input.name, kind: input.kind, areaCode: input.areaCode, phone: input.phone, isActive: 1, createdAt: clock.now().toISOString() };
        await repo.insert(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'unit', subjectId: row.id, detail: { after: row } }, trx);
        return (await repo.findWithArea(trx, row.id))!;
      });
    },

    /** Renames, moves or (de)activates a unit; moving needs admin rights over both places. */
    async update(actor: Actor, id: string, input: UnitUpdate) {
      assertCan(actor, 'org.manage');
      return db.transaction().execute(async (trx) => {
        const current = await repo.find(trx, id);
        if (!current) throw notFound();
        assertCan(actor, 'org.manage', current);
        const next = { name: input.name, kind: input.kind, areaCode: input.areaCode, phone: input.phone, isActive: input.isActive === undefined ? undefined : input.isActive ? 1 : 0 };
        const { changes, before } = diffChanges(current, next);
        if (isEmpty(changes)) return (await repo.findWithArea(trx, id))!;
        if (changes.areaCode) {
          assertCan(actor, 'org.manage', { areaCode: changes.areaCode });
          await checkArea(trx, changes.areaCode);
        }
        if (changes.areaCode || changes.name) await checkNameFree(trx, changes.areaCode ?? current.areaCode, changes.name ?? current.name, id);
        await repo.update(trx, id, changes);
        const action = changes.isActive === 0 ? 'deactivate' : 'update';
        await audit.append({ actorUserId: actor.userId, action, subjectType: 'unit', subjectId: id, detail: { before, after: changes } }, trx);
        return (await repo.findWithArea(trx, id))!;
      });
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
