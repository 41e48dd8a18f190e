/**
 * Cadre evaluation arithmetic (干部考核, SPEC §7): four sources score 德、能、勤、绩、廉; the
 * objective figures feed 勤 and 绩; the cycle closes with a score per person, a rank within the
 * peer group and a grade by quotas. Pure functions: the server counts, these only combine, so the
 * console's preview and the closing agree.
 */

/** 德 能 勤 绩 廉 — the five items, in their customary order. */
export const EVAL_ITEMS = ['de', 'neng', 'qin', 'ji', 'lian'] as const;
export type EvalItem = (typeof EVAL_ITEMS)[number];

/** 领导评议 · 组织督评 · 干部互评 · 群众测评. */
export const EVAL_SOURCES = ['leader', 'organisation', 'peer', 'public'] as const;
export type EvalSource = (typeof EVAL_SOURCES)[number];

/** The sources staff score through the console (the public's comes from the residents). */
export const STAFF_EVAL_SOURCES = ['leader', 'organisation', 'peer'] as const;
export type StaffEvalSource = (typeof STAFF_EVAL_SOURCES)[number];

/** 优秀 · 称职 · 基本称职 · 不称职. */
export const EVAL_GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type EvalGrade = (typeof EVAL_GRADES)[number];

export const EVAL_PERIODS = ['annual', 'half_year', 'quarterly'] as const;
export type EvalPeriod = (typeof EVAL_PERIODS)[number];

export type SourceWeights = Record<EvalSource, number>;
export type ItemWeights = Record<EvalItem, number>;
export type ItemScores = Record<EvalItem, number>;

/** How grades are given within a peer group. */
export interface GradeQuotas {
  /** At most this share of a peer group is 优秀 (rounded down) … */
  excellentShare: number;
  /** … and only with at least this score. */
  excellentMinScore: number;
  /** 称职 from this score. */
  competentMinScore: number;
  /** 基本称职 from this score; below it 不称职. */
  basicMinScore: number;
}

export const DEFAULT_SOURCE_WEIGHTS: SourceWeights = Object.freeze({ leader: 0.3, organisation: 0.3, peer: 0.2, public: 0.2 });
export const DEFAULT_ITEM_WEIGHTS: ItemWeights = Object.freeze({ de: 0.2, neng: 0.2, qin: 0.2, ji: 0.3, lian: 0.1 });
export const DEFAULT_GRADE_QUOTAS: GradeQuotas = Object.freeze({ excellentShare: 0.15, excellentMinScore: 85, competentMinScore: 60, basicMinScore: 50 });
/** The share of 勤 and 绩 that comes from the objective figures when there are any. */
export const DEFAULT_OBJECTIVE_SHARE = 0.4;

/** A resident's answer counted in 群众测评: 满意 100, 基本满意 75, 不满意 30. */
export const PUBLIC_ANSWER_POINTS = { satisfied: 100, basically_satisfied: 75, dissatisfied: 30 } as const;

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** The objective figures of one cadre over the cycle's period. */
export interface CadreFigures {
  /** Cases dispatched to them and 三率 + composite of those (fractions, null when nothing to divide). */
  cases: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  composite: number | null;
  /** Of their cases, those that went past a deadline. */
  overdueCases: number;
  visits: number;
  /** Distinct days with a visit or a check-in. */
  fieldDays: number;
  /** Field days the stationing rule asked of them in the period (0 when not stationed). */
  fieldDaysRequired: number;
  officeDaysAttended: number;
  /** Office-day sessions held in the villages they were stationed in. */
  officeDaysHeld: number;
  /** Confirmed accountability records against them. */
  accountabilityConfirmed: number;
  /** Supervision orders they answered after the deadline. */
  supervisionLate: number;
}

/**
 * 勤 from the figures: the mean of the field-day ratio (against the stationing rule) and the
 * office-day ratio, as far as each applies, less 5 points per supervision order answered late.
 * Null when nothing applies to them.
 */
export function objectiveQin(f: CadreFigures): number | null {
  const ratios: number[] = [];
  if (f.fieldDaysRequired > 0) ratios.push(Math.min(1, f.fieldDays / f.fieldDaysRequired));
  if (f.officeDaysHeld > 0) ratios.push(Math.min(1, f.officeDaysAttended / f.officeDaysHeld));
  if (ratios.length === 0 && f.supervisionLate === 0) return null;
  const base = ratios.length ? (100 * ratios.reduce((a, b) => a + b, 0)) / ratios.length : 100;
  return round2(clamp(base - 5 * f.supervisionLate));
}

