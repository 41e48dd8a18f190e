import type { ResolutionLevelsRow } from '@lianxin/core';
import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { type ChartOption, EChart } from './EChart';
import { formatRate } from './metrics-logic';
import { resolutionMessages } from './resolution-levels.messages';

/** 小事不出村、大事不出乡: the share of closed cases per level, per area, and the cases raised above level. */
export function ResolutionLevelsCard({ period }: { period: { from: string; to: string } }) {
  const t = useT(resolutionMessages);
  const { data, error, loading, reload } = useApi('GET /api/metrics/resolution-levels', { query: period });
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const rows = [...data.groups, data.total];
    const series = (['village', 'township', 'county'] as const).map((level) => ({
      name: t(level),
      type: 'bar',
      stack: 'levels',
      data: rows.map((r) => Math.round((r[`${level}Share`] ?? 0) * 1000) / 10),
    }));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((r) => r.label) },
      series,
    };
  }, [data, t]);

  return (
    <Card size="small" title={t('title')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hint')}</Typography.Text>} data-testid="resolution-levels">
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : !data || !option ? (
        <PageLoading />
      ) : data.total.closed === 0 ? (
        <PageEmpty>{t('noData')}</PageEmpty>
      ) : (
        <>
          <EChart option={option} height={Math.max(160, 40 * (data.groups.length + 1) + 60)} testId="chart-resolution-levels" ariaLabel={t('title')} />
          <Table<ResolutionLevelsRow>
            size="small"
            rowKey="key"
            loading={loading}
            pagination={false}
            dataSource={[...data.groups, data.total]}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('area'), dataIndex: 'label' },
              { title: t('closed'), dataIndex: 'closed', align: 'right' },
              { title: t('village'), key: 'v', align: 'right', render: (_, r) => `${r.village} · ${formatRate(r.villageShare)}` },
              { title: t('township'), key: 't', align: 'right', render: (_, r) => `${r.township} · ${formatRate(r.townshipShare)}` },
              { title: t('county'), key: 'c', align: 'right', render: (_, r) => `${r.county} · ${formatRate(r.countyShare)}` },
              { title: t('above'), key: 'a', align: 'right', render: (_, r) => `${r.aboveCompetent} · ${formatRate(r.aboveCompetentShare)}` },
            ]}
          />
        </>
      )}
    </Card>
  );
}
