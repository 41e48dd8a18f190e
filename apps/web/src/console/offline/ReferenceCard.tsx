import { App, Button, Card, Collapse, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useMe } from '../shell/session';
import { useOnline } from './network';
import type { OfflineCampaign, OfflineHousehold } from './offline-db';
import { offlineMessages } from './offline.messages';
import { offlineCampaigns, referenceEvents, referenceInfo, type ReferenceInfo, refreshReference, searchOfflineHouseholds } from './offline-reference';

/** The reference data kept on the phone: the cadre's villages' households and campaign targets, readable without signal. */
export default function ReferenceCard() {
  const t = useT(offlineMessages);
  const me = useMe();
  const online = useOnline();
  const { message } = App.useApp();
  const [info, setInfo] = useState<ReferenceInfo | null>(null);
  const [q, setQ] = useState('');
  const [households, setHouseholds] = useState<OfflineHousehold[]>([]);
  const [campaigns, setCampaigns] = useState<OfflineCampaign[]>([]);
  const [refreshing, setRefreshing] = useState(false);

  const load = () => {
    void referenceInfo(me.userId).then(setInfo);
    void offlineCampaigns(me.userId).then(setCampaigns);
  };
  useEffect(() => {
    load();
    referenceEvents.addEventListener('change', load);
    return () => referenceEvents.removeEventListener('change', load);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.userId]);
  useEffect(() => {
    void searchOfflineHouseholds(me.userId, undefined, q, 20).then(setHouseholds);
  }, [me.userId, q, info]);

  const refresh = async () => {
    setRefreshing(true);
    try {
      setInfo(await refreshReference(me));
      load();
      message.success(t('refreshed'));
    } catch (error) {
      message.error(error instanceof ApiError ? error.title : String(error));
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <Card size="small" title={t('reference')} data-testid="offline-reference">
      <Typography.Paragraph type="secondary">{t('referenceHint')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text data-testid="offline-reference-info">
          {info?.refreshedAt ? t('referenceInfo', { households: info.households, campaigns: info.campaigns, surveys: info.surveys ?? 0, time: new Date(info.refreshedAt).toLocaleString() }) : t('referenceNone')}
        </Typography.Text>
        <Button onClick={() => void refresh()} loading={refreshing} disabled={!online} data-testid="offline-refresh">
          {t('refresh')}
        </Button>
      </Flex>
      {info?.refreshedAt && (
        <>
          <Input.Search allowClear placeholder={t('searchHouseholds')} aria-label={t('searchHouseholds')} onChange={(e) => setQ(e.target.value)} style={{ marginTop: 12 }} data-testid="offline-household-search" />
          <List
            size="small"
            dataSource={households}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHouseholds')} /> }}
            renderItem={(h) => (
              <List.Item key={h.id} data-testid="offline-household">
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{h.address}</Typography.Text>
                <Typography.Text type="secondary">{h.headName}</Typography.Text>
              </List.Item>
            )}
          />
          {campaigns.length > 0 && (
            <Collapse
              size="small"
              style={{ marginTop: 12 }}
              data-testid="offline-campaigns"
              items={campaigns.map((c) => ({
                key: c.id,
                label: (
                  <span>
                    {c.name} · {t('targets', { visited: c.targets.filter((x) => x.visitedAt).length, total: c.targets.length })}
                  </span>
                ),
                children: (
                  <List
                    size="small"
                    dataSource={c.targets}
                    renderItem={(x) => (
                      <List.Item key={x.householdId}>
                        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                          {x.areaName} {x.address} <Typography.Text type="secondary">{x.headName}</Typography.Text>
                        </Typography.Text>
                        <Tag color={x.visitedAt ? 'green' : 'default'}>{x.visitedAt ? t('visited') : t('notVisited')}</Tag>
                      </List.Item>
                    )}
                  />
                ),
              }))}
            />
          )}
        </>
      )}
    </Card>
  );
}
