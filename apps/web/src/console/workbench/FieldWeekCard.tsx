import { addLocalDays, localDate, mondayOf } from '@lianxin/core';
import { Card, Col, Empty, Flex, Progress, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi, useLatest } from '../../shared/use-api';
import { workbenchMessages } from './workbench.messages';

/** A campaign still running, and how many of its targets given to this cadre are not yet visited. */
interface CampaignDue {
  id: string;
  name: string;
  endsOn: string;
  total: number;
  visited: number;
}

/**
 * 本周驻村: what a stationed cadre owes this week — days present in each village against the rule
 * (check-ins and visits count), and the households of running campaigns still to visit.
 */
export function FieldWeekCard({ userId }: { userId: string }) {
  const t = useT(workbenchMessages);
  const today = localDate(new Date());
  const from = mondayOf(today);
  const to = addLocalDays(from, 6);
  const report = useApi('GET /api/stationing/report', { query: { from, to, cadre: userId } });
  const campaigns = useApi('GET /api/campaigns', { query: { limit: 50 } });
  const [due, setDue] = useState<CampaignDue[] | null>(null);
  const latest = useLatest();

  useEffect(() => {
    if (!campaigns.data) return;
    const running = campaigns.data.items.filter((c) => c.startsOn <= today && c.endsOn >= today).slice(0, 8);
    latest(
      Promise.all(
        running.map(async (c) => {
          const coverage = await call('GET /api/campaigns/:id/coverage', { params: { id: c.id } });
          const mine = coverage.byCadre.find((b) => b.cadre?.id === userId);
          return { id: c.id, name: c.name, endsOn: c.endsOn, total: mine?.total ?? 0, visited: mine?.visited ?? 0 };
        }),
      ),
    ).then(
      ({ value, current }) => current && setDue(value.filter((c) => c.total > 0)),
      () => setDue([]),
    );
  }, [campaigns.data, today, userId, latest]);

  const assignments = report.data?.cadres.filter((c) => c.cadre.id === userId) ?? [];
  return (
    <Card size="small" title={t('fieldWeek', { from, to })} data-testid="field-week">
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('stationingDays')}</Typography.Text>
          {report.loading ? null : assignments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noStationing')} />
          ) : (
            assignments.map((a) => (
              <Flex key={a.assignmentId} vertical gap={2} style={{ marginTop: 8 }} data-testid="stationing-days">
                <Flex justify="space-between" gap={8}>
                  <Typography.Text>{a.village.name}</Typography.Text>
                  <Typography.Text type={a.daysPresent >= a.minDaysPerWeek ? 'success' : 'warning'}>{t('daysPresent', { n: a.daysPresent, min: a.minDaysPerWeek })}</Typography.Text>
                </Flex>
                <Progress percent={Math.min(100, Math.round((a.daysPresent / Math.max(1, a.minDaysPerWeek)) * 100))} showInfo={false} size="small" aria-label={t('daysPresent', { n: a.daysPresent, min: a.minDaysPerWeek })} />
              </Flex>
            ))
          )}
          <Link to="/visits/new">{t('recordVisit')}</Link>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('campaignVisits')}</Typography.Text>
          {due === null ? null : due.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noCampaignVisits')} />
          ) : (
            due.map((c) => (
              <Flex key={c.id} justify="space-between" gap={8} style={{ marginTop: 8 }} data-testid="campaign-due">
                <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                <Typography.Text type={c.visited < c.total ? 'warning' : 'success'}>{t('visitsLeft', { left: c.total - c.visited, total: c.total, end: c.endsOn })}</Typography.Text>
              </Flex>
            ))
          )}
        </Col>
      </Row>
    </Card>
  );
}
