import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the charts draw; this module (ECharts, the largest chunk of the console) is loaded
// by EChart.tsx when a chart is first drawn, never with the page that holds the chart.
echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts option object (kept loose: each chart builds its own). */
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

export interface EChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
  ariaLabel?: string;
}

/** One ECharts canvas that follows its container's width and redraws when `option` changes. */
export default function EChartCanvas({ option, height = 320, testId, ariaLabel }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={ariaLabel} />;
}
