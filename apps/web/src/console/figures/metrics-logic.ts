import type { MetricGroupView as MetricGroup, MetricRates } from '@lianxin/core';

/** Columns of the ranking table that can be sorted, and where their value lives. */
export const RANKING_COLUMNS = [
  'registered',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'onTimeClosureRate',
  'returnRate',
  'repeatRate',
  'overdueOpen',
  'overdueTotal',
  'meanHandlingHours',
  'composite',
] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];

/** Columns shown as percentages. */
export const RATE_COLUMNS: ReadonlySet<RankingColumn> = new Set(['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeClosureRate', 'returnRate', 'repeatRate', 'composite']);

/** The value of a column in a row; null when the rate has no denominator. */
export function columnValue(group: MetricGroup, column: RankingColumn): number | null {
  if (column === 'registered') return group.counts.registered;
  return group.rates[column];
}

/**
 * Compares two rows by a column for a table sorter: a missing rate (null) always sorts last,
 * whichever the direction, so units without rated cases never top a ranking.
 */
export function compareBy(column: RankingColumn, order: 'ascend' | 'descend' = 'descend') {
  return (a: MetricGroup, b: MetricGroup): number => {
    const x = columnValue(a, column);
    const y = columnValue(b, column);
    if (x === null && y === null) return a.label.localeCompare(b.label, 'zh-CN');
    if (x === null) return order === 'ascend' ? 1 : -1;
    if (y === null) return order === 'ascend' ? -1 : 1;
    return x - y || a.label.localeCompare(b.label, 'zh-CN');
  };
}

/**
 * Ranks rows by composite score, highest first; equal scores share a rank (1, 2, 2, 4), rows without
 * a score get no rank.
 */
export function rankByComposite(groups: readonly MetricGroup[]): Map<string, number> {
  const scored = groups.filter((g) => g.rates.composite !== null).sort((a, b) => b.rates.composite! - a.rates.composite!);
  const ranks = new Map<string, number>();
  scored.forEach((g, i) => {
    const previous = scored[i - 1];
    ranks.set(g.key, previous && previous.rates.composite === g.rates.composite ? ranks.get(previous.key)! : i + 1);
  });
  return ranks;
}

/** A rate as a percentage with one decimal ("85.3%"), or a dash when there is none. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Hours with one decimal, or a dash. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  return (Math.round(hours * 10) / 10).toFixed(1);
}

/** A weight as a whole percentage ("35%"). */
export const formatWeight = (w: number): string => `${Math.round(w * 100)}%`;

/** Rates scaled to percentages for a chart (null stays a gap in the line). */
export const percentSeries = (groups: readonly MetricGroup[], rate: keyof MetricRates): (number | null)[] =>
  groups.map((g) => {
    const v = g.rates[rate];
    return v === null ? null : Math.round(v * 1000) / 10;
  });

/** Pie slices of registered cases per group, biggest first, without empty groups. */
export function shareSlices(groups: readonly MetricGroup[]): { name: string; value: number }[] {
  return groups
    .filter((g) => g.counts.registered > 0)
    .map((g) => ({ name: g.label, value: g.counts.registered }))
    .sort((a, b) => b.value - a.value);
}

/** Whole days from `from` to `to` (at least 1, at most 366: the limit of the map's `days`). */
export function periodDays(from: Date, to: Date): number {
  const days = Math.ceil((to.getTime() - from.getTime()) / 86_400_000);
  return Math.min(366, Math.max(1, days));
}
