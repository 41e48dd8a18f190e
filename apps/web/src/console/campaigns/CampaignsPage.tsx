import { type CampaignListItem, holds, localDate, reachOf } from '@lianxin/core';
import { Button, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { useMe } from '../shell/session';
import { campaignPhase, PHASE_COLORS } from './campaign-logic';
import { campaignMessages } from './campaigns.messages';
import CampaignForm from './CampaignForm';
import CoverageProgress from './CoverageProgress';
import { areaOptions } from '../field-work/area-options';
import { PageHeader } from '../../shared/PageHeader';

/** 专项活动: the campaigns that reach the reader's area, newest first, with their coverage. */
export default function CampaignsPage() {
  const t = useT(campaignMessages);
  const me = useMe();
  const navigate = useNavigate();
  const canPlan = holds(me.roles, 'field.manage');
  const [creating, setCreating] = useState(false);
  const areas = useApi('GET /api/areas', canPlan ? { query: { format: 'tree' } } : null);
  const plannable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'field.manage')), [areas.data, me.roles]);
  const today = localDate(new Date());

  const fetchPage = useCallback((offset: number) => call('GET /api/campaigns', { query: { limit: 20, offset } }), []);
  const { rows, next: nextOffset, loading, error, load } = useOffsetPages(fetchPage);
  useEffect(() => void load(0), [load]);

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canPlan && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('create')}
            </Button>
          )
        }
      />
      {error ? (
        <PageError error={error} onRetry={() => void load(0)} />
      ) : (
        <Card size="small">
          <List<CampaignListItem>
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: <PageEmpty>{t('empty')}</PageEmpty> }}
            data-testid="campaign-list"
            renderItem={(c) => {
              const phase = campaignPhase(c.startsOn, c.endsOn, today);
              return (
                <List.Item key={c.id} data-testid="campaign-row" data-id={c.id} style={{ display: 'block' }}>
                  <Row gutter={[12, 8]} align="middle">
                    <Col xs={24} md={14} style={{ minWidth: 0 }}>
                      <Flex gap={8} align="center" wrap>
                        <Link to={`/campaigns/${c.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                          {c.name}
                        </Link>
                        <Tag color={PHASE_COLORS[phase]} style={{ marginInlineEnd: 0 }}>
                          {t(`phase.${phase}`)}
                        </Tag>
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                        {c.areaName} · {c.startsOn} ~ {c.endsOn}
                      </Typography.Text>
                    </Col>
                    <Col xs={24} md={10}>
                      <CoverageProgress count={c.coverage} testId="campaign-row-coverage" />
                    </Col>
                  </Row>
                </List.Item>
              );
            }}
          />
          {nextOffset !== null && (
            <Flex justify="center" style={{ marginTop: 8 }}>
              <Button onClick={() => void load(nextOffset)} loading={loading}>
                {t('loadMore')}
              </Button>
            </Flex>
          )}
        </Card>
      )}
      {canPlan && (
        <CampaignForm
          open={creating}
          onClose={() => setCreating(false)}
          areas={plannable}
          onSaved={(c) => {
            setCreating(false);
            navigate(`/campaigns/${c.id}`);
          }}
        />
      )}
    </Flex>
  );
}
