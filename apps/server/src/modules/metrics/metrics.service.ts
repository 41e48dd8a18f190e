import {
  addMetricCounts,
  computeRates,
  DEFAULT_METRIC_WEIGHTS,
  emptyMetricCounts,
  type Locale,
  localDate,
  type MetricCounts,
  type MetricGrouping,
  type MetricsQuery,
  type MetricsReportView,
  type MetricWeights,
  MetricWeightsSchema,
  startOfLocalDay,
  translate,
} from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { AppError, unknownReference } from '../../errors.js';
import { assertCan, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { levelOfCode, subtreeRange } from '@lianxin/core';
import { type CountFilter, type GroupKey, metricsRepository as repo } from './metrics.repository.js';

export interface MetricsServiceDeps {
  db: Kysely<DB>;
  /** Heavy reads: the replica when DATABASE_READ_URL is set (default: `db`). */
  reads?: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  audit: AuditLog;
}

/** Settings key of the composite-score weights (JSON of MetricWeights). */
export const WEIGHTS_SETTING = 'metrics.weights';
const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_MS = 3660 * DAY_MS;

/** The instant a `from`/`to` parameter stands for: a date is a whole China-time day. */
function boundary(value: string, end: boolean, field: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  try {
    const start = startOfLocalDay(value);
    return end ? new Date(start.getTime() + DAY_MS) : start;
  } catch {
    throw new AppError(400, 'error.validation', {}, field);
  }
}

/** The local (UTC+8) months from the one holding `from` to the one holding the last instant before `to`. */
export function monthsBetween(from: Date, to: Date): Array<{ key: string; end: string }> {
  const months: Array<{ key: string; end: string }> = [];
  let [year, month] = localDate(from).slice(0, 7).split('-').map(Number);
  const lastKey = localDate(new Date(to.getTime() - 1)).slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    months.push({ key, end: startOfLocalDay(`${year}-${String(month).padStart(2, '0')}-01`).toISOString() });
    if (key === lastKey) return months;
  }
}

/** Area grouping depth: townships, or the level below the area filter (villages in a township …). */
function areaDigits(areaCode: string | undefined): 9 | 12 | 15 {
  const level = areaCode ? levelOfCode(areaCode) : 'county';
  if (level === 'township') return 12;
  if (level === 'village' || level === 'grid') return 15;
  return 9;
}

