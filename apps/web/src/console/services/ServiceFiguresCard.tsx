import { Card, Col, Row, Statistic, Table } from 'antd';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { servicesMessages } from './services.messages';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** The figures page's 便民服务 card: on-time rate, 群众不出村, mean days, satisfaction; by service, level and village. */
export function ServiceFiguresCard({ period }: { period: { from: string; to: string } }) {
  const t = useT(servicesMessages);
  const { data, error, reload } = useApi('GET /api/service-figures', { query: period });
  if (error) return <PageError error={error} onRetry={reload} />;
  const table = (title: string, rows: Array<{ key: string; label: string; count: number }>) => (
    <Col xs={24} md={8}>
      <Table size="small" rowKey="key" pagination={false} title={() => title} dataSource={rows.slice(0, 8)} columns={[{ key: 'label', dataIndex: 'label' }, { key: 'count', dataIndex: 'count', width: 60, align: 'right' }]} showHeader={false} />
    </Col>
  );
  return (
    <Card size="small" title={t('figures')} loading={!data} data-testid="service-figures">
      {data && (
        <>
          <Row gutter={12}>
            <Col xs={12} md={4}><Statistic title={t('total')} value={data.total} /></Col>
            <Col xs={12} md={5}><Statistic title={t('onTime')} value={pct(data.onTimeRate)} /></Col>
            <Col xs={12} md={5}><Statistic title={t('proxyShare')} value={pct(data.proxyShare)} /></Col>
            <Col xs={12} md={5}><Statistic title={t('meanDays')} value={data.meanDays ?? '—'} /></Col>
            <Col xs={12} md={5}><Statistic title={t('satisfaction')} value={pct(data.satisfaction)} /></Col>
          </Row>
          <Row gutter={12} style={{ marginTop: 12 }}>
            {table(t('byService'), data.byService)}
            {table(t('byLevel'), data.byLevel)}
            {table(t('byVillage'), data.byVillage)}
          </Row>
        </>
      )}
    </Card>
  );
}
