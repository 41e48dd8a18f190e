import { label, type MapCases, type MapHouseholds } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, Flex, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import MapView, { type MapViewport } from '../../shared/map/MapView';
import { bboxValue, type MapPoint } from '../../shared/map/map-logic';
import { useApi, useLatest } from '../../shared/use-api';
import { tagNamer } from '../households/household-logic';
import { householdMessages } from '../households/households.messages';
import { caseCluster, casePoint } from '../map/map-page';
import { debounce, drawnFrom } from './village-map-logic';

/** 户情地图: households coloured by tag, loaded per viewport (debounced; a stale viewport's answers are dropped). */
export default function VillageMapPage() {
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const [view, setView] = useState<MapViewport | null>(null);
  const [filter, setFilter] = useState<string[]>([]);
  const [showCases, setShowCases] = useState(false);
  const [showHeat, setShowHeat] = useState(false);
  const [households, setHouseholds] = useState<MapHouseholds | null>(null);
  const [cases, setCases] = useState<MapCases | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<MapPoint | null>(null);
  const tags = useApi('GET /api/tags');
  const tagName = useMemo(() => tagNamer(tags.data?.items, locale), [tags.data, locale]);
  const colorOf = useMemo(() => {
    const colors = new Map((tags.data?.items ?? []).map((tag) => [tag.code, tag.color]));
    return (code: string) => colors.get(code);
  }, [tags.data]);

  // Only the latest viewport's answers count: a move supersedes the requests of the previous one.
  const latest = useLatest();
  useEffect(() => {
    if (!view) return;
    setLoading(true);
    setError(null);
    const wantCases = showCases || showHeat;
    const bbox = bboxValue(view.bbox);
    latest(
      Promise.all([
        call('GET /api/map/households', { query: { bbox, zoom: view.zoom, tags: filter } }),
        wantCases ? call('GET /api/map/cases', { query: { bbox, zoom: view.zoom } }) : Promise.resolve(null),
      ]),
    ).then(
      ({ value: [h, c], current }) => {
        if (!current) return;
        setHouseholds(h);
        setCases(c);
        setLoading(false);
      },
      (e) => {
        setError(e);
        setLoading(false);
      },
    );
  }, [view, filter, showCases, showHeat, latest]);

  // The first viewport loads at once; the moves after it wait for the map to rest.
  const debouncedSetView = useMemo(() => debounce((v: MapViewport) => setView(v), 250, { leading: true }), []);
  useEffect(() => () => debouncedSetView.cancel(), [debouncedSetView]);
  const onViewport = useCallback((v: MapViewport) => debouncedSetView(v), [debouncedSetView]);

  const drawn = useMemo(() => {
    const own = drawnFrom(households, filter, colorOf, tagName);
    if (cases && showCases) {
      if (cases.mode === 'points') own.points = [...own.points, ...cases.points.map((p) => casePoint(p, (s) => label('state', s, locale)))];
      else own.clusters = [...own.clusters, ...cases.clusters.map(caseCluster)];
    }
    return own;
  }, [households, cases, showCases, filter, colorOf, tagName, locale]);

  const drawnTags = households?.mode === 'points' ? households.points.map((p) => p.tags.join(',')) : (households?.clusters ?? []).map((c) => Object.keys(c.breakdown).join(','));

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('villageMap')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('mapSubtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Select
            mode="multiple"
            allowClear
            value={filter}
            onChange={setFilter}
            placeholder={t('tags')}
            aria-label={t('tags')}
            data-testid="map-tag-filter"
            style={{ minWidth: 200, flex: '1 1 220px' }}
            options={(tags.data?.items ?? []).map((tag) => ({ value: tag.code, label: <span><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: tag.color, marginInlineEnd: 6 }} />{tagName(tag.code)}</span> }))}
            optionFilterProp="value"
          />
          <Checkbox checked={showCases} onChange={(e) => setShowCases(e.target.checked)}>
            {t('caseLayer')}
          </Checkbox>
          <Checkbox checked={showHeat} onChange={(e) => setShowHeat(e.target.checked)}>
            {t('heatLayer')}
          </Checkbox>
          <Space size={4}>
            {loading && <Spin size="small" />}
            {households && (
              <Typography.Text type="secondary" data-testid="village-map-total">
                {t('total', { n: households.total })}
              </Typography.Text>
            )}
          </Space>
        </Flex>
        <Flex wrap gap={4} style={{ marginTop: 8 }}>
          {(tags.data?.items ?? []).filter((tag) => !filter.length || filter.includes(tag.code)).map((tag) => (
            <Tag key={tag.code} color={tag.color} style={{ marginInlineEnd: 0 }}>
              {tagName(tag.code)}
            </Tag>
          ))}
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon message={error instanceof ApiError ? error.title : String(error)} /> : null}
      {households?.mode === 'points' && households.truncated && <Alert type="warning" showIcon message={t('truncated')} />}
      <div style={{ position: 'relative' }}>
        <MapView
          height="max(360px, calc(100vh - 300px))"
          points={drawn.points}
          clusters={drawn.clusters}
          heat={showHeat ? (cases?.heat ?? []) : []}
          onViewport={onViewport}
          onPointClick={(p) => setPicked(p)}
          ariaLabel={t('villageMap')}
          testId="village-map"
        />
        {/* What is drawn, for assistive tech and tests: one entry per marker or bubble with its tags. */}
        <div hidden data-testid="village-map-drawn" data-mode={households?.mode ?? ''} data-count={drawnTags.length} data-tags={JSON.stringify(drawnTags)} />
        {picked && (
          <Card size="small" style={{ position: 'absolute', insetInlineEnd: 12, bottom: 12, zIndex: 1000, maxWidth: 'calc(100% - 24px)' }} data-testid="village-map-popup">
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }} title={picked.label}>
              {picked.label ?? picked.id}
            </Typography.Paragraph>
            <Space>
              {picked.href && <Link to={picked.href}>{picked.href.startsWith('/cases') ? t('case') : t('householdLink')}</Link>}
              <Button size="small" type="text" onClick={() => setPicked(null)} aria-label={t('cancel')}>
                ×
              </Button>
            </Space>
          </Card>
        )}
      </div>
    </Flex>
  );
}
