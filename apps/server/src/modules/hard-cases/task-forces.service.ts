import { randomUUID } from 'node:crypto';
import { localDate, type TaskForceCreate, type TaskForceView } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { casesRepository } from '../cases/cases.repository.js';
import type { CasesService } from '../cases/cases.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { hardCasesRepository as names } from './hard-cases.repository.js';
import { isCaseOpen, presentTaskForce } from './hard-cases.presenter.js';
import { taskForcesRepository as repo } from './task-forces.repository.js';

export interface TaskForcesDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  cases: Pick<CasesService, 'visibleCase' | 'record'>;
}

type TaskForceRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

/**
 * Task forces (专案组) on a case: formed by supervisors and leaders over the case (directly, or by a
 * joint review's decision), a lead and members from any units, a plan of milestones and progress
 * reports. Members read the case through the access module (`caseReadScope`). The task force is
 * shown closed once its case is no longer open, and then takes no more changes.
 */
export function createTaskForcesService({ db, clock, audit, notifier, cases }: TaskForcesDeps) {
  const nowIso = () => clock.now().toISOString();

  /** Who may change the task force: its lead, or a supervisor/leader over the case. */
  const mayManage = (actor: Actor, tf: TaskForceRow, c: CaseRow) => tf.leadUserId === actor.userId || can(actor, 'hard_case.manage', c);

  async function view(actor: Actor, tf: TaskForceRow, c: CaseRow): Promise<TaskForceView> {
    const [members, milestones, reports] = await Promise.all([repo.members(db, tf.id), repo.milestones(db, tf.id), repo.reports(db, tf.id)]);
    const unitNames = await names.unitNamesOf(
      db,
      members.map((m) => m.userId),
    );
    const isMember = members.some((m) => m.userId === actor.userId);
    const open = isCaseOpen(c);
    const manage = open && mayManage(actor, tf, c);
    return presentTaskForce({ tf, caseRow: c, members, unitNames, milestones, reports, canManage: manage, canReport: open && (manage || isMember) });
  }

  /** The task force, its case (as the actor sees it) and whether it is open; 403/404 as the case page. */
  async function loaded(actor: Actor, id: string) {
    const tf = await repo.find(db, id);
    if (!tf) throw notFound();
    const c = await cases.visibleCase(actor, tf.caseId);
    return { tf, c };
  }

  /** Refuses changes to a task force whose case is closed (422) or by someone not allowed (403). */
  async function writable(actor: Actor, id: string, need: 'manage' | 'report') {
    const { tf, c } = await loaded(actor, id);
    if (!isCaseOpen(c)) throw unprocessable('error.task_force_closed');
    if (mayManage(actor, tf, c)) return { tf, c };
    if (need === 'report' && (await repo.isMember(db, tf.id, actor.userId))) return { tf, c };
    throw forbidden();
  }

  /** Runs `work` in a transaction on the case's fresh row, then writes the event of the step. */
  async function step(
    actor: Actor,
    tf: TaskForceRow,
    action: 'task_force_update' | 'task_force_report',
    data: Record<string, unknown>,
    work: (trx: Transaction<DB>, c: CaseRow) => Promise<void>,
    note: string | null = null,
  ) {
    await db.transaction().execute(async (trx) => {
      const c = (await casesRepository.findById(trx, tf.caseId))!;
      await work(trx, c);
      await cases.record(trx, actor, c, action, {}, note, { taskForceId: tf.id, ...data });
      await audit.append({ actorUserId: actor.userId, action, subjectType: 'task_force', subjectId: tf.id, detail: { caseId: tf.caseId, ...data } }, trx);
    });
  }

  async function checkedUsers(trx: Transaction<DB>, userIds: string[], field: string) {
    const active = new Set(await names.activeUsers(trx, userIds));
    if (userIds.some((u) => !active.has(u))) throw unknownReference(field, 'user');
  }

  const service = {
    /**
     * Forms a task force on `c` inside the caller's transaction (the case checked open and in the
     * actor's reach by the caller): members, the event on the case, notices, the audit entry.
     */
    async formIn(trx: Transaction<DB>, actor: Actor, c: CaseRow, body: TaskForceCreate, meetingId: string | null): Promise<{ caseRow: CaseRow; taskForceId: string }> {
      if (!isCaseOpen(c)) throw unprocessable('error.case_not_open');
      if (await repo.findByCase(trx, c.id)) throw new AppError(409, 'error.task_force_exists');
      await checkedUsers(trx, [body.leadUserId], 'leadUserId');
      await checkedUsers(trx, body.memberUserIds, 'memberUserIds');
      const id = randomUUID();
      const at = nowIso();
      const name = body.name ?? `${c.code}专案组`;
      await repo.insert(trx, { id, caseId: c.id, name, plan: body.plan ?? null, leadUserId: body.leadUserId, meetingId, createdBy: actor.userId, createdAt: at });
      await repo.addMembers(trx, { id, caseId: c.id }, [body.leadUserId], 'lead', at);
      const members = await repo.addMembers(trx, { id, caseId: c.id }, body.memberUserIds, 'member', at);
      const caseRow = await cases.record(trx, actor, c, 'task_force_formed', {}, body.plan ?? null, { taskForceId: id, name, leadUserId: body.leadUserId, memberUserIds: members, meetingId });
      await notifier.notice(trx, [body.leadUserId, ...members], 'notice.task_force_member', { code: c.code, name }, c.id);
      await audit.append({ actorUserId: actor.userId, action: 'task_force_formed', subjectType: 'task_force', subjectId: id, detail: { caseId: c.id, leadUserId: body.leadUserId, memberUserIds: members, meetingId } }, trx);
      return { caseRow, taskForceId: id };
    },

    /** The task force of a case the actor can see (null when none), and whether they may form one. */
    async ofCase(actor: Actor, caseId: string) {
      const c = await cases.visibleCase(actor, caseId);
      const tf = await repo.findByCase(db, c.id);
      return { taskForce: tf ? await view(actor, tf, c) : null, canForm: !tf && isCaseOpen(c) && can(actor, 'hard_case.manage', c) };
    },

    /** POST /api/cases/:id/task-force: supervisors and leaders over the case. */
    async form(actor: Actor, caseId: string, body: TaskForceCreate) {
      const visible = await cases.visibleCase(actor, caseId);
      if (!can(actor, 'hard_case.manage', visible)) throw forbidden();
      const { taskForceId } = await db.transaction().execute(async (trx) => service.formIn(trx, actor, (await casesRepository.findById(trx, caseId))!, body, null));
      const { tf, c } = await loaded(actor, taskForceId);
      return view(actor, tf, c);
    },

    async addMembers(actor: Actor, id: string, userIds: string[]) {
      const { tf } = await writable(actor, id, 'manage');
      let added: string[] = [];
      await step(actor, tf, 'task_force_update', { change: 'members', userIds }, async (trx, c) => {
        await checkedUsers(trx, userIds, 'userIds');
        added = await repo.addMembers(trx, tf, userIds, 'member', nowIso());
        await notifier.notice(trx, added, 'notice.task_force_member', { code: c.code, name: tf.name }, c.id);
      });
      const { c } = await loaded(actor, id);
      return view(actor, tf, c);
    },

    async addMilestone(actor: Actor, id: string, body: { title: string; dueOn: string }) {
      const { tf } = await writable(actor, id, 'manage');
      await step(actor, tf, 'task_force_update', { change: 'milestone_added', title: body.title, dueOn: body.dueOn }, async (trx, c) => {
        await repo.insertMilestone(trx, { id: randomUUID(), taskForceId: tf.id, title: body.title, dueOn: body.dueOn, done: 0, doneAt: null, createdAt: nowIso() });
        const members = (await repo.members(trx, tf.id)).map((m) => m.userId).filter((u) => u !== actor.userId);
        await notifier.notice(trx, members, 'notice.task_force_milestone', { code: c.code, title: body.title, dueOn: body.dueOn }, c.id);
      });
      const { c } = await loaded(actor, id);
      return view(actor, tf, c);
    },

    async setMilestone(actor: Actor, id: string, milestoneId: string, done: boolean) {
      const { tf } = await writable(actor, id, 'report');
      const milestone = await repo.findMilestone(db, tf.id, milestoneId);
      if (!milestone) throw notFound();
      if (Boolean(milestone.done) !== done) {
        await step(actor, tf, 'task_force_update', { change: done ? 'milestone_done' : 'milestone_reopened', title: milestone.title }, async (trx) => {
          await repo.setMilestoneDone(trx, milestone.id, done, nowIso());
        });
      }
      const { c } = await loaded(actor, id);
      return view(actor, tf, c);
    },

    async addReport(actor: Actor, id: string, body: { text: string; reportedOn?: string }) {
      const { tf } = await writable(actor, id, 'report');
      const reportedOn = body.reportedOn ?? localDate(clock.now());
      await step(actor, tf, 'task_force_report', { reportedOn }, async (trx, c) => {
        await repo.insertReport(trx, { id: randomUUID(), taskForceId: tf.id, authorUserId: actor.userId, reportedOn, text: body.text, createdAt: nowIso() });
        const others = (await repo.members(trx, tf.id)).map((m) => m.userId).filter((u) => u !== actor.userId);
        await notifier.notice(trx, others, 'notice.task_force_report', { code: c.code }, c.id);
      }, body.text);
      const { c } = await loaded(actor, id);
      return view(actor, tf, c);
    },
  };
  return service;
}
export type TaskForcesService = ReturnType<typeof createTaskForcesService>;
