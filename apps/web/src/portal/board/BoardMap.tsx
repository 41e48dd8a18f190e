import { lazy, Suspense } from 'react';
import { useApiPath } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';

const MapView = lazy(() => import('../../shared/map/MapView'));

interface BoardPoint {
  ref: string;
  lat: number;
  lng: number;
  status: string;
  statusLabel: string;
}

/** Where the published cases are, to about a kilometre: a place, never a house. */
export function BoardMap() {
  const points = useApiPath<{ points: BoardPoint[] }>('/api/public/board/map');
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
