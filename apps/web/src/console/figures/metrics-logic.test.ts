import type { MetricGroupView as MetricGroup } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { compareBy, formatHours, formatRate, periodDays, rankByComposite, shareSlices } from './metrics-logic';

const group = (key: string, composite: number | null, registered = 1, label = key): MetricGroup =>
  ({
    key,
    label,
    counts: { registered } as MetricGroup['counts'],
    rates: { composite, responseRate: composite } as MetricGroup['rates'],
  }) as MetricGroup;

describe('figures logic', () => {
  it('formats rates and hours, with a dash for a missing rate', () => {
    expect(formatRate(0.8534)).toBe('85.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatHours(12.345)).toBe('12.3');
    expect(formatHours(null)).toBe('—');
  });

  it('sorts a missing rate last in both directions', () => {
    const rows = [group('a', null), group('b', 0.5), group('c', 0.9)];
    expect([...rows].sort(compareBy('composite', 'ascend')).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    // Ant Design reverses the comparator for a descending sort.
    expect([...rows].sort(compareBy('composite', 'descend')).reverse().map((r) => r.key)).toEqual(['c', 'b', 'a']);
  });

  it('ranks by composite with shared ranks and no rank without a score', () => {
    const ranks = rankByComposite([group('a', 0.7), group('b', 0.9), group('c', 0.7), group('d', null), group('e', 0.1)]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });

  it('makes pie slices of non-empty groups, biggest first', () => {
    expect(shareSlices([group('a', null, 0), group('b', null, 3, '民政'), group('c', null, 5, '住建')])).toEqual([
      { name: '住建', value: 5 },
      { name: '民政', value: 3 },
    ]);
  });

  it('bounds the map period to 1–366 days', () => {
    expect(periodDays(new Date('2026-01-01'), new Date('2026-01-31'))).toBe(30);
    expect(periodDays(new Date('2020-01-01'), new Date('2026-01-31'))).toBe(366);
    expect(periodDays(new Date('2026-01-01'), new Date('2026-01-01'))).toBe(1);
  });
});
