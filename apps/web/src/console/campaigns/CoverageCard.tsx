import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { PageEmpty } from '../../shared/PageState';
import { type CoverageRow, coverageRows } from './campaign-logic';
import type { Coverage } from '@lianxin/core';
import { campaignMessages } from './campaigns.messages';

function Bars({ title, rows, testId, unassignedLabel }: { title: string; rows: CoverageRow[]; testId: string; unassignedLabel: string }) {
  return (
    <Flex vertical gap={6} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {rows.map((r) => (
        <div key={r.key} data-testid={`${testId}-row`} data-name={r.name ?? ''} data-visited={r.visited} data-total={r.total}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text type={r.name ? undefined : 'secondary'} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {r.name ?? unassignedLabel}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {r.visited} / {r.total}
            </Typography.Text>
          </Flex>
          <Progress percent={r.percent} size="small" showInfo={false} status={r.total && r.visited === r.total ? 'success' : 'normal'} />
        </div>
      ))}
    </Flex>
  );
}

/** 覆盖进度: visited / targets per village and per cadre, the ones lagging first. */
export default function CoverageCard({ coverage }: { coverage: Coverage }) {
  const t = useT(campaignMessages);
  const { villages, cadres } = useMemo(() => coverageRows(coverage), [coverage]);
  return (
    <Card size="small" title={t('coverageTitle')}>
      {coverage.total === 0 ? (
        <PageEmpty>{t('coverageEmpty')}</PageEmpty>
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Bars title={t('byVillage')} rows={villages} testId="coverage-village" unassignedLabel={t('unassigned')} />
          </Col>
          <Col xs={24} lg={12}>
            <Bars title={t('byCadre')} rows={cadres} testId="coverage-cadre" unassignedLabel={t('unassigned')} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
