import type { CaseKind, Channel, Contract, LimitStage, LimitUnit, TimeLimitRuleSchema, Urgency } from '@lianxin/core';
import type { Selectable } from 'kysely';
import type { TimeLimitRuleTable } from '../../db/schema.js';

/** One rule → its response contract (its values were checked by the request schemas). */
export function presentRule(r: Selectable<TimeLimitRuleTable>): Contract<typeof TimeLimitRuleSchema> {
  return {
    id: r.id,
    stage: r.stage as LimitStage,
    kind: r.kind as CaseKind | null,
    categoryCode: r.categoryCode,
    urgency: r.urgency as Urgency | null,
    channel: r.channel as Channel | null,
    amount: r.amount,
    unit: r.unit as LimitUnit,
    note: r.note,
    sort: r.sort,
  };
}
