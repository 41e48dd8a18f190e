import { randomUUID } from 'node:crypto';
import type { TimeLimitRuleCreate, TimeLimitRuleUpdate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound, unknownReference, unprocessable } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import { diffChanges, isEmpty } from '../../db/changes.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import type { Deadlines } from './deadlines.js';
import { timeLimitsRepository as repo } from './time-limits.repository.js';

export interface TimeLimitsServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  deadlines: Deadlines;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

async function checkCategory(trx: Transaction<DB>, code: string | null | undefined) {
  if (code && !(await repo.categoryExists(trx, code))) throw unknownReference('categoryCode', 'category');
}

/**
 * Runs `change` and refuses it when it leaves a stage that had a fallback (a rule without
 * conditions) with none: cases would then get no deadline at all for that stage.
 */
async function keepingFallbacks<T>(trx: Transaction<DB>, stages: readonly string[], change: () => Promise<T>): Promise<T> {
  const before = await Promise.all(stages.map((s) => repo.countFallbacks(trx, s)));
  const result = await change();
  for (const [i, stage] of stages.entries()) {
    if (before[i] > 0 && (await repo.countFallbacks(trx, stage)) === 0) throw unprocessable('error.time_limit_fallback', {}, 'stage');
  }
  return result;
}

/** The time-limit rule table (限时办结规则). Every change drops the deadline cache. */
export function createTimeLimitsService({ db, audit, deadlines }: TimeLimitsServiceDeps) {
  /** Runs an admin change in a transaction, then makes the next deadline use it. */
  async function change<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(work);
    await deadlines.invalidate();
    return result;
  }

  return {
    /** The rules in tie-breaking order — any signed-in staff member may read them. */
    list: (_actor: Actor, stage?: string) => repo.list(db, stage),

    async create(actor: Actor, input: TimeLimitRuleCreate): Promise<Row> {
      assertCan(actor, 'config.manage');
      return change(async (trx) => {
        await checkCategory(trx, input.categoryCode);
        const row = { id: randomUUID(), ...input, sort: input.sort ?? (await repo.nextSort(trx)) };
        await repo.insert(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'time_limit_rule', subjectId: row.id, detail: { after: row } }, trx);
        return (await repo.find(trx, row.id))!;
      });
    },

    async update(actor: Actor, id: string, input: TimeLimitRuleUpdate): Promise<Row> {
      assertCan(actor, 'config.manage');
      return change(async (trx) => {
        const current = await repo.find(trx, id);
        if (!current) throw notFound();
        const { changes, before } = diffChanges(current, input);
        if (isEmpty(changes)) return current;
        await checkCategory(trx, changes.categoryCode);
        await keepingFallbacks(trx, [...new Set([current.stage, changes.stage ?? current.stage])], () => repo.update(trx, id, changes));
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'time_limit_rule', subjectId: id, detail: { before, after: changes } }, trx);
        return (await repo.find(trx, id))!;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'config.manage');
      await change(async (trx) => {
        const current = await repo.find(trx, id);
        if (!current) throw notFound();
        await keepingFallbacks(trx, [current.stage], () => repo.delete(trx, id));
        await audit.append({ actorUserId: actor.userId, action: 'delete', subjectType: 'time_limit_rule', subjectId: id, detail: { before: current } }, trx);
      });
    },
  };
}
export type TimeLimitsService = ReturnType<typeof createTimeLimitsService>;