/** The metrics of SPEC §2 (响应率, 解决率, 满意率 …) per unit, area, category or month. */
export function createMetricsService({ db, reads = db, dialect, clock, audit }: MetricsServiceDeps) {
  async function currentWeights(): Promise<MetricWeights> {
    const stored = await repo.setting(db, WEIGHTS_SETTING);
    if (!stored) return { ...DEFAULT_METRIC_WEIGHTS };
    try {
      const parsed = MetricWeightsSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : { ...DEFAULT_METRIC_WEIGHTS };
    } catch {
      return { ...DEFAULT_METRIC_WEIGHTS };
    }
  }

  /** Category codes of `code`'s subtree, and each code's top-level ancestor with its labels. */
  async function categoryTree() {
    const rows = await repo.categories(db);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const rootOf = (code: string) => {
      let at = byCode.get(code);
      for (let depth = 0; at?.parentCode && depth < 20; depth++) at = byCode.get(at.parentCode);
      // A code missing from the tree falls back to its first dot-separated segment.
      return at?.code ?? code.split('.')[0];
    };
    const pathOf = (code: string) => {
      const path: string[] = [];
      for (let at = byCode.get(code); at && path.length < 20; at = at.parentCode ? byCode.get(at.parentCode) : undefined) path.push(at.code);
      return path;
    };
    return { byCode, rootOf, subtree: (code: string) => rows.filter((r) => pathOf(r.code).includes(code)).map((r) => r.code) };
  }

  async function labelsFor(groupBy: MetricGrouping, keys: string[], locale: Locale, tree: Awaited<ReturnType<typeof categoryTree>> | null) {
    const labels = new Map<string, string>();
    if (groupBy === 'unit') for (const u of await repo.unitNames(db, keys)) labels.set(u.id, u.name);
    if (groupBy === 'area') for (const a of await repo.areaNames(db, keys)) labels.set(a.code, a.name);
    if (groupBy === 'category' && tree) {
      for (const key of keys) {
        const category = tree.byCode.get(key);
        if (category) labels.set(key, locale === 'en-US' ? category.nameEn : category.name);
      }
    }
    return (key: string) => labels.get(key) ?? key;
  }

  return {
    /** The weights of the composite score (any staff member may read them). */
    async weights(actor: Actor): Promise<MetricWeights> {
      void actor;
      return currentWeights();
    },

    /** Replaces the weights (those who manage the configuration); audited. */
    async setWeights(actor: Actor, weights: MetricWeights): Promise<MetricWeights> {
      assertCan(actor, 'config.manage');
      const value: MetricWeights = {
        response: weights.response,
        resolution: weights.resolution,
        satisfaction: weights.satisfaction,
        basicallySatisfiedWeight: weights.basicallySatisfiedWeight,
      };
      await db.transaction().execute(async (trx) => {
        await repo.putSetting(trx, WEIGHTS_SETTING, JSON.stringify(value));
        await audit.append({ actorUserId: actor.userId, action: 'update_setting', subjectType: 'setting', subjectId: WEIGHTS_SETTING, detail: { ...value } }, trx);
      });
      return value;
    },

    /** Counts and rates per group over the cases the actor may see, plus the total. */
    async report(actor: Actor, query: MetricsQuery, locale: Locale): Promise<MetricsReportView> {
      const scope = caseScope(actor);
      const now = clock.now();
      const to = query.to ? boundary(query.to, true, 'to') : now;
      const from = query.from ? boundary(query.from, false, 'from') : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
      if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS) throw new AppError(400, 'error.metrics_range', {}, 'from');

      const tree = query.groupBy === 'category' || query.categoryCode ? await categoryTree() : null;
      let categoryCodes: string[] | undefined;
      if (query.categoryCode) {
        categoryCodes = tree!.subtree(query.categoryCode);
        if (categoryCodes.length === 0) throw unknownReference('categoryCode', 'category');
      }
      const filter: CountFilter = {
        scope,
        from: from.toISOString(),
        to: to.toISOString(),
        now: now.toISOString(),
        areaRange: query.areaCode ? subtreeRange(query.areaCode) : undefined,
        unitId: query.unitId,
        categoryCodes,
      };
      const months = query.groupBy === 'month' ? monthsBetween(from, to) : [];
      const group: GroupKey =
        query.groupBy === 'unit'
          ? { kind: 'unit' }
          : query.groupBy === 'area'
            ? { kind: 'area', digits: areaDigits(query.areaCode) }
            : query.groupBy === 'category'
              ? { kind: 'category' }
              : { kind: 'month', months };

      const grouped = new Map<string, MetricCounts>();
      // Empty months are shown too, so a chart has no holes.
      for (const m of months) grouped.set(m.key, emptyMetricCounts());
      for (const row of await repo.countGroups(reads, dialect, filter, group)) {
        // Townships are 9 digits of the code; villages and grids keep theirs. Categories roll up to the top level.
        const key = group.kind === 'area' && group.digits === 9 ? row.key.padEnd(12, '0') : group.kind === 'category' ? tree!.rootOf(row.key) : row.key;
        grouped.set(key, addMetricCounts(grouped.get(key) ?? emptyMetricCounts(), row.counts));
      }

      const weights = await currentWeights();
      const keys = [...grouped.keys()].sort();
      const labelOf = await labelsFor(query.groupBy, keys, locale, tree);
      const groups = keys.map((key) => {
        const counts = grouped.get(key)!;
        return { key, label: labelOf(key), counts, rates: computeRates(counts, weights) };
      });
      const totalCounts = groups.reduce((sum, g) => addMetricCounts(sum, g.counts), emptyMetricCounts());
      return {
        groupBy: query.groupBy,
        from: filter.from,
        to: filter.to,
        asOf: filter.now,
        weights,
        groups,
        total: { key: 'total', label: translate(locale, 'metrics.total'), counts: totalCounts, rates: computeRates(totalCounts, weights) },
      };
    },
  };
}
export type MetricsService = ReturnType<typeof createMetricsService>;
