import {
  type CaseSupervisionSchema,
  type Contract,
  type InstructionSchema,
  type InstructionState,
  mayAnswerForUnit,
  SUPERVISION_AWAITING,
  type SupervisionLevel,
  type SupervisionOrderDetailSchema,
  type SupervisionOrderSchema,
  type SupervisionState,
} from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { CaseRow } from '../../db/schema.js';
import type { CaseInstructionRow, SupervisionOrderRow } from '../../db/supervision.tables.js';
import { orderMay } from './supervision.access.js';

/** Names of the people and units an answer mentions. */
export interface Names {
  user: Map<string, string>;
  unit: Map<string, string>;
}

const nameOf = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? id) : null);

/** Late: the response is still owed past its date, or came in after it. */
export const isOverdue = (o: SupervisionOrderRow, nowIso: string) =>
  o.respondedLate === 1 || ((SUPERVISION_AWAITING as readonly string[]).includes(o.state) && o.responseDueAt < nowIso);

/** An order as lists show it. */
export function presentOrder(o: SupervisionOrderRow, caseCount: number, names: Names, actor: Actor, nowIso: string): Contract<typeof SupervisionOrderSchema> {
  return {
    id: o.id,
    number: o.number,
    level: o.level as SupervisionLevel,
    state: o.state as SupervisionState,
    unitId: o.unitId,
    unitName: nameOf(names.unit, o.unitId) ?? '',
    issuingUnitName: nameOf(names.unit, o.issuingUnitId) ?? '',
    issuedBy: o.issuedBy,
    issuedByName: nameOf(names.user, o.issuedBy) ?? '',
    issuedAt: o.issuedAt,
    reason: o.reason,
    responseDueAt: o.responseDueAt,
    overdue: isOverdue(o, nowIso),
    caseCount,
    may: orderMay(actor, o),
  };
}

/** An order with its cases, response and review. */
export function presentOrderDetail(o: SupervisionOrderRow, cases: CaseRow[], names: Names, actor: Actor, nowIso: string): Contract<typeof SupervisionOrderDetailSchema> {
  return {
    ...presentOrder(o, cases.length, names, actor, nowIso),
    cases: cases.map((c) => ({ id: c.id, code: c.code, title: c.title, status: c.status, currentUnitId: c.currentUnitId })),
    signedAt: o.signedAt,
    signedByName: nameOf(names.user, o.signedBy),
    respondedAt: o.respondedAt,
    respondedByName: nameOf(names.user, o.respondedBy),
    response: o.response,
    respondedLate: o.respondedLate === 1,
    reviewedAt: o.reviewedAt,
    reviewNote: o.reviewNote,
    returnCount: o.returnCount,
    escalatedAt: o.escalatedAt,
  };
}

/** An instruction with what the actor may do with it now. */
export function presentInstruction(i: CaseInstructionRow, names: Names, actor: Actor): Contract<typeof InstructionSchema> {
  const answers = mayAnswerForUnit(actor.grants, i.unitId);
  return {
    id: i.id,
    caseId: i.caseId,
    unitId: i.unitId,
    unitName: nameOf(names.unit, i.unitId) ?? '',
    leaderUserId: i.leaderUserId,
    leaderName: nameOf(names.user, i.leaderUserId) ?? '',
    text: i.text,
    state: i.state as InstructionState,
    createdAt: i.createdAt,
    acknowledgedAt: i.acknowledgedAt,
    reportedAt: i.reportedAt,
    report: i.report,
    may: { acknowledge: answers && i.state === 'issued', report: answers && i.state === 'acknowledged' },
  };
}

export type CaseSupervisionView = Contract<typeof CaseSupervisionSchema>;
