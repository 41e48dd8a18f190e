import type { MetricGroupView as MetricGroup } from '@lianxin/core';
import type { ChartOption } from './EChart';
import { percentSeries, shareSlices } from './metrics-logic';

type Translate = (key: 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'composite' | 'registered' | 'cases') => string;

/**
 * Monthly trend: the three rates and the composite as lines (percent, left axis) over the number
 * of registered cases as bars (right axis).
 */
export function trendOption(months: readonly MetricGroup[], t: Translate): ChartOption {
  const lines = (['responseRate', 'resolutionRate', 'satisfactionRate', 'composite'] as const).map((rate) => ({
    name: t(rate),
    type: 'line' as const,
    smooth: true,
    connectNulls: true,
    yAxisIndex: 0,
    data: percentSeries(months, rate),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.label) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: t('cases'), splitLine: { show: false } },
    ],
    series: [
      { name: t('registered'), type: 'bar', yAxisIndex: 1, data: months.map((m) => m.counts.registered), itemStyle: { color: '#e8e8e8' }, barMaxWidth: 28 },
      ...lines,
    ],
    color: ['#d9d9d9', '#1677ff', '#52c41a', '#fa8c16', '#c0392b'],
  };
}

/** Category shares of registered cases as a ring. */
export function sharesOption(categories: readonly MetricGroup[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%', overflow: 'truncate', width: 90 },
        data: shareSlices(categories),
      },
    ],
  };
}
