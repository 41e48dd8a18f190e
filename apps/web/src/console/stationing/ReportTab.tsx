import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { apiUrl } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import StaffSelect from '../field-work/StaffSelect';
import type { AreaOption } from '../field-work/area-options';
import ComplianceTable from './ComplianceTable';
import { periodPresets, type PeriodPreset, reportQuery, type StationingFilters } from './stationing-query';
import { stationingMessages } from './stationing.messages';
import TownshipSummary from './TownshipSummary';
import AreaFilter from '../field-work/AreaFilter';
import PeriodFilter from '../field-work/PeriodFilter';

const PRESET_LABELS: Record<PeriodPreset, 'presetLastWeek' | 'presetLast4' | 'presetLast8' | 'presetLast13' | 'presetThisWeek'> = {
  lastWeek: 'presetLastWeek',
  last4: 'presetLast4',
  last8: 'presetLast8',
  last13: 'presetLast13',
  thisWeek: 'presetThisWeek',
};

type Props = {
  filters: StationingFilters;
  onChange: (patch: Partial<StationingFilters>) => void;
  areas: AreaOption[];
  today: string;
};

/** 履职情况: the period, area and cadre filters, the township summary and the week-by-week table. */
export default function ReportTab({ filters, onChange, areas, today }: Props) {
  const t = useT(stationingMessages);
  const input = { query: reportQuery(filters) };
  const report = useApi('GET /api/stationing/report', input);
  const presets = useMemo(
    () => periodPresets(today).map((p) => ({ label: t(PRESET_LABELS[p.key]), value: [dayjs(p.from), dayjs(p.to)] as [dayjs.Dayjs, dayjs.Dayjs] })),
    [today, t],
  );
  const data = report.data;

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <PeriodFilter from={filters.from} to={filters.to} onChange={onChange} label={t('period')} presets={presets} testId="report-period" />
          <AreaFilter areas={areas} value={filters.areaCode} onChange={(areaCode) => onChange({ areaCode })} placeholder={t('areaAll')} label={t('area')} style={{ flex: '1 1 180px' }} testId="report-area" />
          <div style={{ flex: '1 1 180px', minWidth: 0 }}>
            <StaffSelect role="stationed_cadre" value={filters.cadre} onChange={(id) => onChange({ cadre: id || undefined })} placeholder={t('cadreAll')} testId="report-cadre" />
          </div>
          <Checkbox checked={filters.flaggedOnly} onChange={(e) => onChange({ flaggedOnly: e.target.checked })} data-testid="report-flagged-only">
            {t('flaggedOnly')}
          </Checkbox>
          <Tooltip title={t('exportHint')}>
            <Button icon={<DownloadOutlined />} href={apiUrl('GET /api/stationing/report.xlsx', input)} download data-testid="report-export">
              {t('export')}
            </Button>
          </Tooltip>
        </Flex>
        {data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12, overflowWrap: 'anywhere' }}>
            {t('ruleHint', { n: data.minDaysPerWeekDefault })}
          </Typography.Text>
        )}
      </Card>
      {report.error ? (
        <PageError error={report.error} onRetry={report.reload} />
      ) : (
        <>
          <TownshipSummary report={data} loading={report.loading} />
          <ComplianceTable report={data} loading={report.loading} flaggedOnly={filters.flaggedOnly} today={today} />
        </>
      )}
    </Flex>
  );
}
