import { type Coverage, holds, localDate } from '@lianxin/core';
import { Alert, Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaTreeOptions } from '../households/household-logic';
import { hasRole, useMe } from '../shell/session';
import AssignPanel from './AssignPanel';
import { campaignPhase, PHASE_COLORS, percentOf } from './campaign-logic';
import { campaignMessages } from './campaigns.messages';
import CoverageCard from './CoverageCard';
import TargetList from './TargetList';
import TargetsPanel from './TargetsPanel';

/**
 * One campaign: its coverage, and for planners over its area the target and assignment panels;
 * everyone sees the target list (their own part of it, as the API scopes it).
 */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const t = useT(campaignMessages);
  const me = useMe();
  const loaded = useApi('GET /api/campaigns/:id', { params: { id } });
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  // Bumped after targets or assignments change, so the list reloads.
  const [version, setVersion] = useState(0);
  useEffect(() => setCoverage(loaded.data?.coverage ?? null), [loaded.data]);
  const campaign = loaded.data;
  const canPlan = !!campaign && holds(me.roles, 'field.manage', campaign.areaCode);
  const areas = useApi('GET /api/areas', canPlan ? { query: { format: 'tree', root: campaign!.areaCode } } : null);
  const areaOptions = useMemo(() => areaTreeOptions(areas.data?.items ?? []), [areas.data]);
  const tags = useApi('GET /api/tags');

  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.reload} />;
  if (!campaign || !coverage) return <PageLoading />;

  const phase = campaignPhase(campaign.startsOn, campaign.endsOn, localDate(new Date()));
  const wholeView = holds(me.roles, 'field.read', campaign.areaCode);
  const cadreOnly = hasRole(me, 'stationed_cadre') && !canPlan;
  const changed = (c: Coverage) => {
    setCoverage(c);
    setVersion((n) => n + 1);
  };

  return (
    <Flex vertical gap={12}>
      <div style={{ minWidth: 0 }}>
        <Link to="/campaigns">← {t('back')}</Link>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="campaign-title">
            {campaign.name}
          </Typography.Title>
          <Tag color={PHASE_COLORS[phase]}>{t(`phase.${phase}`)}</Tag>
        </Flex>
        <Typography.Text type="secondary">
          {t('meta', { area: campaign.areaName, from: campaign.startsOn, to: campaign.endsOn })}
        </Typography.Text>
        {campaign.description && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{campaign.description}</Typography.Paragraph>}
      </div>
      {!wholeView && <Alert type="info" showIcon title={t('partialView')} />}
      <Card size="small">
        <Row gutter={[16, 12]} align="middle">
          <Col xs={8} md={5}>
            <Statistic title={t('summaryTotal')} value={coverage.total} data-testid="campaign-total" />
          </Col>
          <Col xs={8} md={5}>
            <Statistic title={t('summaryVisited')} value={coverage.visited} data-testid="campaign-visited" />
          </Col>
          <Col xs={8} md={5}>
            <Statistic title={t('summaryRate')} value={percentOf(coverage)} suffix="%" />
          </Col>
          <Col xs={24} md={9}>
            <Progress percent={percentOf(coverage)} status={coverage.total && coverage.visited === coverage.total ? 'success' : 'active'} />
          </Col>
        </Row>
      </Card>
      {canPlan && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <TargetsPanel campaignId={campaign.id} areas={areaOptions} tags={tags.data?.items ?? []} onAdded={(a) => changed(a.coverage)} />
          </Col>
          <Col xs={24} lg={12}>
            <AssignPanel campaign={campaign} coverage={coverage} areas={areaOptions} onAssigned={(a) => changed(a.coverage)} />
          </Col>
        </Row>
      )}
      <CoverageCard coverage={coverage} />
      <TargetList campaignId={campaign.id} coverage={coverage} tags={tags.data?.items ?? []} canVisit={holds(me.roles, 'field.write')} initialCadre={cadreOnly ? me.userId : undefined} version={version} />
    </Flex>
  );
}