/**
 * 绩 from the figures: the composite of their cases × 100, less 5 points per confirmed
 * accountability record and 2 per overdue case. Null with no cases and no records.
 */
export function objectiveJi(f: CadreFigures): number | null {
  if (f.composite === null && f.accountabilityConfirmed === 0 && f.overdueCases === 0) return null;
  const base = f.composite === null ? 100 : 100 * f.composite;
  return round2(clamp(base - 5 * f.accountabilityConfirmed - 2 * f.overdueCases));
}

/** What one cadre got from each source (item means; null: that source gave nothing). */
export type SourceScores = Record<EvalSource, ItemScores | null>;

export interface CadreResult {
  /** Item scores after weighting the sources and blending in the figures. */
  items: ItemScores;
  /** The weighted total, 0–100. */
  score: number;
  /** Each source's weighted total (the breakdown a cadre sees), null when it gave nothing. */
  bySource: Record<EvalSource, number | null>;
  objective: { qin: number | null; ji: number | null };
}

/** The weighted sum of item scores (weights renormalised to sum 1). */
export function itemTotal(items: ItemScores, weights: ItemWeights): number {
  const sum = EVAL_ITEMS.reduce((a, k) => a + weights[k], 0);
  if (sum <= 0) return 0;
  return round2(EVAL_ITEMS.reduce((a, k) => a + weights[k] * items[k], 0) / sum);
}

/**
 * Combines the sources (a missing source's weight is shared among the others) and the figures
 * (`objectiveShare` of 勤 and 绩 when there are figures) into one cadre's result.
 */
export function scoreCadre(sources: SourceScores, figures: CadreFigures, w: { sources: SourceWeights; items: ItemWeights; objectiveShare: number }): CadreResult {
  const present = EVAL_SOURCES.filter((s) => sources[s] !== null && w.sources[s] > 0);
  const weightSum = present.reduce((a, s) => a + w.sources[s], 0);
  const objective = { qin: objectiveQin(figures), ji: objectiveJi(figures) };
  const items = {} as ItemScores;
  for (const item of EVAL_ITEMS) {
    const subjective = weightSum > 0 ? present.reduce((a, s) => a + w.sources[s] * sources[s]![item], 0) / weightSum : null;
    const figure = item === 'qin' ? objective.qin : item === 'ji' ? objective.ji : null;
    let value: number;
    if (subjective === null) value = figure ?? 0;
    else if (figure === null) value = subjective;
    else value = (1 - w.objectiveShare) * subjective + w.objectiveShare * figure;
    items[item] = round2(value);
  }
  const bySource = Object.fromEntries(EVAL_SOURCES.map((s) => [s, sources[s] ? itemTotal(sources[s]!, w.items) : null])) as Record<EvalSource, number | null>;
  return { items, score: itemTotal(items, w.items), bySource, objective };
}

/** The mean of several item scorings (null when there are none). */
export function meanItems(rows: readonly ItemScores[]): ItemScores | null {
  if (rows.length === 0) return null;
  return Object.fromEntries(EVAL_ITEMS.map((k) => [k, round2(rows.reduce((a, r) => a + r[k], 0) / rows.length)])) as ItemScores;
}

/** One ranked and graded entry of a peer group. */
export interface Ranked<T> {
  entry: T;
  rank: number;
  groupSize: number;
  grade: EvalGrade;
}

/**
 * Ranks entries within their peer groups (score descending; equal scores share a rank) and
 * grades them: the top `floor(excellentShare × group size)` with at least `excellentMinScore`
 * are 优秀 — never more, even on ties (a tie at the cut goes to the earlier in `tieBreak` order);
 * the rest by the score thresholds.
 */
export function rankAndGrade<T extends { score: number; group: string; tieBreak: string }>(entries: readonly T[], q: GradeQuotas): Ranked<T>[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const out: Ranked<T>[] = [];
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => b.score - a.score || a.tieBreak.localeCompare(b.tieBreak));
    const excellentMax = Math.floor(q.excellentShare * sorted.length + 1e-9);
    let excellent = 0;
    sorted.forEach((entry, i) => {
      const rank = i > 0 && sorted[i - 1].score === entry.score ? out[out.length - 1].rank : i + 1;
      let grade: EvalGrade;
      if (excellent < excellentMax && entry.score >= q.excellentMinScore) {
        grade = 'excellent';
        excellent += 1;
      } else if (entry.score >= q.competentMinScore) grade = 'competent';
      else if (entry.score >= q.basicMinScore) grade = 'basically_competent';
      else grade = 'incompetent';
      out.push({ entry, rank, groupSize: sorted.length, grade });
    });
  }
  return out;
}
