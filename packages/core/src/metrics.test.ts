import { describe, it, expect } from 'vitest';
import {
  DEFAULT_METRIC_WEIGHTS,
  addMetricCounts,
  computeRates,
  emptyMetricCounts,
  type MetricCounts,
} from './metrics.js';

const counts = (over: Partial<MetricCounts>): MetricCounts => ({ ...emptyMetricCounts(), ...over });

const township = counts({
  assigned: 40,
  respondedInTime: 38,
  evaluated: 30,
  solved: 24,
  satisfied: 20,
  basicallySatisfied: 6,
  dissatisfied: 4,
  closed: 35,
  closedOnTime: 33,
  dispatched: 45,
  returned: 3,
  registered: 50,
  repeat: 4,
  overdueOpen: 2,
  overdueTotal: 5,
  handlingMsTotal: 10 * 3_600_000,
  handlingCount: 3,
});

describe('DEFAULT_METRIC_WEIGHTS', () => {
  it('is 30 / 35 / 35 with 基本满意 counting fully', () => {
    expect(DEFAULT_METRIC_WEIGHTS).toEqual({ response: 0.3, resolution: 0.35, satisfaction: 0.35, basicallySatisfiedWeight: 1 });
  });
});

describe('computeRates', () => {
  it('computes every rate from hand-checked counts', () => {
    expect(computeRates(township)).toEqual({
      responseRate: 0.95, // 38/40
      resolutionRate: 0.8, // 24/30
      satisfactionRate: 0.8667, // (20+6)/30
      onTimeClosureRate: 0.9429, // 33/35
      returnRate: 0.0667, // 3/45
      repeatRate: 0.08, // 4/50
      overdueOpen: 2,
      overdueTotal: 5,
      meanHandlingHours: 3.3333, // 10 h / 3
      composite: 0.8683, // .3×.95 + .35×.8 + .35×.86667 = .86833
    });
  });

  it('lets 基本满意 count partly in the satisfaction rate and the composite', () => {
    const rates = computeRates(township, { ...DEFAULT_METRIC_WEIGHTS, basicallySatisfiedWeight: 0.5 });
    expect(rates.satisfactionRate).toBe(0.7667); // (20+3)/30
    expect(rates.composite).toBe(0.8333); // .285 + .28 + .35×.76667
  });

  it('uses custom composite weights', () => {
    const rates = computeRates(township, { response: 1, resolution: 0, satisfaction: 0, basicallySatisfiedWeight: 1 });
    expect(rates.composite).toBe(0.95);
  });

  it('gives null, not 0, when a denominator is 0, and renormalises the composite', () => {
    const rates = computeRates(counts({ assigned: 4, respondedInTime: 3 }));
    expect(rates).toEqual({
      responseRate: 0.75,
      resolutionRate: null,
      satisfactionRate: null,
      onTimeClosureRate: null,
      returnRate: null,
      repeatRate: null,
      overdueOpen: 0,
      overdueTotal: 0,
      meanHandlingHours: null,
      composite: 0.75,
    });
  });

  it('renormalises over resolution and satisfaction when nothing was assigned', () => {
    const rates = computeRates(counts({ evaluated: 10, solved: 5, satisfied: 8, basicallySatisfied: 1, dissatisfied: 1 }));
    expect(rates.responseRate).toBeNull();
    expect(rates.composite).toBe(0.7); // (.35×.5 + .35×.9) / .7
  });

  it('has no composite when nothing can be rated', () => {
    expect(computeRates(emptyMetricCounts()).composite).toBeNull();
    const zeroWeights = { response: 0, resolution: 0, satisfaction: 0, basicallySatisfiedWeight: 1 };
    expect(computeRates(township, zeroWeights).composite).toBeNull();
  });
});

describe('emptyMetricCounts / addMetricCounts', () => {
  it('starts from zero in every field', () => {
    const empty = emptyMetricCounts();
    expect(Object.keys(empty)).toHaveLength(17);
    expect(Object.values(empty).every((v) => v === 0)).toBe(true);
  });

  it('adds field by field without touching the inputs', () => {
    const other = counts({ assigned: 10, respondedInTime: 2, handlingMsTotal: 3_600_000, handlingCount: 1 });
    const sum = addMetricCounts(township, other);
    expect(sum).toEqual({ ...township, assigned: 50, respondedInTime: 40, handlingMsTotal: 11 * 3_600_000, handlingCount: 4 });
    expect(township.assigned).toBe(40);
    expect(computeRates(sum).responseRate).toBe(0.8);
    expect(computeRates(sum).meanHandlingHours).toBe(2.75);
  });

  it('has zero as identity', () => {
    expect(addMetricCounts(emptyMetricCounts(), township)).toEqual(township);
  });
});
