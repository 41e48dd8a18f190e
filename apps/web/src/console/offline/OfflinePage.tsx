import { Alert, App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { useMe } from '../shell/session';
import { ConflictCard } from './ConflictCard';
import { useOnline } from './network';
import type { QueueItem, QueueState, QueuedVisit } from './offline-db';
import { offlineMessages } from './offline.messages';
import { putItem, queueCase, removeItem, useQueue } from './offline-queue';
import { syncQueue } from './offline-sync';
import ReferenceCard from './ReferenceCard';

const STATE_COLOR: Record<QueueState, string> = { waiting: 'blue', syncing: 'processing', failed: 'red', conflict: 'orange', done: 'green' };
const STATE_TEXT = { waiting: 'stateWaiting', syncing: 'stateSyncing', failed: 'stateFailed', conflict: 'stateConflict', done: 'stateDone' } as const;
const KIND_TEXT = { visit: 'kindVisit', case: 'kindCase', household: 'kindHousehold', survey: 'kindSurvey' } as const;

/**
 * 离线待传: what waits on the phone (visits with their photos, problems to become cases, survey
 * answers given on visits, household edits), each with its state; "sync now"; conflicts to resolve; and the reference data kept for
 * reading without signal.
 */
export default function OfflinePage() {
  const t = useT(offlineMessages);
  const me = useMe();
  const online = useOnline();
  const { message } = App.useApp();
  const { items, counts, reload } = useQueue(me.userId);
  const [syncing, setSyncing] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const sync = async () => {
    setSyncing(true);
    setNote(null);
    try {
      const report = await syncQueue(me.userId);
      setNote(report.interrupted ? t('syncInterrupted', { n: report.synced }) : t('syncedN', { n: report.synced }));
    } catch (error) {
      setNote(String(error));
    } finally {
      setSyncing(false);
    }
  };

  const open = items.filter((i) => i.state !== 'done');
  const done = items.filter((i) => i.state === 'done').reverse();
  const visits = new Map(items.filter((i): i is QueuedVisit => i.kind === 'visit').map((v) => [v.id, v]));
  const casesOf = (visit: QueuedVisit) => new Set(items.filter((i) => i.kind === 'case' && i.visitItemId === visit.id).map((i) => (i.kind === 'case' ? i.problemSeq : 0)));

  const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  const render = (item: QueueItem) => (
    <List.Item key={item.id} data-testid="offline-item" data-state={item.state} data-kind={item.kind} style={{ display: 'block' }}>
      <Flex justify="space-between" gap={8} wrap>
        <Space wrap size={4}>
          <Tag>{t(KIND_TEXT[item.kind])}</Tag>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {item.label}
          </Typography.Text>
        </Space>
        <Tag color={STATE_COLOR[item.state]} data-testid="offline-item-state">
          {t(STATE_TEXT[item.state])}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('recordedAt', { time: when(item.createdAt) })}
        {item.kind === 'visit' && ` · ${t('photosN', { n: item.photos.length + item.body.photoIds.length })} · ${t('problemsN', { n: item.body.problems.length })}`}
      </Typography.Text>
      {item.error && item.state !== 'done' && item.state !== 'conflict' && <Alert type="error" title={item.error} style={{ marginTop: 6 }} showIcon />}
      {item.kind === 'visit' && item.state !== 'done' && item.body.problems.length > 0 && (
        <List
          size="small"
          dataSource={item.body.problems.map((p, i) => ({ ...p, seq: i + 1 }))}
          renderItem={(p) => (
            <List.Item key={p.seq} style={{ paddingInline: 0 }}>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{p.text}</Typography.Text>
                {casesOf(item).has(p.seq) ? (
                  <Tag color="green">{t('toCaseQueued')}</Tag>
                ) : p.categoryCode ? (
                  <Button size="small" onClick={() => void queueCase(item, p.seq)} data-testid="offline-to-case">
                    {t('toCase')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('toCaseNeedsCategory')}</Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {item.kind === 'household' && item.state === 'conflict' && item.theirs && <ConflictCard item={item} onResolved={() => message.success(t('resolved'))} />}
      <Space style={{ marginTop: 6 }} wrap>
        {item.kind === 'visit' && item.result && <Link to={`/visits/${item.result.visitId}`}>{t('openVisit')}</Link>}
        {item.kind === 'case' && item.result && <Link to={`/cases/${item.result.caseId}`} data-testid="offline-case-link">{t('openCase', { code: item.result.code })}</Link>}
        {item.kind === 'case' && !item.result && visits.get(item.visitItemId) && <Typography.Text type="secondary">{visits.get(item.visitItemId)!.label}</Typography.Text>}
        {item.kind === 'survey' && item.state === 'done' && <Link to={`/surveys/${item.surveyId}`}>{t('openSurvey')}</Link>}
        {item.state === 'failed' && (
          <Button size="small" onClick={() => void putItem({ ...item, state: 'waiting', error: undefined })}>
            {t('retry')}
          </Button>
        )}
        {item.state !== 'done' && item.state !== 'syncing' && (
          <Popconfirm title={t('removeConfirm')} onConfirm={() => void removeItem(item)}>
            <Button size="small" type="text">
              {t('remove')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </List.Item>
  );

  return (
    <Flex vertical gap={12} style={{ maxWidth: 760, margin: '0 auto', width: '100%', minWidth: 0 }} data-testid="offline-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small" data-testid="offline-status">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space wrap>
            <Tag color={online ? 'green' : 'red'} data-testid="offline-network">
              {online ? t('online') : t('offline')}
            </Tag>
            <Typography.Text strong data-testid="offline-waiting" data-count={counts.waiting}>
              {counts.waiting > 0 ? t('waitingCount', { n: counts.waiting }) : t('nothingWaiting')}
            </Typography.Text>
            {counts.conflict > 0 && <Tag color="orange">{t('conflictCount', { n: counts.conflict })}</Tag>}
            {counts.failed > 0 && <Tag color="red">{t('failedCount', { n: counts.failed })}</Tag>}
          </Space>
          <Button type="primary" size="large" loading={syncing} disabled={!online} onClick={() => void sync()} data-testid="offline-sync">
            {syncing ? t('syncing') : t('syncNow')}
          </Button>
        </Flex>
        {!online && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('syncOffline')}</Typography.Paragraph>}
        {note && <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="offline-note">{note}</Typography.Paragraph>}
      </Card>
      {open.length > 0 && (
        <Card size="small">
          <List dataSource={open} renderItem={render} data-testid="offline-queue" />
        </Card>
      )}
      {done.length > 0 && (
        <Card
          size="small"
          title={t('recentlySynced')}
          extra={
            <Button size="small" type="link" onClick={() => void Promise.all(done.map((d) => removeItem(d))).then(reload)}>
              {t('clearSynced')}
            </Button>
          }
        >
          <List dataSource={done.slice(0, 30)} renderItem={render} data-testid="offline-synced" />
        </Card>
      )}
      <ReferenceCard />
    </Flex>
  );
}
