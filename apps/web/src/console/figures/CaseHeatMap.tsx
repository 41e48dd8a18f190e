import { Alert } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { WhenNear } from '../../shared/WhenNear';
import type { MapViewport } from '../../shared/map/MapView';

const MapView = lazy(() => import('../../shared/map/MapView'));

/**
 * A heat layer of the cases registered in the last `days` days, for the part of the map in view;
 * the map (Leaflet, then the cases of its viewport) loads when the card is scrolled near.
 */
export function CaseHeatMap({ days, ariaLabel }: { days: number; ariaLabel: string }) {
  return (
    <WhenNear height={360}>
      <HeatMap days={days} ariaLabel={ariaLabel} />
    </WhenNear>
  );
}

function HeatMap({ days, ariaLabel }: { days: number; ariaLabel: string }) {
  const [view, setView] = useState<MapViewport | null>(null);
  const { data, error } = useApi('GET /api/map/cases', view ? { query: { bbox: view.bbox, zoom: Math.round(view.zoom), days } } : null);
  return (
    <>
      {error ? <Alert type="warning" showIcon title={error instanceof Error ? error.message : String(error)} style={{ marginBottom: 8 }} /> : null}
      <Suspense fallback={<PageLoading />}>
        <MapView height={360} heat={data?.heat ?? []} onViewport={setView} ariaLabel={ariaLabel} testId="figures-heat-map" />
      </Suspense>
    </>
  );
}
