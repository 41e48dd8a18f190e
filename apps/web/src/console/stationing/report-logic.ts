import type { CadreCompliance, StationingReport, WeekResult } from '@lianxin/core';

/** A week column of the cadre table (the union of the weeks of every line). */
export interface WeekColumn {
  week: string;
  from: string;
  to: string;
}

/** Every week that appears in the report, oldest first. */
export function weekColumns(cadres: readonly CadreCompliance[]): WeekColumn[] {
  const byWeek = new Map<string, WeekColumn>();
  for (const line of cadres) for (const w of line.weeks) if (!byWeek.has(w.week)) byWeek.set(w.week, { week: w.week, from: w.from, to: w.to });
  return [...byWeek.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * How one week of one line reads:
 * - `short`: judged and below the rule (the only red cell);
 * - `met`: judged and at or above the rule;
 * - `running`: the week is not over yet — shown, not judged;
 * - `partial`: a week the period or the assignment cuts (not a whole week) — shown, not judged;
 * - `none`: the line has no such week (the assignment started later or ended earlier).
 */
export type WeekCellKind = 'short' | 'met' | 'running' | 'partial' | 'none';
export interface WeekCell {
  kind: WeekCellKind;
  days: number;
  required: number;
}

/** The cell of `week` in `line`, judged exactly as the API judged it (`evaluated`, `compliant`). */
export function weekCell(line: CadreCompliance, week: string, today: string): WeekCell {
  const w: WeekResult | undefined = line.weeks.find((x) => x.week === week);
  const required = line.minDaysPerWeek;
  if (!w) return { kind: 'none', days: 0, required };
  if (w.evaluated) return { kind: w.compliant ? 'met' : 'short', days: w.daysPresent, required };
  return { kind: w.to >= today ? 'running' : 'partial', days: w.daysPresent, required };
}

/** A line's verdict: flagged when a judged week fell short, pending when no week was judged yet. */
export type Verdict = 'flagged' | 'compliant' | 'pending';
export const verdictOf = (line: Pick<CadreCompliance, 'flagged' | 'weeksEvaluated'>): Verdict => (line.flagged ? 'flagged' : line.weeksEvaluated === 0 ? 'pending' : 'compliant');

/** One line of the township summary. */
export interface TownshipRow {
  code: string;
  name: string;
  /** Distinct cadres stationed in the township's villages. */
  cadres: number;
  /** Cadres judged in at least one week and never short. */
  compliant: number;
  /** Cadres short in at least one judged week. */
  flagged: number;
  /** Cadres with no judged week yet (stationed this week, say). */
  pending: number;
  weeksEvaluated: number;
  weeksCompliant: number;
  /** Share of judged weeks that met the rule, 0..1; null when none was judged. */
  rate: number | null;
}

function summarise(code: string, name: string, lines: readonly CadreCompliance[]): TownshipRow {
  const cadres = new Map<string, Verdict>();
  for (const line of lines) {
    const verdict = verdictOf(line);
    const before = cadres.get(line.cadre.id);
    // A cadre stationed in two villages counts once: flagged anywhere wins, then judged.
    if (!before || verdict === 'flagged' || (before === 'pending' && verdict === 'compliant')) cadres.set(line.cadre.id, verdict);
  }
  const count = (v: Verdict) => [...cadres.values()].filter((x) => x === v).length;
  const weeksEvaluated = lines.reduce((n, l) => n + l.weeksEvaluated, 0);
  const weeksCompliant = lines.reduce((n, l) => n + l.weeksCompliant, 0);
  return { code, name, cadres: cadres.size, compliant: count('compliant'), flagged: count('flagged'), pending: count('pending'), weeksEvaluated, weeksCompliant, rate: weeksEvaluated ? weeksCompliant / weeksEvaluated : null };
}

/** The township summary (in the report's order) and the whole report's line, from the cadre lines. */
export function townshipRows(report: Pick<StationingReport, 'townships' | 'cadres'>): { townships: TownshipRow[]; total: TownshipRow } {
  const townships = report.townships.map((t) =>
    summarise(
      t.township.code,
      t.township.name,
      report.cadres.filter((c) => c.township.code === t.township.code),
    ),
  );
  return { townships, total: summarise('', '', report.cadres) };
}

/** A rate as a percentage with one decimal ('85.7%'), or '—' when there is none. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The lines to show: all, or only the flagged ones, flagged first either way (who needs a word). */
export function visibleLines(cadres: readonly CadreCompliance[], flaggedOnly: boolean): CadreCompliance[] {
  const rank = (l: CadreCompliance) => (l.flagged ? 0 : l.weeksEvaluated === 0 ? 2 : 1);
  return cadres.filter((c) => !flaggedOnly || c.flagged).sort((a, b) => rank(a) - rank(b));
}

/** The number of the week in its ISO year: '2026-W07' → 7. */
export const weekNumber = (label: string): number => Number(label.split('-W')[1]);

/** 'MM/DD' of a date, for compact column headers. */
export const monthDay = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}`;
