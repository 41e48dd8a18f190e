import { Alert } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { query } from '../../api/client';
import { PageLoading } from '../../shared/PageState';
import { useApiPath } from '../../shared/use-api';
import type { MapViewport } from '../../shared/map/MapView';
import type { HeatCell } from '../../shared/map/map-logic';

const MapView = lazy(() => import('../../shared/map/MapView'));

/** A heat layer of the cases registered in the last `days` days, for the part of the map in view. */
export function CaseHeatMap({ days, ariaLabel }: { days: number; ariaLabel: string }) {
  const [view, setView] = useState<MapViewport | null>(null);
  const path = view ? `/api/map/cases${query({ bbox: view.bbox, zoom: Math.round(view.zoom), days })}` : null;
  const { data, error } = useApiPath<{ heat: HeatCell[]; total: number }>(path);
  return (
    <>
      {error ? <Alert type="warning" showIcon title={error instanceof Error ? error.message : String(error)} style={{ marginBottom: 8 }} /> : null}
      <Suspense fallback={<PageLoading />}>
        <MapView height={360} heat={data?.heat ?? []} onViewport={setView} ariaLabel={ariaLabel} testId="figures-heat-map" />
      </Suspense>
    </>
  );
}
