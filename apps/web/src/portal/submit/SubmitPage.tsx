import type { PublicSubmitResult } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, Form, Input, Result, Select, Space, TreeSelect, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { portalMessages } from '../portal.messages';
import { PortalError, PortalLoading } from '../PortalState';
import { AreaPicker } from './AreaPicker';
import { PhotoPicker, type UploadedPhoto } from './PhotoPicker';
import { categoryTree, isPhone, submissionBody, type SubmitValues } from './submit-form';
import { formatSecret } from '../track/track-logic';
import { loadPublicMapAreas } from '../../shared/map/map-data';
import { type MapArea, nearestArea } from '../../shared/map/map-logic';

// Leaflet loads only when the resident opens the map.
const MapView = lazy(() => import('../../shared/map/MapView'));

/** 我要反映: a resident's request from the phone; the QR code of a contact card presets the village. */
export default function SubmitPage() {
  const t = useT(portalMessages);
  const [params] = useSearchParams();
  const options = useApi('GET /api/public/options');
  const [form] = Form.useForm<SubmitValues>();
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PublicSubmitResult | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [pin, setPin] = useState<{ lat: number; lng: number } | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const areaCode = Form.useWatch('areaCode', form) as string | undefined;
  const [mapAreas, setMapAreas] = useState<MapArea[]>([]);
  const [focus, setFocus] = useState<{ lat: number; lng: number; zoom?: number } | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  // The areas' centres, to open the map at the chosen village and name a pin in words.
  useEffect(() => {
    if (!showMap && !pin) return;
    loadPublicMapAreas().then(setMapAreas, () => setMapAreas([]));
  }, [showMap, pin]);
  // Once a village is chosen, the map opens there at street scale (not the whole county).
  useEffect(() => {
    const area = mapAreas.find((a) => a.code === areaCode);
    if (area && typeof area.lat === 'number' && typeof area.lng === 'number') setFocus({ lat: area.lat, lng: area.lng, zoom: 15 });
  }, [areaCode, mapAreas]);
  const pinNear = pin ? nearestArea(mapAreas, pin) : null;
  const locate = () => {
    if (!navigator.geolocation) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const at = { lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 };
        setPin(at);
        setFocus({ ...at, zoom: 16 });
        setShowMap(true);
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  const tree = useMemo(() => categoryTree(options.data?.categories ?? []), [options.data]);

  if (options.loading) return <PortalLoading />;
  if (options.error || !options.data) return <PortalError error={options.error} onRetry={options.reload} />;

  if (done) {
    return (
      <Result
        status="success"
        title={t('submitted')}
        subTitle={
          <>
            <div>{t('yourCode')}</div>
            <Typography.Title level={3} copyable data-testid="tracking-code">
              {done.code}
            </Typography.Title>
            <div>{t('yourSecret')}</div>
            <Typography.Title level={3} copyable={{ text: done.secret }} data-testid="tracking-secret">
              {formatSecret(done.secret)}
            </Typography.Title>
            <div>{t('secretHint')}</div>
            {done.smsSent && <div>{t('codeSmsSent')}</div>}
            <div>{t('trackLink')}</div>
            <Typography.Text copyable data-testid="tracking-link" style={{ wordBreak: 'break-all' }}>
              {`${window.location.origin}/m/track/${done.accessToken}`}
            </Typography.Text>
          </>
        }
        extra={[
          <Link key="track" to={`/track/${done.accessToken}`}>
            <Button type="primary">{t('trackNow')}</Button>
          </Link>,
          <Button key="again" onClick={() => (setDone(null), setPhotos([]), form.resetFields())}>
            {t('submitAnother')}
          </Button>,
        ]}
      />
    );
  }

  const submit = async (values: SubmitValues) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await call('POST /api/public/cases', { body: submissionBody(values, photos.map((p) => p.token), pin ?? undefined) }));
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.title);
        form.setFields(e.fieldErrors.filter((f) => form.getFieldInstance(f.field as never)).map((f) => ({ name: f.field as never, errors: [f.message] })));
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('nav.submit')} size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'help', areaCode: params.get('area') ?? undefined, publicConsent: false, anonymous: false }}>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
          <Select options={options.data.kinds.map((k) => ({ value: k.code, label: k.label }))} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('category')} rules={[{ required: true, message: t('categoryPlaceholder') }]}>
          <TreeSelect treeData={tree} placeholder={t('categoryPlaceholder')} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ required: true, min: 5, whitespace: true, message: t('descriptionRequired') }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('photos')} extra={t('photosHint', { max: options.data.maxPhotos })}>
          <PhotoPicker max={options.data.maxPhotos} photos={photos} onChange={setPhotos} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('area')} rules={[{ required: !pin, message: t('locationRequired') }]}>
          <AreaPicker />
        </Form.Item>
        <Form.Item
          extra={
            <span data-testid="pin-state" role="status">
              {pin ? (pinNear ? t('pinnedNear', { name: pinNear.name }) : t('pinned')) : locating === 'busy' ? t('locating') : locating === 'failed' ? t('locateFailed') : undefined}
            </span>
          }
        >
          <Space.Compact block>
            <Button onClick={() => setShowMap((v) => !v)} style={{ width: '50%' }}>
              {t('pinOnMap')}
            </Button>
            <Button onClick={locate} loading={locating === 'busy'} style={{ width: '50%' }}>
              {t('useMyLocation')}
            </Button>
          </Space.Compact>
          {pin && (
            <Button type="link" size="small" onClick={() => setPin(null)} style={{ paddingInline: 0 }}>
              {t('clearPin')}
            </Button>
          )}
          {showMap && (
            <div style={{ marginTop: 8 }}>
              <Suspense fallback={<PortalLoading />}>
                <MapView height={280} publicAreas pin={pin} onPick={setPin} focus={focus} ariaLabel={t('mapLabel')} testId="submit-map" />
              </Suspense>
            </div>
          )}
        </Form.Item>
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('anonymous')}</Checkbox>
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="name" label={t('name')}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('phone')}
              extra={t('phoneHint')}
              rules={[{ required: true, message: t('phoneRequired') }, { validator: async (_, v) => (!v || isPhone(v) ? undefined : Promise.reject(new Error(t('phoneInvalid')))) }]}
            >
              <Input inputMode="tel" maxLength={13} autoComplete="tel" />
            </Form.Item>
          </>
        )}
        <Form.Item name="publicConsent" valuePropName="checked">
          <Checkbox>{t('publicConsent')}</Checkbox>
        </Form.Item>
        {/* People never see this field; bots fill it in. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label="Website">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {busy ? t('submitting') : t('submit')}
        </Button>
      </Form>
    </Card>
  );
}
