import { Card, Col, DatePicker, Flex, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { CaseHeatMap } from './CaseHeatMap';
import { sharesOption, trendOption } from './charts';
import { EChart } from './EChart';
import { figuresMessages } from './figures.messages';
import { formatRate, formatWeight, periodDays } from './metrics-logic';
import { RankingTable } from './RankingTable';
import { ResolutionLevelsCard } from './ResolutionLevelsCard';
import { ServiceFiguresCard } from '../services/ServiceFiguresCard'; // — service centre —
import { METRIC_GROUPINGS, type MetricGrouping } from '@lianxin/core';

const DAY = 'YYYY-MM-DD';

/** 数据: 三率 and the other metrics by unit, area, category and month; trend, shares and a heat map. */
export default function FiguresPage() {
  const t = useT(figuresMessages);
  const { locale } = useLocale();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(5, 'month').startOf('month'), dayjs()]);
  const [groupBy, setGroupBy] = useState<MetricGrouping>('unit');
  const period = { from: range[0].format(DAY), to: range[1].format(DAY) };

  const table = useApi('GET /api/metrics', { query: { groupBy, ...period } });
  const months = useApi('GET /api/metrics', { query: { groupBy: 'month', ...period } });
  const categories = useApi('GET /api/metrics', { query: { groupBy: 'category', ...period } });
  const weights = useApi('GET /api/settings/metric-weights');

  const trend = useMemo(() => (months.data ? trendOption(months.data.groups, t) : null), [months.data, t]);
  const shares = useMemo(() => (categories.data ? sharesOption(categories.data.groups) : null), [categories.data]);
  const total = table.data?.total;
  const days = periodDays(range[0].toDate(), dayjs().toDate());

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        <Flex wrap gap={12} align="center">
          <Space wrap>
            <Typography.Text>{t('period')}</Typography.Text>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              aria-label={t('period')}
              data-testid="figures-period"
            />
          </Space>
          <Segmented<MetricGrouping>
            aria-label={t('groupBy')}
            data-testid="figures-group-by"
            value={groupBy}
            onChange={setGroupBy}
            options={METRIC_GROUPINGS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          />
        </Flex>
      </Flex>

      {weights.data && (
        <Flex wrap gap={8} align="center" data-testid="figures-weights">
          <Typography.Text type="secondary">{t('weights')}</Typography.Text>
          <Tag color="red">
            {t('weightsText', {
              response: formatWeight(weights.data.response),
              resolution: formatWeight(weights.data.resolution),
              satisfaction: formatWeight(weights.data.satisfaction),
              basic: formatWeight(weights.data.basicallySatisfiedWeight),
            })}
          </Tag>
        </Flex>
      )}

      {table.error ? (
        <PageError error={table.error} onRetry={table.reload} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(
              [
                ['registered', total ? String(total.counts.registered) : '—'],
                ['responseRate', formatRate(total?.rates.responseRate)],
                ['resolutionRate', formatRate(total?.rates.resolutionRate)],
                ['satisfactionRate', formatRate(total?.rates.satisfactionRate)],
                ['onTimeClosureRate', formatRate(total?.rates.onTimeClosureRate)],
                ['composite', formatRate(total?.rates.composite)],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} sm={8} lg={4}>
                <Card size="small">
                  <Statistic title={t(key)} value={value} loading={table.loading && !total} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={`${t('ranking')} · ${t(`group.${groupBy}`)}`} extra={table.data && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('asOf', { time: dayjs(table.data.asOf).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}>
            {table.data && table.data.total.counts.registered === 0 && !table.loading ? (
              <PageEmpty>{t('noData')}</PageEmpty>
            ) : (
              <RankingTable groups={table.data?.groups ?? []} total={total} loading={table.loading} />
            )}
          </Card>
        </>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('trend')}>
            {months.error ? <PageError error={months.error} onRetry={months.reload} /> : trend ? <EChart option={trend} testId="chart-trend" ariaLabel={t('trend')} key={locale} /> : <PageLoading />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('shares')}>
            {categories.error ? (
              <PageError error={categories.error} onRetry={categories.reload} />
            ) : !shares ? (
              <PageLoading />
            ) : categories.data?.total.counts.registered === 0 ? (
              <PageEmpty>{t('noData')}</PageEmpty>
            ) : (
              <EChart option={shares} testId="chart-shares" ariaLabel={t('shares')} />
            )}
          </Card>
        </Col>
      </Row>

      <ResolutionLevelsCard period={period} />
      {/* — service centre — */}
      <ServiceFiguresCard period={period} />

      <Card size="small" title={t('heat')} data-testid="figures-heat" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('heatHint', { days })}</Typography.Text>}>
        <CaseHeatMap days={days} ariaLabel={t('heat')} />
      </Card>
    </Space>
  );
}
