import { Card, Table } from 'antd';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { portalMessages } from '../portal.messages';
import { PortalError, PortalLoading } from '../PortalState';

/** A rate as a percentage, or a dash when there was nothing to measure. */
export const percent = (rate: number | null) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Last month's 响应率 / 解决率 / 满意率 for each unit. */
export function MonthlyRates() {
  const t = useT(portalMessages);
  const rates = useApi('GET /api/public/metrics');
  if (rates.loading) return <PortalLoading />;
  if (rates.error || !rates.data) return <PortalError error={rates.error} onRetry={rates.reload} />;
  const rows = [...rates.data.units.filter((u) => u.assigned > 0), { ...rates.data.total, unitName: t('total') }];
  return (
    <Card size="small" title={t('monthlyRates', { month: rates.data.month })}>
      <Table
        size="small"
        rowKey="unitName"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t('unit'), dataIndex: 'unitName', ellipsis: true },
          { title: t('responseRate'), dataIndex: 'responseRate', render: percent, align: 'right' },
          { title: t('resolutionRate'), dataIndex: 'resolutionRate', render: percent, align: 'right' },
          { title: t('satisfactionRate'), dataIndex: 'satisfactionRate', render: percent, align: 'right' },
        ]}
      />
    </Card>
  );
}
