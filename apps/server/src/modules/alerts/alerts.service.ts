import { type AlertDismiss, type AlertListQuery, type AlertTask, CaseCreateSchema, type Role } from '@lianxin/core';
import { sql } from 'kysely';
import type { AlertRow } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { Services } from '../../services.js';
import { type Actor, hasAnyRole } from '../auth/actor.js';
import { isInSubtree, subtreeRange } from '../org/area-code.js';
import { orgQueries } from '../org/org.repository.js';

/** Roles that see early-warning alerts, each over its unit's area. */
export const ALERT_ROLES: readonly Role[] = ['leader', 'supervisor', 'dispatcher', 'admin'];

/** Alerts (预警) raised by the hotspot scan, and their handling: acknowledge, dismiss, make a task. */
export function createAlertsService(services: Services) {
  const { db, clock } = services;

  /** The area ranges in which the actor sees alerts; 403 without an alert role. */
  function ranges(actor: Actor): [string, string][] {
    const grants = actor.grants.filter((g) => ALERT_ROLES.includes(g.role));
    if (grants.length === 0) throw forbidden();
    return [...new Set(grants.map((g) => g.areaCode))].map(subtreeRange);
  }

  async function visible(actor: Actor, id: string): Promise<AlertRow> {
    const inScope = ranges(actor);
    const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    if (!inScope.some(([lo, hi]) => row.areaCode >= lo && row.areaCode < hi)) throw outOfScope();
    return row;
  }

  const present = (a: AlertRow) => ({
    id: a.id,
    kind: a.kind,
    areaCode: a.areaCode,
    title: a.title,
    summary: a.summary,
    caseCount: a.caseCount,
    windowStart: a.windowStart,
    windowEnd: a.windowEnd,
    status: a.status,
    statusNote: a.statusNote,
    taskCaseId: a.taskCaseId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });

  async function casesOf(a: AlertRow) {
    const ids: string[] = JSON.parse(a.caseIds);
    if (ids.length === 0) return [];
    return db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'status', 'categoryCode', 'areaCode', 'registeredAt'])
      .where('id', 'in', ids)
      .orderBy('registeredAt')
      .orderBy('id')
      .execute();
  }

  /** Moves an open (or acknowledged) alert to `status`; 422 once it is handled. */
  async function move(actor: Actor, id: string, status: 'acknowledged' | 'dismissed', note: string | null) {
    const alert = await visible(actor, id);
    if (alert.status === status && status === 'acknowledged') return present(alert);
    const from = status === 'acknowledged' ? ['open'] : ['open', 'acknowledged'];
    const now = clock.now().toISOString();
    const updated = await db
      .updateTable('alerts')
      .set({ status, statusNote: note, updatedAt: now })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw new AppError(422, 'error.alert_closed');
    await services.audit.append({ actorUserId: actor.userId, action: `alert_${status}`, subjectType: 'alert', subjectId: id, detail: note ? { reason: note } : {} });
    return present({ ...alert, status, statusNote: note, updatedAt: now });
  }

  return {
    async list(actor: Actor, query: AlertListQuery) {
      const inScope = ranges(actor);
      let q = db
        .selectFrom('alerts')
        .selectAll()
        .where((eb) => eb.or(inScope.map(([lo, hi]) => eb.and([eb('areaCode', '>=', lo), eb('areaCode', '<', hi)]))));
      if (query.status) q = q.where('status', '=', query.status);
      if (query.kind) q = q.where('kind', '=', query.kind);
      const rows = await q
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .offset(query.offset)
        .execute();
      const more = rows.length > query.limit;
      return { items: rows.slice(0, query.limit).map(present), nextOffset: more ? query.offset + query.limit : null };
    },

    async detail(actor: Actor, id: string) {
      const alert = await visible(actor, id);
      const cases = await casesOf(alert);
      return { ...present(alert), cases: cases.map(({ id: caseId, code, title, status, registeredAt }) => ({ id: caseId, code, title, status, registeredAt })) };
    },

    acknowledge: (actor: Actor, id: string) => move(actor, id, 'acknowledged', null),
    dismiss: (actor: Actor, id: string, body: AlertDismiss) => move(actor, id, 'dismissed', body.reason),

    /**
     * A proactive task (主动治理 · 未诉先办) from the alert: a case of channel `proactive`, kind
     * `report`, in the alert's area, with the most common category of the cases behind it,
     * registered and dispatched to `unitId` by the actor, who must be a dispatcher over the area.
     * The alert is claimed first, so two clicks make one task; a failed registration releases it.
     */
    async createTask(actor: Actor, id: string, body: AlertTask) {
      const alert = await visible(actor, id);
      if (!actor.grants.some((g) => g.role === 'dispatcher' && isInSubtree(alert.areaCode, g.areaCode))) throw forbidden();
      if (alert.status !== 'open' && alert.status !== 'acknowledged') throw new AppError(422, 'error.alert_closed');
      const unit = await orgQueries.findUnit(db, body.unitId);
      if (!unit) throw unknownReference('unitId', 'unit');
      if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, 'unitId');

      const now = clock.now().toISOString();
      const claimed = await db
        .updateTable('alerts')
        .set({ status: 'task_created', updatedAt: now })
        .where('id', '=', id)
        .where('status', 'in', ['open', 'acknowledged'])
        .executeTakeFirst();
      if (!Number(claimed.numUpdatedRows)) throw new AppError(422, 'error.alert_closed');

      const cases = await casesOf(alert);
      const counts = new Map<string, number>();
      for (const c of cases) counts.set(c.categoryCode, (counts.get(c.categoryCode) ?? 0) + 1);
      const categoryCode = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
      let task;
      try {
        const input = CaseCreateSchema.parse({
          channel: 'proactive',
          kind: 'report',
          categoryCode,
          title: (body.title ?? alert.title).slice(0, 120),
          content: `${alert.summary}\n关联诉求件：${cases.map((c) => c.code).join('、')}`.slice(0, 5000),
          requester: { anonymous: true },
          areaCode: alert.areaCode,
        });
        task = await services.cases.register(actor, input);
      } catch (error) {
        await db.updateTable('alerts').set({ status: alert.status, updatedAt: alert.updatedAt }).where('id', '=', id).execute();
        throw error;
      }
      await db.updateTable('alerts').set({ taskCaseId: task.id, updatedAt: now }).where('id', '=', id).execute();
      await services.audit.append({ actorUserId: actor.userId, action: 'alert_task', subjectType: 'alert', subjectId: id, detail: { caseId: task.id, code: task.code, unitId: body.unitId } });
      // Dispatching runs in its own transaction; should it fail, the task waits in the intake queue.
      const dispatched = await services.cases.act(actor, task.id, 'dispatch', { unitId: body.unitId });
      return { alert: present({ ...alert, status: 'task_created', taskCaseId: task.id, updatedAt: now }), task: { id: dispatched.id, code: dispatched.code, status: dispatched.status, channel: dispatched.channel, currentUnitId: dispatched.currentUnitId } };
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
