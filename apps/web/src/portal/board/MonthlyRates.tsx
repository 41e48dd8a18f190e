import { Card, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { portalMessages } from '../portal.messages';
import { PortalError, PortalLoading } from '../PortalState';

/** A rate as a percentage, or a dash when there was nothing to measure. */
export const percent = (rate: number | null) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The last `count` months before `now` (China time), newest first, as YYYY-MM. */
export function recentMonths(now: Date, count = 12): string[] {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  let year = china.getUTCFullYear();
  let month = china.getUTCMonth(); // the previous month, 0-based + 1 − 1
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (month === 0) [year, month] = [year - 1, 12];
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
  }
  return out;
}

/**
 * A month's 响应率 / 解决率 / 满意率 for each unit, with the counts behind them (100 % of one case
 * is not 100 % of a hundred). Each unit is a block of its own, so every rate fits on a phone.
 */
export function MonthlyRates() {
  const t = useT(portalMessages);
  const [months] = useState(() => recentMonths(new Date()));
  const [month, setMonth] = useState<string | undefined>(undefined);
  const rates = useApi('GET /api/public/metrics', { query: month ? { month } : {} });
  const shown = month ?? rates.data?.month;
  const picker = (
    <Select
      size="small"
      aria-label={t('pickMonth')}
      data-testid="rates-month"
      value={shown}
      onChange={setMonth}
      options={[...new Set([...(shown ? [shown] : []), ...months])].sort().reverse().map((m) => ({ value: m, label: m }))}
      style={{ width: 110 }}
    />
  );
  const body = () => {
    if (rates.loading) return <PortalLoading />;
    if (rates.error || !rates.data) return <PortalError error={rates.error} onRetry={rates.reload} />;
    const rows = [...rates.data.units.filter((u) => u.assigned > 0), { ...rates.data.total, unitName: t('total') }];
    return (
      <List
        size="small"
        dataSource={rows}
        data-testid="rates-list"
        renderItem={(u) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <Typography.Text strong>{u.unitName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('rateCounts', { assigned: u.assigned, evaluated: u.evaluated })}
              </Typography.Text>
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4, marginTop: 4 }}>
              {(
                [
                  ['responseRate', u.responseRate],
                  ['resolutionRate', u.resolutionRate],
                  ['satisfactionRate', u.satisfactionRate],
                ] as const
              ).map(([key, value]) => (
                <div key={key} data-testid={`rate-${key}`}>
                  <div style={{ fontSize: 12, color: '#595959' }}>{t(key)}</div>
                  <div style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>{percent(value)}</div>
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
    );
  };
  return (
    <Card size="small" title={t('monthlyRates', { month: shown ?? '' })} extra={picker}>
      {body()}
    </Card>
  );
}
