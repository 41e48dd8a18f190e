import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { percent, type TownshipRow, townshipRows } from './report-logic';
import type { StationingReport } from '@lianxin/core';
import { stationingMessages } from './stationing.messages';

const RED = '#cf1322';
const GREEN = '#389e0d';

function Figure({ label, value, color, testId }: { label: string; value: string | number; color?: string; testId?: string }) {
  return (
    <div style={{ minWidth: 64 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 18, color }} data-testid={testId}>
        {value}
      </Typography.Text>
    </div>
  );
}

function Figures({ row }: { row: TownshipRow }) {
  const t = useT(stationingMessages);
  return (
    <Flex wrap gap={12}>
      <Figure label={t('cadres')} value={row.cadres} />
      <Figure label={t('compliant')} value={row.compliant} color={GREEN} />
      <Figure label={t('flagged')} value={row.flagged} color={row.flagged ? RED : undefined} testId="summary-flagged" />
      {row.pending > 0 && <Figure label={t('pending')} value={row.pending} />}
      <Figure label={t('rate')} value={percent(row.rate)} />
    </Flex>
  );
}

/**
 * 乡镇汇总: the whole report's figures, then one card per township — cards rather than a table,
 * so on a phone they stack instead of scrolling sideways.
 */
export default function TownshipSummary({ report, loading }: { report?: StationingReport; loading: boolean }) {
  const t = useT(stationingMessages);
  const rows = useMemo(() => (report ? townshipRows(report) : null), [report]);
  if (!rows) return loading ? <Skeleton active paragraph={{ rows: 2 }} /> : null;
  if (rows.townships.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="township-summary">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('summary')}
      </Typography.Title>
      <Row gutter={[8, 8]}>
        {/* One township is its own total. */}
        {rows.townships.length > 1 && (
          <Col xs={24} md={12} xl={8}>
            <Card size="small" title={t('total')} style={{ height: '100%', borderColor: '#ffccc7' }} data-testid="summary-total">
              <Figures row={rows.total} />
            </Card>
          </Col>
        )}
        {rows.townships.map((row) => (
          <Col key={row.code} xs={24} md={12} xl={8}>
            <Card size="small" title={<span translate="no" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{row.name}</span>} style={{ height: '100%' }} data-testid="summary-township" data-code={row.code}>
              <Figures row={row} />
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
