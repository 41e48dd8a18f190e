import { Button, Flex, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/i18n';
import { registerMessages } from './register.messages';

// Leaflet and its CSS arrive only when the form shows the map.
const MapView = lazy(() => import('../../shared/map/MapView'));

/** The map pin of the case: a click sets it, a drag moves it. */
export function LocationField({
  pin,
  onPick,
  focus,
}: {
  pin: { lat: number; lng: number } | null;
  onPick: (at: { lat: number; lng: number } | null) => void;
  focus: { lat: number; lng: number; zoom?: number } | null;
}) {
  const t = useT(registerMessages);
  return (
    <Flex vertical gap={4}>
      <Suspense fallback={<div style={{ height: 260, display: 'grid', placeItems: 'center' }}>{t('mapLoading')}</div>}>
        <MapView height={260} pin={pin} onPick={onPick} focus={focus} ariaLabel={t('mapHint')} testId="register-map" />
      </Suspense>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="register-map-status">
          {pin ? t('mapPicked', { lat: pin.lat.toFixed(5), lng: pin.lng.toFixed(5) }) : t('mapHint')}
        </Typography.Text>
        {pin && (
          <Button size="small" type="link" onClick={() => onPick(null)}>
            {t('mapClear')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
