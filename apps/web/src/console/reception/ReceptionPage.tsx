import { holds, reachOf, type ReceptionSessionView } from '@lianxin/core';
import { Button, Card, Flex, List, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import { sessionWhen, splitSessions } from './reception-logic';
import { receptionMessages } from './reception.messages';
import SessionDrawer from './SessionDrawer';
import SessionForm from './SessionForm';
import { SessionStateTag } from './SessionStateTag';
import { PageHeader } from '../../shared/PageHeader';

type Tab = 'upcoming' | 'past';
const PAST_DAYS = 90;

/**
 * 领导接访: the reception sessions of the reader's area — upcoming soonest first, the last 90 days
 * latest first — and the session drawer (kept in the address as ?session=, so a reload keeps it).
 */
export default function ReceptionPage() {
  const t = useT(receptionMessages);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'past' ? 'past' : 'upcoming';
  const openId = params.get('session');
  const canPlan = holds(me.roles, 'field.manage');
  const [creating, setCreating] = useState(false);
  // One "now" per visit, rounded to the minute: the list's address must not change on every render.
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000));
  const list = useApi(
    'GET /api/reception/sessions',
    tab === 'upcoming' ? { query: { from: now.toISOString(), limit: 100 } } : { query: { from: new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString(), to: now.toISOString(), limit: 100 } },
  );
  const rows = useMemo(() => {
    const split = splitSessions(list.data?.items ?? [], now);
    return tab === 'upcoming' ? split.upcoming : split.past;
  }, [list.data, tab, now]);
  const areas = useApi('GET /api/areas', canPlan ? { query: { format: 'tree' } } : null);
  const plannable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'field.manage')), [areas.data, me.roles]);
  const weekdays = t('weekdays').split(',');

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canPlan && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="session-create">
              {t('create')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} align="center">
        <Segmented<Tab>
          value={tab}
          onChange={(v) => update({ tab: v === 'past' ? 'past' : null })}
          options={[
            { value: 'upcoming', label: t('upcoming') },
            { value: 'past', label: t('past') },
          ]}
          data-testid="session-tabs"
        />
        {tab === 'past' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pastHint')}
          </Typography.Text>
        )}
      </Flex>
      {list.error ? (
        <PageError error={list.error} onRetry={list.reload} />
      ) : (
        <Card size="small">
          <List<ReceptionSessionView>
            loading={list.loading}
            dataSource={rows}
            locale={{ emptyText: <PageEmpty>{tab === 'upcoming' ? t('emptyUpcoming') : t('emptyPast')}</PageEmpty> }}
            data-testid="session-list"
            renderItem={(s) => (
              <List.Item key={s.id} data-testid="session-row" data-id={s.id} style={{ cursor: 'pointer', display: 'block' }} onClick={() => update({ session: s.id })}>
                <Flex wrap gap={8} justify="space-between" align="center">
                  <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Flex wrap gap={8} align="center">
                      <Typography.Text strong>{sessionWhen(s, weekdays)}</Typography.Text>
                      <SessionStateTag session={s} now={now} />
                    </Flex>
                    <div style={{ overflowWrap: 'anywhere' }}>
                      {t('leaderIs', { name: s.leader.name })} · {s.areaName}
                      {s.topic ? ` · ${s.topic}` : ''}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                      {s.place} · {t('booked', { booked: s.booked, capacity: s.capacity })}
                    </Typography.Text>
                  </div>
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      update({ session: s.id });
                    }}
                    data-testid="session-open"
                  >
                    {t('open')}
                  </Button>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <SessionDrawer sessionId={openId} onClose={() => update({ session: null })} onChanged={list.reload} />
      {canPlan && (
        <SessionForm
          open={creating}
          onClose={() => setCreating(false)}
          areas={plannable}
          onSaved={(s) => {
            setCreating(false);
            list.reload();
            update({ session: s.id });
          }}
        />
      )}
    </Flex>
  );
}
