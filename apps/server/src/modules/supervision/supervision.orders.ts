import { randomUUID } from 'node:crypto';
import {
  grantsWith,
  isInSubtree,
  type Locale,
  localDate,
  MEDIA,
  SUPERVISION_AWAITING,
  type SupervisionIssue,
  type SupervisionListQuery,
  type SupervisionState,
  UNIT_ANSWER_ROLES,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB } from '../../db/schema.js';
import type { SupervisionOrderRow } from '../../db/supervision.tables.js';
import { AppError, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { orgQueries } from '../org/org.repository.js';
import { answersFor, assertSeesOrder, orderReach, reviews } from './supervision.access.js';
import { chinaDateTime, composeOrder, renderOrder } from './supervision.document.js';
import { presentOrder, presentOrderDetail } from './supervision.presenter.js';
import { supervisionRepository as repo } from './supervision.repository.js';

export interface SupervisionDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  cases: Pick<CasesService, 'visibleCase' | 'record'>;
}

/** The states in which a unit owes work on a case: only those may be supervised, urged or instructed. */
export const SUPERVISABLE_STATES: readonly string[] = ['assigned', 'handling', 'reopened'];

/** The place-name part of an organ's number: 青溪县 → 青溪. */
const organPrefix = (areaName: string) => areaName.replace(/(省|市|县|区|镇|乡|街道|社区|村)$/, '') || areaName;

const stateError = (state: string) => new AppError(409, 'error.supervision_state', { orderState: state });

