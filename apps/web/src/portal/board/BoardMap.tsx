import { lazy, Suspense } from 'react';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';

const MapView = lazy(() => import('../../shared/map/MapView'));

/** Where the published cases are, to about a kilometre: a place, never a house. */
export function BoardMap() {
  const points = useApi('GET /api/public/board/map');
  if (points.loading) return <PortalLoading />;
  if (points.error || !points.data) return <PortalError error={points.error} onRetry={points.reload} />;
  return (
    <Suspense fallback={<PortalLoading />}>
      <MapView
        height={420}
        publicAreas
        clusterClientSide
        points={points.data.points.map((p) => ({ id: p.ref, lat: p.lat, lng: p.lng, label: p.statusLabel, color: p.status === 'closed' ? '#52c41a' : '#1677ff' }))}
        testId="board-map"
      />
    </Suspense>
  );
}
