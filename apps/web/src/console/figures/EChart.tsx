import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChartCanvas';

export type { ChartOption, EChartProps } from './EChartCanvas';

const Canvas = lazy(() => import('./EChartCanvas'));

/**
 * A chart, drawn by ECharts once its module has loaded: pages holding charts (figures, surveys,
 * consultations, bulletins) show their tables and figures first, and the chart's place is kept at
 * its height meanwhile, so nothing moves when it is drawn.
 */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ width: '100%', height: props.height ?? 320 }} role="img" aria-label={props.ariaLabel} />}>
      <Canvas {...props} />
    </Suspense>
  );
}
