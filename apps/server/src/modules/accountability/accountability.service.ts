import { randomUUID } from 'node:crypto';
import {
  type AccountabilityAppeal,
  type AccountabilityCreate,
  type AccountabilityDecide,
  type AccountabilityListQuery,
  ACCESS_RULES,
  grantsWith,
  isInRanges,
  rangesOf,
  startOfLocalDay,
  subtreeRange,
} from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { orgQueries } from '../org/org.repository.js';
import { presentRecord } from './accountability.presenter.js';
import { accountabilityRepository as repo, type LedgerRow } from './accountability.repository.js';

export interface AccountabilityDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
}

const DAY_MS = 86_400_000;

/** The units whose records the actor answers for (their head may read and appeal them). */
const headUnits = (actor: Actor) => [...new Set(grantsWith(actor.grants, 'accountability.appeal').map((g) => g.unitId))];

/**
 * The accountability ledger (责任追究, SPEC §2): records written by the time-limit sweep, the case
 * handlers, the supervision module and by hand; each is confirmed or withdrawn by a supervisor,
 * and may be appealed once by its unit's head before that. Only confirmed records count.
 */
export function createAccountabilityService({ db, clock, audit, notifier }: AccountabilityDeps) {
  const may = (actor: Actor, row: LedgerRow) => ({
    decide: can(actor, 'accountability.decide', row),
    appeal: row.unitId !== null && headUnits(actor).includes(row.unitId),
  });

  /** The record, if the actor reads it (over its case's area, or as its unit's head). */
  async function visible(actor: Actor, id: string): Promise<LedgerRow> {
    const areaRanges = rangesOf(actor.grants, 'accountability.read');
    const units = headUnits(actor);
    if (areaRanges.length === 0 && units.length === 0 && !can(actor, 'accountability.decide')) throw forbidden();
    const row = await repo.find(db, id);
    if (!row) throw notFound();
    const seen = isInRanges(areaRanges, row.areaCode) || (row.unitId !== null && units.includes(row.unitId)) || can(actor, 'accountability.decide', row);
    if (!seen) throw new AppError(403, 'error.out_of_scope');
    return row;
  }

  async function reread(actor: Actor, id: string) {
    const row = await repo.find(db, id);
    if (!row) throw notFound();
    return presentRecord(row, may(actor, row));
  }

  return {
    async list(actor: Actor, query: AccountabilityListQuery) {
      const areaRanges = rangesOf(actor.grants, 'accountability.read');
      const unitIds = headUnits(actor);
      if (areaRanges.length === 0 && unitIds.length === 0) throw forbidden();
      const rows = await repo.list(
        db,
        { areaRanges, unitIds },
        {
          unitId: query.unitId,
          source: query.source,
          state: query.state,
          areaRange: query.areaCode ? subtreeRange(query.areaCode) : undefined,
          from: query.from ? startOfLocalDay(query.from).toISOString() : undefined,
          to: query.to ? new Date(startOfLocalDay(query.to).getTime() + DAY_MS).toISOString() : undefined,
          offset: query.offset,
          limit: query.limit,
        },
      );
      const more = rows.length > query.limit;
      return { items: rows.slice(0, query.limit).map((r) => presentRecord(r, may(actor, r))), nextOffset: more ? query.offset + query.limit : null };
    },

    /** A supervisor's manual entry on a case of their area, against a unit; its head is told. */
    async create(actor: Actor, body: AccountabilityCreate) {
      assertCan(actor, 'accountability.decide');
      const c = await repo.caseArea(db, body.caseId);
      if (!c) throw unknownReference('caseId', 'case');
      assertCan(actor, 'accountability.decide', c);
      const unit = await orgQueries.findUnit(db, body.unitId);
      if (!unit) throw unknownReference('unitId', 'unit');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insert(trx, { id, caseId: c.id, unitId: unit.id, reason: 'manual', stage: `manual-${id}`, note: body.note, createdAt: clock.now().toISOString(), createdBy: actor.userId });
        await audit.append({ actorUserId: actor.userId, action: 'accountability_create', subjectType: 'accountability', subjectId: id, detail: { caseId: c.id, unitId: unit.id } }, trx);
        const heads = await orgQueries.usersInUnit(trx, unit.id, ACCESS_RULES['accountability.appeal'].roles);
        await notifier.notice(trx, heads, 'notice.accountability', { code: c.code }, { caseId: c.id, target: { kind: 'accountability', id } });
      });
      return reread(actor, id);
    },

    /** Confirms or withdraws a proposed (or appealed) record, with the reason. */
    async decide(actor: Actor, id: string, body: AccountabilityDecide) {
      const row = await visible(actor, id);
      assertCan(actor, 'accountability.decide', row);
      await db.transaction().execute(async (trx) => {
        const moved = await repo.move(trx, id, ['proposed', 'appealed'], { state: body.decision, decisionReason: body.reason, decidedBy: actor.userId, decidedAt: clock.now().toISOString() });
        if (!moved) throw new AppError(422, 'error.accountability_decided');
        await audit.append({ actorUserId: actor.userId, action: `accountability_${body.decision}`, subjectType: 'accountability', subjectId: id, detail: { reason: body.reason } }, trx);
      });
      return reread(actor, id);
    },

    /** The unit's head appeals (申诉) a proposed record once; a supervisor decides it afterwards. */
    async appeal(actor: Actor, id: string, body: AccountabilityAppeal) {
      const row = await visible(actor, id);
      if (!may(actor, row).appeal) throw forbidden();
      await db.transaction().execute(async (trx) => {
        const moved = await repo.move(trx, id, ['proposed'], { state: 'appealed', appealText: body.text, appealedBy: actor.userId, appealedAt: clock.now().toISOString() });
        if (!moved) throw new AppError(422, row.state === 'appealed' ? 'error.accountability_appealed' : 'error.accountability_decided');
        await audit.append({ actorUserId: actor.userId, action: 'accountability_appeal', subjectType: 'accountability', subjectId: id, detail: {} }, trx);
      });
      return reread(actor, id);
    },
  };
}
export type AccountabilityService = ReturnType<typeof createAccountabilityService>;
