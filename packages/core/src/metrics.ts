/**
 * Metric formulas of SPEC §2 (响应率, 解决率, 满意率 …). Counting happens elsewhere
 * (SQL per unit, area, category and period); these functions only turn counts into rates,
 * so the console, the bulletins and the rankings all use the same arithmetic.
 */

/** Raw counts for one unit, area, category or period; every field is additive. */
export interface MetricCounts {
  /** Cases assigned to the unit (denominator of the response rate). */
  assigned: number;
  /** Of those, accepted and the resident contacted within the limit. */
  respondedInTime: number;
  /** Cases the resident rated. */
  evaluated: number;
  /** Rated cases the resident says are solved. */
  solved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  closed: number;
  closedOnTime: number;
  /** Dispatches made (a case sent twice counts twice, since each may be returned). */
  dispatched: number;
  /** Dispatches sent back by the unit (退单). */
  returned: number;
  registered: number;
  /** Registered cases flagged as repeats (重复件). */
  repeat: number;
  /** Cases open and past their deadline at the end of the period. */
  overdueOpen: number;
  /** Cases that went past a deadline at any time in the period. */
  overdueTotal: number;
  /** Sum of handling times (dispatch → reply) of the cases counted in handlingCount. */
  handlingMsTotal: number;
  handlingCount: number;
}

/** Weights of the composite score, and how much a 基本满意 counts. */
export interface MetricWeights {
  response: number;
  resolution: number;
  satisfaction: number;
  /** How much a 基本满意 counts in the satisfaction rate (0–1); 1 = same as 满意. */
  basicallySatisfiedWeight: number;
}

/** SPEC §2 defaults: 30 % response, 35 % resolution, 35 % satisfaction; 基本满意 counts fully. */
export const DEFAULT_METRIC_WEIGHTS: MetricWeights = Object.freeze({
  response: 0.3,
  resolution: 0.35,
  satisfaction: 0.35,
  basicallySatisfiedWeight: 1,
});

/** Rates as fractions in [0, 1], rounded to 4 decimals; null when there is nothing to divide by. */
export interface MetricRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeClosureRate: number | null;
  returnRate: number | null;
  repeatRate: number | null;
  overdueOpen: number;
  overdueTotal: number;
  meanHandlingHours: number | null;
  /** Weighted mean of the response, resolution and satisfaction rates that exist. */
  composite: number | null;
}

const COUNT_KEYS = [
  'assigned', 'respondedInTime', 'evaluated', 'solved', 'satisfied', 'basicallySatisfied', 'dissatisfied',
  'closed', 'closedOnTime', 'dispatched', 'returned', 'registered', 'repeat', 'overdueOpen', 'overdueTotal',
  'handlingMsTotal', 'handlingCount',
] as const satisfies readonly (keyof MetricCounts)[];

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

// Null rather than 0 when nobody was counted: a unit with no evaluated cases has no
// satisfaction rate, and ranking it as 0 % satisfied would be unfair.
const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** All counts zero — the start of a sum. */
export function emptyMetricCounts(): MetricCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<(typeof COUNT_KEYS)[number], number>;
}

/** Field-by-field sum, e.g. to roll units up into their area. */
export function addMetricCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  const sum = emptyMetricCounts();
  for (const k of COUNT_KEYS) sum[k] = a[k] + b[k];
  return sum;
}

/**
 * Turns counts into rates.
 * responseRate = respondedInTime / assigned; resolutionRate = solved / evaluated;
 * satisfactionRate = (satisfied + w × basicallySatisfied) / evaluated;
 * onTimeClosureRate = closedOnTime / closed; returnRate = returned / dispatched;
 * repeatRate = repeat / registered; meanHandlingHours = handlingMsTotal / handlingCount / 3.6e6.
 * composite = Σ weight × rate / Σ weight over the three main rates that are not null
 * (null if all are null or their weights sum to 0). Computed from unrounded rates.
 */
export function computeRates(c: MetricCounts, w: MetricWeights = DEFAULT_METRIC_WEIGHTS): MetricRates {
  const response = ratio(c.respondedInTime, c.assigned);
  const resolution = ratio(c.solved, c.evaluated);
  const satisfaction = ratio(c.satisfied + w.basicallySatisfiedWeight * c.basicallySatisfied, c.evaluated);

  let weighted = 0;
  let weightSum = 0;
  for (const [rate, weight] of [[response, w.response], [resolution, w.resolution], [satisfaction, w.satisfaction]] as const) {
    if (rate === null) continue;
    weighted += weight * rate;
    weightSum += weight;
  }

  const rounded = (x: number | null) => (x === null ? null : round4(x));
  const meanMs = ratio(c.handlingMsTotal, c.handlingCount);
  return {
    responseRate: rounded(response),
    resolutionRate: rounded(resolution),
    satisfactionRate: rounded(satisfaction),
    onTimeClosureRate: rounded(ratio(c.closedOnTime, c.closed)),
    returnRate: rounded(ratio(c.returned, c.dispatched)),
    repeatRate: rounded(ratio(c.repeat, c.registered)),
    overdueOpen: c.overdueOpen,
    overdueTotal: c.overdueTotal,
    meanHandlingHours: meanMs === null ? null : round4(meanMs / 3.6e6),
    composite: weightSum > 0 ? round4(weighted / weightSum) : null,
  };
}
