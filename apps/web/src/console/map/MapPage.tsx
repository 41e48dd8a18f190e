import { CASE_STATES, type CaseState, label } from '@lianxin/core';
import { Alert, Card, Checkbox, Flex, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import MapView, { type MapViewport } from '../../shared/map/MapView';
import { loadTileConfig } from '../../shared/map/map-data';
import { bboxValue, OVERDUE_COLOR, type MapPoint, type PointCluster, STATE_COLORS } from '../../shared/map/map-logic';
import { useApi } from '../../shared/use-api';
import { mapMessages } from './map.messages';
import { caseCluster, casePoint, HOUSEHOLD_COLOR, householdCluster, householdPoint } from './map-page';

const LEGEND_STATES = ['registered', 'assigned', 'handling', 'reopened', 'replied', 'closed'] as const;
const PERIODS = [30, 90, 180, 365];

/** 民情图: cases by state with server clusters and heat, households on demand; no tiles needed. */
export default function MapPage() {
  const t = useT(mapMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [view, setView] = useState<MapViewport | null>(null);
  const [states, setStates] = useState<CaseState[]>([]);
  const [days, setDays] = useState(90);
  const [showCases, setShowCases] = useState(true);
  const [showHeat, setShowHeat] = useState(true);
  const [showHouseholds, setShowHouseholds] = useState(false);
  const [householdTags, setHouseholdTags] = useState<string[]>([]);
  const [base, setBase] = useState<'tiles' | 'none' | null>(null);
  const tags = useApi('GET /api/tags');

  useEffect(() => {
    loadTileConfig().then((c) => setBase(c.tileUrl ? 'tiles' : 'none'));
  }, []);

  const cases = useApi('GET /api/map/cases', view && (showCases || showHeat) ? { query: { bbox: bboxValue(view.bbox), zoom: view.zoom, state: states, days } } : null);
  const households = useApi('GET /api/map/households', view && showHouseholds ? { query: { bbox: bboxValue(view.bbox), zoom: view.zoom, tags: householdTags } } : null);
  // Households are for those who keep the registry; a handler gets 403 and no layer switch.
  const householdsAllowed = !(tags.error instanceof ApiError) && !(households.error instanceof ApiError && households.error.status === 403);

  const tagName = useMemo(() => {
    const names = new Map((tags.data?.items ?? []).map((tag) => [tag.code, locale === 'en-US' && tag.nameEn ? tag.nameEn : tag.nameZh]));
    return (code: string) => names.get(code) ?? code;
  }, [tags.data, locale]);

  const stateLabel = (s: string) => label('state', s, locale);
  const drawn = useMemo(() => {
    const points: MapPoint[] = [];
    const clusters: PointCluster[] = [];
    const c = cases.data;
    if (c && showCases) {
      if (c.mode === 'points') points.push(...c.points.map((p) => casePoint(p, stateLabel)));
      else clusters.push(...c.clusters.map(caseCluster));
    }
    const h = households.data;
    if (h && showHouseholds) {
      if (h.mode === 'points') points.push(...h.points.map((p) => householdPoint(p, tagName)));
      else clusters.push(...h.clusters.map(householdCluster));
    }
    return { points, clusters };
    // stateLabel depends on locale only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases.data, households.data, showCases, showHouseholds, tagName, locale]);

  const heat = showHeat ? (cases.data?.heat ?? []) : [];
  const error = cases.error ?? (households.error instanceof ApiError && households.error.status === 403 ? undefined : households.error);

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 220, maxWidth: '100%' }}
            placeholder={t('statesAll')}
            aria-label={t('states')}
            value={states}
            onChange={setStates}
            maxTagCount="responsive"
            options={CASE_STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
            data-testid="map-state-filter"
          />
          <Select aria-label={t('days')} value={days} onChange={setDays} style={{ width: 130 }} options={PERIODS.map((n) => ({ value: n, label: t('daysN', { n }) }))} />
          <Checkbox checked={showCases} onChange={(e) => setShowCases(e.target.checked)}>{t('layerCases')}</Checkbox>
          <Checkbox checked={showHeat} onChange={(e) => setShowHeat(e.target.checked)}>{t('layerHeat')}</Checkbox>
          {householdsAllowed && (
            <Checkbox checked={showHouseholds} onChange={(e) => setShowHouseholds(e.target.checked)} data-testid="map-households-toggle">
              {t('layerHouseholds')}
            </Checkbox>
          )}
          {householdsAllowed && showHouseholds && (
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 180, maxWidth: '100%' }}
              placeholder={t('householdTagsAll')}
              aria-label={t('householdTags')}
              value={householdTags}
              onChange={setHouseholdTags}
              maxTagCount="responsive"
              options={(tags.data?.items ?? []).map((tag) => ({ value: tag.code, label: tagName(tag.code) }))}
            />
          )}
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title={t('loadFailed')} description={error instanceof Error ? error.message : String(error)} /> : null}
      {cases.data?.truncated && <Alert type="info" showIcon title={t('truncated')} />}
      <MapView
        height="calc(100vh - 300px)"
        points={drawn.points}
        clusters={drawn.clusters}
        heat={heat}
        onViewport={setView}
        onPointClick={(p) => p.href && navigate(p.href)}
        ariaLabel={t('title')}
        testId="cases-map"
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <Space wrap size={4} data-testid="map-legend">
          <Typography.Text type="secondary">{t('legend')}：</Typography.Text>
          {LEGEND_STATES.map((s) => (
            <Tag key={s} color={STATE_COLORS[s]}>{stateLabel(s)}</Tag>
          ))}
          <Tag color={OVERDUE_COLOR}>{t('overdue')}</Tag>
          {showHouseholds && <Tag color={HOUSEHOLD_COLOR}>{t('household')}</Tag>}
        </Space>
        <Space wrap size={12}>
          {cases.data && <Typography.Text data-testid="map-total">{t('total', { n: cases.data.total })}</Typography.Text>}
          {showHouseholds && households.data && <Typography.Text>{t('households', { n: households.data.total })}</Typography.Text>}
          {base && <Typography.Text type="secondary" data-testid="map-base">{base === 'none' ? t('baseNone') : t('baseTiles')}</Typography.Text>}
        </Space>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('zoomHint')}</Typography.Text>
    </Flex>
  );
}
