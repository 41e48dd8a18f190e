import { randomUUID } from 'node:crypto';
import { UNIT_ANSWER_ROLES } from '@lianxin/core';
import type { Transaction } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { CaseRow, DB } from '../../db/schema.js';
import type { CaseInstructionRow } from '../../db/supervision.tables.js';
import { AppError, forbidden, notFound, stale } from '../../errors.js';
import { orgQueries } from '../org/org.repository.js';
import { type SupervisionDeps, SUPERVISABLE_STATES, type SupervisionOrders } from './supervision.orders.js';
import { answersFor } from './supervision.access.js';
import { type CaseSupervisionView, presentInstruction } from './supervision.presenter.js';
import { supervisionRepository as repo } from './supervision.repository.js';

/** A short excerpt of a text for a notice. */
const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** 催办 and 批示 on one case, and the case page's panel of all three. */
export function createSupervisionCaseSteps({ db, clock, audit, notifier, cases }: SupervisionDeps, orders: Pick<SupervisionOrders, 'ofCase'>) {
  const nowIso = () => clock.now().toISOString();

  /** The case, if the unit still owes work on it (422 otherwise). */
  function assertOwedWork(c: CaseRow): string {
    if (!c.currentUnitId) throw new AppError(422, 'error.case_no_unit');
    if (!SUPERVISABLE_STATES.includes(c.status)) throw new AppError(422, 'error.supervision_case_closed', { code: c.code });
    return c.currentUnitId;
  }

  /** The case re-read in the step's transaction (its version guards the event). */
  async function fresh(trx: Transaction<DB>, c: CaseRow): Promise<CaseRow> {
    const row = await repo.caseById(trx, c.id);
    if (!row) throw notFound();
    if (row.version !== c.version) throw stale();
    return row;
  }

  /** What the case page shows: orders, urges and instructions, and what the actor may start. */
  async function panel(actor: Actor, c: CaseRow): Promise<CaseSupervisionView> {
    const [orderViews, urges, instructions] = await Promise.all([orders.ofCase(actor, c.id), repo.urgesOf(db, c.id), repo.instructionsOf(db, c.id)]);
    const names = await repo.names(db, [...urges.map((u) => u.urgedBy), ...instructions.map((i) => i.leaderUserId)], instructions.map((i) => i.unitId));
    const owed = Boolean(c.currentUnitId) && SUPERVISABLE_STATES.includes(c.status);
    return {
      orders: orderViews,
      urges: urges.map((u) => ({ id: u.id, unitId: u.unitId, urgedByName: names.user.get(u.urgedBy) ?? '', note: u.note, createdAt: u.createdAt })),
      urgeCount: c.urgeCount ?? urges.length,
      instructions: instructions.map((i) => presentInstruction(i, names, actor)),
      may: {
        issue: owed && can(actor, 'supervision.issue', c),
        urge: owed && can(actor, 'supervision.urge', c),
        instruct: owed && can(actor, 'instruction.write', c),
      },
    };
  }

  /** One step on an instruction by the unit it is addressed to. */
  async function answerInstruction(actor: Actor, caseId: string, instructionId: string, from: 'issued' | 'acknowledged', apply: (trx: Transaction<DB>, c: CaseRow, i: CaseInstructionRow, at: string) => Promise<Partial<CaseInstructionRow>>) {
    const c = await cases.visibleCase(actor, caseId);
    const instruction = await repo.findInstruction(db, c.id, instructionId);
    if (!instruction) throw notFound();
    if (!answersFor(actor, instruction.unitId)) throw forbidden();
    if (instruction.state !== from) throw new AppError(409, 'error.instruction_state', { instructionState: instruction.state });
    await db.transaction().execute(async (trx) => {
      const at = nowIso();
      const changes = await apply(trx, await fresh(trx, c), instruction, at);
      if (!(await repo.moveInstruction(trx, instruction.id, from, changes))) throw new AppError(409, 'error.instruction_state', { instructionState: instruction.state });
    });
    return panel(actor, await cases.visibleCase(actor, caseId));
  }

  return {
    async ofCase(actor: Actor, caseId: string) {
      return panel(actor, await cases.visibleCase(actor, caseId));
    },

    /** 催办: a record, a count on the case, an event, and a notice to the unit's workers. */
    async urge(actor: Actor, caseId: string, note: string | null) {
      assertCan(actor, 'supervision.urge');
      const c = await cases.visibleCase(actor, caseId);
      assertCan(actor, 'supervision.urge', c);
      const unitId = assertOwedWork(c);
      await db.transaction().execute(async (trx) => {
        const row = await fresh(trx, c);
        const id = randomUUID();
        await repo.insertUrge(trx, { id, caseId: c.id, unitId, urgedBy: actor.userId, note, createdAt: nowIso() });
        await cases.record(trx, actor, row, 'urge', { urgeCount: (row.urgeCount ?? 0) + 1 }, note, { urgeId: id, unitId });
        const workers = await orgQueries.usersInUnit(trx, unitId, UNIT_ANSWER_ROLES);
        await notifier.notice(trx, [...workers, ...(row.handlerUserId ? [row.handlerUserId] : [])], 'notice.urge', { code: row.code, note: note ?? '' }, row.id);
        await audit.append({ actorUserId: actor.userId, action: 'case_urge', subjectType: 'case', subjectId: c.id, detail: { code: c.code, unitId } }, trx);
      });
      return panel(actor, await cases.visibleCase(actor, caseId));
    },

    /** 批示: a leader's instruction to the handling unit, which must acknowledge it and report back. */
    async instruct(actor: Actor, caseId: string, text: string) {
      assertCan(actor, 'instruction.write');
      const c = await cases.visibleCase(actor, caseId);
      assertCan(actor, 'instruction.write', c);
      const unitId = assertOwedWork(c);
      await db.transaction().execute(async (trx) => {
        const row = await fresh(trx, c);
        const id = randomUUID();
        const at = nowIso();
        await repo.insertInstruction(trx, {
          id,
          caseId: c.id,
          unitId,
          leaderUserId: actor.userId,
          text,
          state: 'issued',
          createdAt: at,
          acknowledgedAt: null,
          acknowledgedBy: null,
          reportedAt: null,
          reportedBy: null,
          report: null,
        });
        await cases.record(trx, actor, row, 'instruct', {}, text, { instructionId: id, unitId });
        await notifier.notice(trx, await orgQueries.usersInUnit(trx, unitId, UNIT_ANSWER_ROLES), 'notice.instruction', { code: row.code, text: excerpt(text), instructionId: id }, row.id);
        await audit.append({ actorUserId: actor.userId, action: 'instruction_write', subjectType: 'case', subjectId: c.id, detail: { code: c.code, instructionId: id, unitId } }, trx);
      });
      return panel(actor, await cases.visibleCase(actor, caseId));
    },

    /** 收悉: the unit has read the instruction. */
    acknowledge: (actor: Actor, caseId: string, instructionId: string) =>
      answerInstruction(actor, caseId, instructionId, 'issued', async (trx, c, i, at) => {
        await cases.record(trx, actor, c, 'instruction_ack', {}, null, { instructionId: i.id });
        await notifier.notice(trx, [i.leaderUserId], 'notice.instruction_acknowledged', { code: c.code, instructionId: i.id }, c.id);
        await audit.append({ actorUserId: actor.userId, action: 'instruction_acknowledge', subjectType: 'case', subjectId: c.id, detail: { instructionId: i.id } }, trx);
        return { state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: actor.userId };
      }),

    /** 回复: the unit reports back on what it did. */
    report: (actor: Actor, caseId: string, instructionId: string, report: string) =>
      answerInstruction(actor, caseId, instructionId, 'acknowledged', async (trx, c, i, at) => {
        await cases.record(trx, actor, c, 'instruction_report', {}, report, { instructionId: i.id });
        await notifier.notice(trx, [i.leaderUserId], 'notice.instruction_reported', { code: c.code, instructionId: i.id }, c.id);
        await audit.append({ actorUserId: actor.userId, action: 'instruction_report', subjectType: 'case', subjectId: c.id, detail: { instructionId: i.id } }, trx);
        return { state: 'reported', reportedAt: at, reportedBy: actor.userId, report };
      }),
  };
}
export type SupervisionCaseSteps = ReturnType<typeof createSupervisionCaseSteps>;
