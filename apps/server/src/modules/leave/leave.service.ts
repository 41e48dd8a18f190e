import { randomUUID } from 'node:crypto';
import { type Contract, headsUnit, type LeaveApply, type LeaveSchema, localDate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { LeaveRow } from '../../db/duty.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { datesBetween, leaveQueries as repo } from './leave.repository.js';

export interface LeaveDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  deadlines: Pick<Deadlines, 'calendar'>;
  cases: Pick<CasesService, 'record'>;
}

type ListedLeave = LeaveRow & { personName: string; unitName: string; deciderName: string | null };

const stateError = (state: string) => new AppError(409, 'error.leave_state', { leaveState: state });

/**
 * Leave (请假: 病假 · 事假 · 年休假): a cadre applies for a unit they belong to, its head approves
 * or refuses (both told), and approved leave is what dispatch, campaign shares, stationing and the
 * roster ask (`leaveQueries.awayOn`). While someone is away, the head lists their open cases and
 * hands them to a colleague in one action, an event on each case.
 */
export function createLeaveService({ db, clock, audit, notifier, deadlines, cases }: LeaveDeps) {
  const nowIso = () => clock.now().toISOString();

  async function present(actor: Actor, rows: ListedLeave[]): Promise<Array<Contract<typeof LeaveSchema>>> {
    const calendar = await deadlines.calendar();
    const counts = await repo.openCaseCounts(db, [...new Set(rows.map((r) => r.userId))]);
    return rows.map((r) => {
      const dates = datesBetween(r.startsOn, r.endsOn);
      const heads = headsUnit(actor.grants, r.unitId);
      return {
        id: r.id,
        person: { id: r.userId, name: r.personName },
        unit: { id: r.unitId, name: r.unitName },
        kind: r.kind as Contract<typeof LeaveSchema>['kind'],
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        days: dates.length,
        workingDays: dates.filter((d) => calendar.isWorkingDay(d)).length,
        reason: r.reason,
        state: r.state as Contract<typeof LeaveSchema>['state'],
        appliedAt: r.appliedAt,
        decidedBy: r.deciderName,
        decisionNote: r.decisionNote,
        openCases: counts.get(r.userId) ?? 0,
        may: {
          decide: heads && r.state === 'pending' && r.userId !== actor.userId,
          cancel: r.userId === actor.userId && (r.state === 'pending' || (r.state === 'approved' && r.startsOn > localDate(clock.now()))),
          reassign: heads && r.state === 'approved',
        },
      };
    });
  }

  const one = async (actor: Actor, id: string) => (await present(actor, [await listed(id)]))[0]!;

  async function listed(id: string): Promise<ListedLeave> {
    const row = await repo.find(db, id);
    if (!row) throw notFound();
    const found = (await repo.list(db, { userId: row.userId })).find((r) => r.id === id);
    if (!found) throw notFound();
    return found;
  }

  /** The application, if the actor applied for it or heads its unit (403 otherwise). */
  async function visible(actor: Actor, id: string, trx: Kysely<DB> | Transaction<DB> = db): Promise<LeaveRow> {
    const row = await repo.find(trx, id);
    if (!row) throw notFound();
    if (row.userId !== actor.userId && !headsUnit(actor.grants, row.unitId)) throw new AppError(403, 'error.out_of_scope');
    return row;
  }

  /** The application, for its unit's head only. */
  async function headed(actor: Actor, id: string, trx: Kysely<DB> | Transaction<DB> = db): Promise<LeaveRow> {
    const row = await visible(actor, id, trx);
    if (!headsUnit(actor.grants, row.unitId)) throw forbidden();
    return row;
  }

  return {
    async list(actor: Actor, query: { view: 'mine' | 'approve'; state?: string }) {
      if (query.view === 'mine') return { items: await present(actor, await repo.list(db, { userId: actor.userId, state: query.state })) };
      const unitIds = [...new Set(actor.grants.filter((g) => headsUnit(actor.grants, g.unitId)).map((g) => g.unitId))];
      if (unitIds.length === 0) throw forbidden();
      return { items: await present(actor, await repo.list(db, { unitIds, state: query.state })) };
    },

    /** Applies for myself, for a unit I belong to; the unit's heads are told. */
    async apply(actor: Actor, input: LeaveApply) {
      const unitId = input.unitId ?? actor.grants[0]?.unitId;
      if (!unitId || !actor.grants.some((g) => g.unitId === unitId)) throw unknownReference('unitId', 'unit');
      if (await repo.overlapping(db, actor.userId, input.startsOn, input.endsOn)) throw new AppError(409, 'error.leave_overlap', {}, 'startsOn');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insert(trx, { id, userId: actor.userId, unitId, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason, state: 'pending', appliedAt: nowIso(), decidedBy: null, decidedAt: null, decisionNote: null });
        const heads = (await trx.selectFrom('userRoles').select('userId').where('unitId', '=', unitId).where('role', 'in', ['unit_head', 'leader']).execute()).map((r) => r.userId).filter((u) => u !== actor.userId);
        await notifier.notice(trx, heads, 'notice.leave_applied', { person: actor.displayName, leaveKind: input.kind, from: input.startsOn, to: input.endsOn }, { target: { kind: 'leave', id } });
        await audit.append({ actorUserId: actor.userId, action: 'leave_apply', subjectType: 'leave', subjectId: id, detail: { unitId, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn } }, trx);
      });
      return one(actor, id);
    },

    /** The unit head approves or refuses (not their own); the applicant is told. */
    async decide(actor: Actor, id: string, approve: boolean, note: string | null) {
      await db.transaction().execute(async (trx) => {
        const row = await headed(actor, id, trx);
        if (row.userId === actor.userId) throw forbidden();
        if (row.state !== 'pending') throw stateError(row.state);
        const state = approve ? 'approved' : 'rejected';
        if (!(await repo.move(trx, id, 'pending', { state, decidedBy: actor.userId, decidedAt: nowIso(), decisionNote: note }))) throw stateError(row.state);
        await notifier.notice(trx, [row.userId], 'notice.leave_decided', { leaveKind: row.kind, from: row.startsOn, to: row.endsOn, decision: approve ? 'approved' : 'rejected' }, { target: { kind: 'leave', id } });
        await audit.append({ actorUserId: actor.userId, action: approve ? 'leave_approve' : 'leave_reject', subjectType: 'leave', subjectId: id, detail: { userId: row.userId, note } }, trx);
      });
      return one(actor, id);
    },

    /** The applicant withdraws a pending application, or approved leave that has not begun. */
    async cancel(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const row = await visible(actor, id, trx);
        if (row.userId !== actor.userId) throw forbidden();
        const begun = row.startsOn <= localDate(clock.now());
        if (!(row.state === 'pending' || (row.state === 'approved' && !begun))) throw stateError(row.state);
        if (!(await repo.move(trx, id, row.state, { state: 'cancelled' }))) throw stateError(row.state);
        await audit.append({ actorUserId: actor.userId, action: 'leave_cancel', subjectType: 'leave', subjectId: id, detail: {} }, trx);
      });
      return one(actor, id);
    },

    /** The open cases of the person away, and the colleagues (handlers of the unit, not away today) who may take them. */
    async openCases(actor: Actor, id: string) {
      const row = await headed(actor, id);
      const items = await repo.openCases(db, row.userId, row.unitId);
      return { items: items.map((c) => ({ id: c.id, code: c.code, title: c.title, status: c.status, currentDueAt: c.currentDueAt })), handlers: await availableHandlers(row) };
    },

    /**
     * Hands the open cases (all listed, or those named) to one colleague in one transaction: the
     * handler changes, a `leave_reassign` event on each case, the colleague told, audited.
     */
    async reassign(actor: Actor, id: string, body: { toUserId: string; caseIds?: string[] }) {
      const row = await headed(actor, id);
      if (row.state !== 'approved') throw stateError(row.state);
      const to = (await availableHandlers(row)).find((h) => h.id === body.toUserId);
      if (!to) throw unknownReference('toUserId', 'handler');
      const open = await repo.openCases(db, row.userId, row.unitId);
      const chosen = body.caseIds ? open.filter((c) => body.caseIds!.includes(c.id)) : open;
      if (body.caseIds && chosen.length !== new Set(body.caseIds).size) throw unknownReference('caseIds', 'case');
      await db.transaction().execute(async (trx) => {
        for (const c of chosen) {
          await cases.record(trx, actor, c, 'leave_reassign', { handlerUserId: to.id }, null, { leaveId: id, fromUserId: row.userId, toUserId: to.id });
          await notifier.notice(trx, [to.id], 'notice.leave_reassigned', { code: c.code }, c.id);
        }
        await audit.append({ actorUserId: actor.userId, action: 'leave_reassign', subjectType: 'leave', subjectId: id, detail: { toUserId: to.id, cases: chosen.map((c) => c.id) } }, trx);
      });
      return { reassigned: chosen.length, to };
    },
  };

  /** Handlers of the leave's unit other than the person away, not on leave today. */
  async function availableHandlers(row: LeaveRow) {
    const handlers = await db
      .selectFrom('userRoles')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select(['users.id', 'users.displayName as name'])
      .distinct()
      .where('userRoles.unitId', '=', row.unitId)
      .where('userRoles.role', 'in', ['handler', 'unit_head'])
      .where('users.isActive', '=', 1)
      .where('users.id', '!=', row.userId)
      .orderBy('users.displayName')
      .execute();
    const away = await repo.awayOn(db, handlers.map((h) => h.id), localDate(clock.now()));
    return handlers.filter((h) => !away.has(h.id));
  }
}
export type LeaveService = ReturnType<typeof createLeaveService>;
