import { label, rangesOf } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { serviceRepository as repo } from './service-centre.repository.js';

const DAY = 86_400_000;
const DECIDED = ['approved', 'refused', 'delivered', 'evaluated'];
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The raw rows the figures are computed from (also used by the bulletins). */
export type FigureRow = Awaited<ReturnType<typeof repo.figureRows>>[number];

/**
 * The service figures of a set of applications: by service, level and village; on-time rate
 * (decided within the time limit); 群众不出村 (carried by a proxy); mean days to decision; satisfaction.
 */
export function computeServiceFigures(rows: FigureRow[], areaNames: Map<string, string>, locale: 'zh-CN' | 'en-US') {
  const decided = rows.filter((r) => DECIDED.includes(r.state) && r.decidedAt);
  const onTime = decided.filter((r) => r.overdueAtDecision !== 1).length;
  const evaluated = rows.filter((r) => r.evaluationResult);
  const satisfied = evaluated.filter((r) => r.evaluationResult === 'satisfied' || r.evaluationResult === 'basically_satisfied').length;
  const group = (key: (r: FigureRow) => string, name: (k: string, r: FigureRow) => string) => {
    const m = new Map<string, { label: string; count: number }>();
    for (const r of rows) {
      const k = key(r);
      const e = m.get(k) ?? { label: name(k, r), count: 0 };
      e.count += 1;
      m.set(k, e);
    }
    return [...m.entries()].map(([k, v]) => ({ key: k, label: v.label, count: v.count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return {
    total: rows.length,
    decided: decided.length,
    onTimeRate: decided.length ? round(onTime / decided.length) : null,
    proxyShare: rows.length ? round(rows.filter((r) => r.channel === 'proxy').length / rows.length) : null,
    meanDays: decided.length ? Math.round((decided.reduce((s, r) => s + (Date.parse(r.decidedAt!) - Date.parse(r.submittedAt)), 0) / decided.length / DAY) * 10) / 10 : null,
    satisfaction: evaluated.length ? round(satisfied / evaluated.length) : null,
    byService: group((r) => r.itemId, (_k, r) => r.itemName),
    byLevel: group((r) => r.level, (k) => label('serviceLevel', k, locale)),
    byVillage: group((r) => r.areaCode.slice(0, 12), (k) => areaNames.get(k) ?? k),
  };
}

/** The figures page's service centre section, over the applications the actor reaches. */
export function createServiceFigures({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  return {
    async figures(actor: Actor, query: { from?: string; to?: string }) {
      assertCan(actor, 'service.read');
      const to = query.to ? new Date(`${query.to}T16:00:00.000Z`).toISOString() : new Date(clock.now().getTime() + DAY).toISOString();
      const from = query.from ? new Date(Date.parse(`${query.from}T00:00:00+08:00`)).toISOString() : '0000';
      const rows = await repo.figureRows(db, rangesOf(actor.grants, 'service.read'), from, to);
      return computeServiceFigures(rows, await repo.areaNames(db, rows.map((r) => r.areaCode.slice(0, 12))), actor.locale);
    },
  };
}
