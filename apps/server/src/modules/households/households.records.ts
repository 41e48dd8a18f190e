import { randomUUID } from 'node:crypto';
import type { HelpCreate, TagCreate, TagUpdate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB, TagRow } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { assertCan, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { presentHelp, presentHistory, presentTag, presentTags } from './households.presenter.js';
import { householdsRepository as repo } from './households.repository.js';
import { type HouseholdsService, mayEdit } from './households.service.js';

/** Tags (admin-managed), help records and a household's whole history. */
export function createHouseholdRecords({ db, audit, clock, households }: { db: Kysely<DB>; audit: AuditLog; clock: Clock; households: HouseholdsService }) {
  return {
    /** The tags: reference data every signed-in staff member reads (lists, forms, the map). */
    async listTags(_actor: Actor, includeInactive: boolean) {
      return presentTags(await repo.tags(db, { activeOnly: !includeInactive }));
    },

    async createTag(actor: Actor, input: TagCreate) {
      assertCan(actor, 'tag.manage');
      return db.transaction().execute(async (trx) => {
        if (await repo.findTag(trx, input.code)) throw new AppError(409, 'error.tag_exists', {}, 'code');
        const row = { code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, color: input.color, isBuiltin: 0, isActive: 1, sort: input.sort ?? 1000, createdAt: clock.now().toISOString() };
        await repo.insertTag(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'tag', subjectId: input.code, detail: { nameZh: input.nameZh } }, trx);
        return presentTag(row);
      });
    },

    /** Renames, recolours or withdraws a tag (built-in ones too: their codes stay). */
    async updateTag(actor: Actor, code: string, input: TagUpdate) {
      assertCan(actor, 'tag.manage');
      return db.transaction().execute(async (trx) => {
        const before = await repo.findTag(trx, code);
        if (!before) throw notFound();
        const { isActive, ...fields } = input;
        const changes: Partial<TagRow> = {};
        for (const [key, value] of Object.entries(fields)) if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
        if (isActive !== undefined) changes.isActive = isActive ? 1 : 0;
        await repo.updateTag(trx, code, changes);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'tag', subjectId: code, detail: { changed: Object.keys(input) } }, trx);
        return presentTag({ ...before, ...changes });
      });
    },

    /** Records help the household received (帮扶记录). */
    async addHelp(actor: Actor, householdId: string, input: HelpCreate) {
      const household = await households.visible(actor, householdId);
      if (!mayEdit(actor, household)) throw forbidden();
      if (input.unitId && !(await repo.unitExists(db, input.unitId))) throw unknownReference('unitId', 'unit');
      const row = {
        id: randomUUID(),
        householdId,
        kind: input.kind,
        description: input.description,
        amount: input.amount ?? null,
        unitId: input.unitId ?? null,
        provider: input.provider ?? null,
        givenOn: input.givenOn,
        recordedBy: actor.userId,
        createdAt: clock.now().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await repo.insertHelp(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'add_help', subjectType: 'household', subjectId: householdId, detail: { helpId: row.id, kind: row.kind } }, trx);
      });
      return presentHelp(row);
    },

    /**
     * Everything that happened to a household: visits (民情日记 entries naming it), campaigns that
     * target it, cases (linked by `household_id`, or brought by a member — matched by the blind
     * index of their phone or ID number against `cases.requester_key`; only cases the actor may
     * see), and help received. Applications (便民服务) join here once that module exists.
     */
    async history(actor: Actor, householdId: string) {
      await households.visible(actor, householdId);
      const members = await repo.members(db, [householdId]);
      const keys = [...new Set(members.flatMap((m) => [m.phoneKey, m.idNumberKey]).filter((k): k is string => !!k))];
      const [visits, campaigns, cases, help] = await Promise.all([
        repo.visitsOf(db, householdId),
        repo.campaignsOf(db, householdId),
        repo.casesOf(db, householdId, keys, caseScope(actor)),
        repo.help(db, householdId),
      ]);
      return presentHistory(householdId, { visits, campaigns, cases, help });
    },
  };
}
export type HouseholdRecords = ReturnType<typeof createHouseholdRecords>;