/** 督办: issuing orders, the unit's signature and response, the review, the overdue sweep and the document. */
export function createSupervisionOrders({ db, clock, audit, notifier, cases }: SupervisionDeps) {
  const nowIso = () => clock.now().toISOString();

  async function detailOf(q: Kysely<DB> | Transaction<DB>, actor: Actor, order: SupervisionOrderRow) {
    const caseRows = await repo.casesOf(q, order.id);
    const names = await repo.names(q, [order.issuedBy, order.signedBy, order.respondedBy], [order.unitId, order.issuingUnitId]);
    return presentOrderDetail(order, caseRows, names, actor, nowIso());
  }

  /** The order, if the actor reaches it (403 out of scope, 404 unknown). */
  async function visibleOrder(q: Kysely<DB> | Transaction<DB>, actor: Actor, id: string): Promise<SupervisionOrderRow> {
    orderReach(actor);
    const order = await repo.findOrder(q, id);
    if (!order) throw notFound();
    assertSeesOrder(actor, order);
    return order;
  }

  /** Writes `event` on every case of the order, as `actor`. */
  async function recordOnCases(trx: Transaction<DB>, actor: Actor | 'system', order: SupervisionOrderRow, event: Parameters<CasesService['record']>[3], note: string | null) {
    for (const c of await repo.casesOf(trx, order.id)) {
      await cases.record(trx, actor, c, event, {}, note, { orderId: order.id, number: order.number });
    }
  }

  /** Who answers for the unit (told of the order and of the review). */
  const unitAnswerers = (trx: Transaction<DB>, unitId: string) => orgQueries.usersInUnit(trx, unitId, UNIT_ANSWER_ROLES);

  /**
   * An overdue order: escalated once — an accountability record against the unit per case
   * (reason `supervision_overdue`), an event on each case, notices to the issuer and the unit head.
   */
  async function escalate(trx: Transaction<DB>, order: SupervisionOrderRow, at: string) {
    const note = `督办单${order.number}逾期未回复`;
    for (const c of await repo.casesOf(trx, order.id)) {
      await repo.insertAccountability(trx, { id: randomUUID(), caseId: c.id, unitId: order.unitId, reason: 'supervision_overdue', stage: order.number, note, createdAt: at });
      await cases.record(trx, 'system', c, 'supervision_overdue', {}, note, { orderId: order.id, number: order.number });
    }
    const heads = await orgQueries.usersInUnit(trx, order.unitId, ['unit_head']);
    await notifier.notice(trx, [order.issuedBy, ...heads], 'notice.supervision_overdue', { number: order.number, due: chinaDateTime(order.responseDueAt), orderId: order.id }, { target: { kind: 'supervision', id: order.id } });
    await audit.append({ actorUserId: null, action: 'supervision_overdue', subjectType: 'supervision_order', subjectId: order.id, detail: { number: order.number, unitId: order.unitId } }, trx);
  }

  /** One step of the lifecycle: from the allowed states to the next, audited with the event on each case. */
  async function step(
    actor: Actor,
    id: string,
    opts: { from: readonly SupervisionState[]; may: (o: SupervisionOrderRow) => boolean; run: (trx: Transaction<DB>, o: SupervisionOrderRow, at: string) => Promise<Partial<SupervisionOrderRow>> },
  ) {
    return db.transaction().execute(async (trx) => {
      const order = await visibleOrder(trx, actor, id);
      if (!opts.may(order)) throw new AppError(403, 'error.forbidden');
      if (!opts.from.includes(order.state as SupervisionState)) throw stateError(order.state);
      const at = nowIso();
      const changes = await opts.run(trx, order, at);
      if (!(await repo.moveOrder(trx, id, opts.from, changes))) throw stateError(order.state);
      return detailOf(trx, actor, { ...order, ...changes });
    });
  }

  return {
    async list(actor: Actor, query: SupervisionListQuery) {
      const reach = orderReach(actor);
      const now = nowIso();
      const rows = await repo.listOrders(db, reach, query, actor.userId, now);
      const page = rows.slice(0, query.limit);
      const counts = await repo.caseCounts(db, page.map((o) => o.id));
      const names = await repo.names(db, page.map((o) => o.issuedBy), page.flatMap((o) => [o.unitId, o.issuingUnitId]));
      return { items: page.map((o) => presentOrder(o, counts.get(o.id) ?? 0, names, actor, now)), nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    detail: async (actor: Actor, id: string) => detailOf(db, actor, await visibleOrder(db, actor, id)),

    /** Orders covering a case (the case page's panel), for a case the caller has checked. */
    async ofCase(actor: Actor, caseId: string) {
      const rows = await repo.ordersOfCase(db, caseId);
      const counts = await repo.caseCounts(db, rows.map((o) => o.id));
      const names = await repo.names(db, rows.map((o) => o.issuedBy), rows.flatMap((o) => [o.unitId, o.issuingUnitId]));
      const now = nowIso();
      return rows.map((o) => presentOrder(o, counts.get(o.id) ?? 0, names, actor, now));
    },

    /**
     * Issues an order on cases handled by one unit: the actor must hold `supervision.issue` over
     * every case (through one grant, whose unit is the issuing organ), each case must still be
     * owed work, and the response date must lie ahead.
     */
    async issue(actor: Actor, body: SupervisionIssue) {
      assertCan(actor, 'supervision.issue');
      const caseIds = [...new Set(body.caseIds)];
      const seen: CaseRow[] = [];
      for (const caseId of caseIds) {
        const c = await cases.visibleCase(actor, caseId);
        assertCan(actor, 'supervision.issue', c);
        seen.push(c);
      }
      const unitId = body.unitId ?? seen[0].currentUnitId;
      for (const c of seen) {
        if (!SUPERVISABLE_STATES.includes(c.status) || !c.currentUnitId) throw new AppError(422, 'error.supervision_case_closed', { code: c.code }, 'caseIds');
        if (c.currentUnitId !== unitId) throw new AppError(422, 'error.supervision_unit', {}, 'unitId');
      }
      const grant = grantsWith(actor.grants, 'supervision.issue').find((g) => seen.every((c) => isInSubtree(c.areaCode, g.areaCode)));
      if (!grant || !unitId) throw outOfScope();
      const now = clock.now();
      const dueAt = new Date(body.responseDueAt).toISOString();
      if (dueAt <= now.toISOString()) throw new AppError(422, 'error.supervision_due', {}, 'responseDueAt');

      return db.transaction().execute(async (trx) => {
        const unit = await orgQueries.findUnit(trx, unitId);
        if (!unit) throw unknownReference('unitId', 'unit');
        const issuing = await orgQueries.findUnit(trx, grant.unitId);
        const area = await orgQueries.findArea(trx, issuing?.areaCode ?? grant.areaCode);
        const prefix = organPrefix(area?.name ?? '');
        const year = localDate(now).slice(0, 4);
        const serial = await repo.nextNumber(trx, `supervision:${prefix}:${year}`);
        const order: SupervisionOrderRow = {
          id: randomUUID(),
          number: `${prefix}督〔${year}〕${serial}号`,
          level: body.level,
          state: 'issued',
          unitId,
          areaCode: grant.areaCode,
          issuingUnitId: grant.unitId,
          issuedBy: actor.userId,
          issuedAt: now.toISOString(),
          reason: body.reason,
          responseDueAt: dueAt,
          signedAt: null,
          signedBy: null,
          respondedAt: null,
          respondedBy: null,
          response: null,
          respondedLate: 0,
          reviewedAt: null,
          reviewedBy: null,
          reviewNote: null,
          returnCount: 0,
          escalatedAt: null,
        };
        await repo.insertOrder(trx, order, caseIds);
        for (const caseId of caseIds) {
          const c = (await repo.caseById(trx, caseId))!;
          await cases.record(trx, actor, c, 'supervise', {}, body.reason, { orderId: order.id, number: order.number, level: body.level });
        }
        const params = { number: order.number, supervisionLevel: body.level, code: seen[0].code, count: caseIds.length, due: chinaDateTime(dueAt), orderId: order.id };
        await notifier.notice(trx, await unitAnswerers(trx, unitId), 'notice.supervision_issued', params, { caseId: caseIds[0], target: { kind: 'supervision', id: order.id } });
        await audit.append({ actorUserId: actor.userId, action: 'supervision_issue', subjectType: 'supervision_order', subjectId: order.id, detail: { number: order.number, unitId, caseIds, level: body.level } }, trx);
        return detailOf(trx, actor, order);
      });
    },

    /** 签收: by a worker of the unit addressed. */
    sign: (actor: Actor, id: string) =>
      step(actor, id, {
        from: ['issued'],
        may: (o) => answersFor(actor, o.unitId),
        async run(trx, o, at) {
          await recordOnCases(trx, actor, o, 'supervision_sign', null);
          await notifier.notice(trx, [o.issuedBy], 'notice.supervision_signed', { number: o.number, orderId: o.id }, { target: { kind: 'supervision', id: o.id } });
          await audit.append({ actorUserId: actor.userId, action: 'supervision_sign', subjectType: 'supervision_order', subjectId: o.id, detail: { number: o.number } }, trx);
          return { state: 'signed', signedAt: at, signedBy: actor.userId };
        },
      }),

    /** 书面回复: after signing (or a return). A late response is taken, marked late, and escalated if the sweep has not yet. */
    respond: (actor: Actor, id: string, response: string) =>
      step(actor, id, {
        from: ['signed', 'returned'],
        may: (o) => answersFor(actor, o.unitId),
        async run(trx, o, at) {
          const late = at > o.responseDueAt;
          if (late && !o.escalatedAt) await escalate(trx, o, at);
          await recordOnCases(trx, actor, o, 'supervision_respond', response);
          await notifier.notice(trx, [o.issuedBy], 'notice.supervision_responded', { number: o.number, orderId: o.id }, { target: { kind: 'supervision', id: o.id } });
          await audit.append({ actorUserId: actor.userId, action: 'supervision_respond', subjectType: 'supervision_order', subjectId: o.id, detail: { number: o.number, late } }, trx);
          return { state: 'responded', respondedAt: at, respondedBy: actor.userId, response, ...(late ? { respondedLate: 1, escalatedAt: o.escalatedAt ?? at } : {}) };
        },
      }),

    /** 审核通过: by one who may issue orders over the order's area. */
    accept: (actor: Actor, id: string, note: string | null) =>
      step(actor, id, {
        from: ['responded'],
        may: (o) => reviews(actor, o),
        async run(trx, o, at) {
          await recordOnCases(trx, actor, o, 'supervision_accept', note);
          await notifier.notice(trx, await unitAnswerers(trx, o.unitId), 'notice.supervision_accepted', { number: o.number, orderId: o.id }, { target: { kind: 'supervision', id: o.id } });
          await audit.append({ actorUserId: actor.userId, action: 'supervision_accept', subjectType: 'supervision_order', subjectId: o.id, detail: { number: o.number } }, trx);
          return { state: 'accepted', reviewedAt: at, reviewedBy: actor.userId, reviewNote: note };
        },
      }),

    /** 退回: the unit must respond again, by the same date. */
    return: (actor: Actor, id: string, note: string) =>
      step(actor, id, {
        from: ['responded'],
        may: (o) => reviews(actor, o),
        async run(trx, o, at) {
          await recordOnCases(trx, actor, o, 'supervision_return', note);
          await notifier.notice(trx, await unitAnswerers(trx, o.unitId), 'notice.supervision_returned', { number: o.number, note, orderId: o.id }, { target: { kind: 'supervision', id: o.id } });
          await audit.append({ actorUserId: actor.userId, action: 'supervision_return', subjectType: 'supervision_order', subjectId: o.id, detail: { number: o.number, note } }, trx);
          return { state: 'returned', reviewedAt: at, reviewedBy: actor.userId, reviewNote: note, returnCount: o.returnCount + 1 };
        },
      }),

    /** The order as a 督办通知单 (PDF or DOCX), audited. */
    async document(actor: Actor, id: string, format: 'pdf' | 'docx', locale: Locale) {
      const order = await visibleOrder(db, actor, id);
      const caseRows = await repo.casesOf(db, order.id);
      const names = await repo.names(db, [], [order.unitId, order.issuingUnitId]);
      const doc = composeOrder(
        {
          number: order.number,
          level: order.level as SupervisionIssue['level'],
          reason: order.reason,
          issuingUnit: names.unit.get(order.issuingUnitId) ?? '',
          unitName: names.unit.get(order.unitId) ?? '',
          issuedAt: order.issuedAt,
          responseDueAt: order.responseDueAt,
          cases: caseRows.map((c) => ({ code: c.code, title: c.title })),
        },
        locale,
      );
      const data = await renderOrder(doc, format);
      await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'supervision_order', subjectId: order.id, detail: { number: order.number, format } });
      return { data, fileName: `${order.number}-${doc.title}.${format}`, mimeType: format === 'pdf' ? MEDIA.pdf : MEDIA.docx };
    },

    /** The sweep: every order whose response is late and not yet escalated is escalated once, each in its own transaction. */
    async sweepOverdue(): Promise<{ escalated: number }> {
      const at = nowIso();
      let escalated = 0;
      for (const candidate of await repo.overdueUnescalated(db, at, 200)) {
        await db.transaction().execute(async (trx) => {
          // Claimed first, so two sweeps (or processes) escalate an order once.
          if (!(await repo.claimEscalation(trx, candidate.id, SUPERVISION_AWAITING, at))) return;
          await escalate(trx, candidate, at);
          escalated += 1;
        });
      }
      return { escalated };
    },
  };
}
export type SupervisionOrders = ReturnType<typeof createSupervisionOrders>;
