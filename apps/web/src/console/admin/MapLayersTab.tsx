import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, List, Tag, Typography } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';

const MapView = lazy(() => import('../../shared/map/MapView'));

/**
 * 地图图层: roads, water and landmarks imported from a GeoJSON FeatureCollection (each feature
 * named in properties.name), drawn on every map without tiles — the portal's included.
 */
export default function MapLayersTab() {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const features = useApi('GET /api/map/features');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [shown, setShown] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setErrors([]);
    try {
      let parsed: { type?: unknown; features?: unknown };
      try {
        parsed = JSON.parse(await file.text()) as typeof parsed;
      } catch {
        setErrors([t('layerNotJson')]);
        return;
      }
      const result = await call('POST /api/admin/map-features', { body: { type: 'FeatureCollection', features: parsed.features as never, replace } });
      message.success(t('layerImported', { n: result.imported, total: result.total }));
      features.reload();
      setShown((n) => n + 1);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fieldErrors.length ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [e.title]);
      else setErrors([String(e)]);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const items = features.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('layerTitle')}>
        <Typography.Paragraph type="secondary">{t('layerHint')}</Typography.Paragraph>
        <Flex gap={12} align="center" wrap>
          <input ref={input} type="file" accept=".geojson,.json,application/geo+json,application/json" hidden data-testid="layer-file" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('layerImport')}
          </Button>
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
            {t('layerReplace')}
          </Checkbox>
        </Flex>
        {errors.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('layerRefused')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{errors.slice(0, 10).map((e) => <li key={e}>{e}</li>)}</ul>} data-testid="layer-errors" />}
      </Card>
      <Card size="small" title={t('layerCount', { n: items.length })}>
        <List
          size="small"
          data-testid="layer-list"
          dataSource={items.slice(0, 50)}
          locale={{ emptyText: t('layerEmpty') }}
          renderItem={(f) => (
            <List.Item>
              <Typography.Text>{f.name}</Typography.Text>
              <Tag>{t(`layerKind.${f.kind}`)}</Tag>
            </List.Item>
          )}
        />
        {items.length > 0 && (
          <Suspense fallback={<PageLoading />}>
            <MapView key={shown} height={360} ariaLabel={t('layerTitle')} testId="layer-map" />
          </Suspense>
        )}
      </Card>
    </Flex>
  );
}
