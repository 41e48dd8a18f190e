import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { checkInProblem, isRoughFix } from './check-in';
import { visitMessages } from './visits.messages';

export interface CheckIn {
  lat: number;
  lng: number;
  accuracy?: number;
}

/**
 * 定位签到: the phone's position (WGS84 from the browser) at the moment of the visit. Optional — a
 * refusal or a phone without GPS never blocks saving the visit.
 */
export default function CheckInField({ value, onChange, id }: { value?: CheckIn | null; onChange?: (next: CheckIn | null) => void; id?: string }) {
  const t = useT(visitMessages);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const locate = () => {
    // Browsers give positions only to pages served over HTTPS (or from localhost).
    const unavailable = checkInProblem({ hasGeolocation: 'geolocation' in navigator, secure: window.isSecureContext });
    if (unavailable) return setProblem(t(unavailable));
    setBusy(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        onChange?.({ lat: position.coords.latitude, lng: position.coords.longitude, accuracy: Math.min(100_000, Math.round(position.coords.accuracy)) });
      },
      (error) => {
        setBusy(false);
        setProblem(t(checkInProblem({ hasGeolocation: true, secure: true, errorCode: error.code }) ?? 'checkInUnavailable'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="center">
        <Button id={id} icon={<EnvironmentOutlined />} onClick={locate} loading={busy} size="large" data-testid="visit-check-in">
          {busy ? t('checkInBusy') : value ? t('checkInAgain') : t('checkInDo')}
        </Button>
        {value && (
          <>
            <Typography.Text type="success" data-testid="visit-checked-in">
              {t('checkInDone', { m: value.accuracy ?? '—' })}
            </Typography.Text>
            <Button type="link" onClick={() => onChange?.(null)}>
              {t('checkInClear')}
            </Button>
          </>
        )}
      </Flex>
      {value && isRoughFix(value.accuracy) && <Typography.Text type="warning">{t('checkInRough')}</Typography.Text>}
      {problem && (
        <Typography.Text type="warning" data-testid="visit-check-in-problem">
          {problem} {t('checkInOptional')}
        </Typography.Text>
      )}
    </Flex>
  );
}
