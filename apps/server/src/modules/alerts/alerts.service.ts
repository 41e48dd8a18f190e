import { type AlertDismiss, type AlertListQuery, type AlertTask, CaseCreateSchema, isAlertOpen } from '@lianxin/core';
import { assertCan, assertInRanges, rangesFor } from '../../access/access.js';
import type { Clock } from '../../clock.js';
import type { AlertRow } from '../../db/schema.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import type { CasesService } from '../cases/cases.service.js';
import type { OrgRepository } from '../org/org.repository.js';
import type { AlertsRepository } from './alerts.repository.js';
import { presentAlert } from './alerts.presenter.js';

export interface AlertsDeps {
  alerts: AlertsRepository;
  org: OrgRepository;
  cases: Pick<CasesService, 'register' | 'act'>;
  audit: AuditLog;
  clock: Clock;
}

/** Alerts (预警) raised by the hotspot scan, and their handling: acknowledge, dismiss, make a task. */
export function createAlertsService({ alerts, org, cases, audit, clock }: AlertsDeps) {
  /** The alert, if the actor may read alerts over its area. */
  async function visible(actor: Actor, id: string): Promise<AlertRow> {
    const ranges = rangesFor(actor, 'alert.read');
    const row = await alerts.find(id);
    if (!row) throw notFound();
    assertInRanges(ranges, row.areaCode);
    return row;
  }

  /** Moves an open (or acknowledged) alert to `status`; 422 once it is handled. */
  async function move(actor: Actor, id: string, status: 'acknowledged' | 'dismissed', note: string | null) {
    const alert = await visible(actor, id);
    if (alert.status === status && status === 'acknowledged') return presentAlert(alert);
    const from = status === 'acknowledged' ? (['open'] as const) : (['open', 'acknowledged'] as const);
    const now = clock.now().toISOString();
    if (!(await alerts.moveFrom(id, from, { status, statusNote: note, updatedAt: now }))) throw new AppError(422, 'error.alert_closed');
    await audit.append({ actorUserId: actor.userId, action: `alert_${status}`, subjectType: 'alert', subjectId: id, detail: note ? { reason: note } : {} });
    return presentAlert({ ...alert, status, statusNote: note, updatedAt: now });
  }

  return {
    async list(actor: Actor, query: AlertListQuery) {
      const rows = await alerts.list(rangesFor(actor, 'alert.read'), query);
      const more = rows.length > query.limit;
      return { items: rows.slice(0, query.limit).map(presentAlert), nextOffset: more ? query.offset + query.limit : null };
    },

    async detail(actor: Actor, id: string) {
      const alert = await visible(actor, id);
      const behind = await alerts.casesOf(alert);
      return { ...presentAlert(alert), cases: behind.map(({ id: caseId, code, title, status, registeredAt }) => ({ id: caseId, code, title, status, registeredAt })) };
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
      assertCan(actor, 'alert.task', alert);
      if (!isAlertOpen(alert)) throw new AppError(422, 'error.alert_closed');
      const unit = await org.findUnit(body.unitId);
      if (!unit) throw unknownReference('unitId', 'unit');
      if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, 'unitId');

      const now = clock.now().toISOString();
      if (!(await alerts.moveFrom(id, ['open', 'acknowledged'], { status: 'task_created', updatedAt: now }))) throw new AppError(422, 'error.alert_closed');

      const behind = await alerts.casesOf(alert);
      const counts = new Map<string, number>();
      for (const c of behind) counts.set(c.categoryCode, (counts.get(c.categoryCode) ?? 0) + 1);
      const categoryCode = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
      let task;
      try {
        const input = CaseCreateSchema.parse({
          channel: 'proactive',
          kind: 'report',
          categoryCode,
          title: (body.title ?? alert.title).slice(0, 120),
          content: `${alert.summary}\n关联诉求件：${behind.map((c) => c.code).join('、')}`.slice(0, 5000),
          requester: { anonymous: true },
          areaCode: alert.areaCode,
        });
        task = await cases.register(actor, input);
      } catch (error) {
        await alerts.update(id, { status: alert.status, updatedAt: alert.updatedAt });
        throw error;
      }
      await alerts.update(id, { taskCaseId: task.id, updatedAt: now });
      await audit.append({ actorUserId: actor.userId, action: 'alert_task', subjectType: 'alert', subjectId: id, detail: { caseId: task.id, code: task.code, unitId: body.unitId } });
      // Dispatching runs in its own transaction; should it fail, the task waits in the intake queue.
      const dispatched = await cases.act(actor, task.id, 'dispatch', { unitId: body.unitId });
      return {
        alert: presentAlert({ ...alert, status: 'task_created', taskCaseId: task.id, updatedAt: now }),
        task: { id: dispatched.id, code: dispatched.code, status: dispatched.status, channel: dispatched.channel, currentUnitId: dispatched.currentUnitId },
      };
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
