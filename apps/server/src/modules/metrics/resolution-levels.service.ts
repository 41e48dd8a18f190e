import { type Locale, levelOfCode, type ResolutionLevelsQuery, type ResolutionLevelsReport, type ResolutionLevelsRow, startOfLocalDay, subtreeRange, translate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { type CaseScope, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { metricsRepository } from './metrics.repository.js';
import { countResolutionLevels, type ResolutionCountRow } from './resolution-levels.repository.js';

const DAY_MS = 86_400_000;
const MAX_PERIOD_MS = 3660 * DAY_MS;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

function row(key: string, label: string, c: Omit<ResolutionCountRow, 'key'>): ResolutionLevelsRow {
  return {
    key,
    label,
    ...c,
    villageShare: share(c.village, c.closed),
    townshipShare: share(c.township, c.closed),
    countyShare: share(c.county, c.closed),
    aboveCompetentShare: share(c.aboveCompetent, c.closed),
  };
}

/** Group depth: townships of a county (or wider), villages of a township, grids of a village. */
function digitsBelow(areaCode: string | undefined): 9 | 12 | 15 {
  const level = areaCode ? levelOfCode(areaCode) : 'county';
  if (level === 'township') return 12;
  if (level === 'village' || level === 'grid') return 15;
  return 9;
}

/** 小事不出村、大事不出乡: where cases were resolved, per area (docs/METRICS.md §8). */
export function createResolutionLevels({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  /** The report over `scope` for [from, to). */
  async function compute(scope: CaseScope, from: Date, to: Date, areaCode: string | undefined, locale: Locale): Promise<ResolutionLevelsReport> {
    const digits = digitsBelow(areaCode);
    const counted = await countResolutionLevels(db, {
      scope,
      from: from.toISOString(),
      to: to.toISOString(),
      areaRange: areaCode ? subtreeRange(areaCode) : undefined,
      digits,
    });
    const keyed = counted.map((r) => ({ ...r, key: digits === 9 ? r.key.padEnd(12, '0') : r.key })).sort((a, b) => a.key.localeCompare(b.key));
    const names = new Map((await metricsRepository.areaNames(db, keyed.map((r) => r.key))).map((a) => [a.code, a.name]));
    const total = { closed: 0, village: 0, township: 0, county: 0, aboveCompetent: 0 };
    for (const r of keyed) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groups: keyed.map(({ key, ...c }) => row(key, names.get(key) ?? key, c)),
      total: row('total', translate(locale, 'metrics.total'), total),
    };
  }

  return {
    /** GET /api/metrics/resolution-levels: over the cases the actor sees, like every figure. */
    report(actor: Actor, query: ResolutionLevelsQuery, locale: Locale) {
      const now = clock.now();
      const to = query.to ? new Date(startOfLocalDay(query.to).getTime() + DAY_MS) : now;
      const from = query.from ? startOfLocalDay(query.from) : new Date(to.getTime() - 30 * DAY_MS);
      if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS) throw new AppError(400, 'error.metrics_range', {}, 'from');
      return compute(caseScope(actor), from, to, query.areaCode, locale);
    },

    /** The same figures over a whole area (the bulletins, which decide their own access). */
    forArea(areaCode: string, from: Date, to: Date, locale: Locale) {
      return compute({ areaRanges: [subtreeRange(areaCode)], unitIds: [] }, from, to, areaCode, locale);
    },
  };
}
export type ResolutionLevels = ReturnType<typeof createResolutionLevels>;
