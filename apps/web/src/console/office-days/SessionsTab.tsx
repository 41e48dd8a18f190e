import { holds, type OfficeDaySessionSummary } from '@lianxin/core';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useOffsetPages } from '../../shared/use-offset-pages';
import type { AreaOption } from '../field-work/area-options';
import { useMe } from '../shell/session';
import { isoWeekday } from '../stationing/weeks';
import GenerateDialog from './GenerateDialog';
import { groupByWeek, type OfficeDayFilters, type SessionWeek } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';
import AreaFilter from '../field-work/AreaFilter';
import PeriodFilter from '../field-work/PeriodFilter';

const PAGE = 100;

type Props = {
  filters: OfficeDayFilters;
  onChange: (patch: Partial<OfficeDayFilters>) => void;
  areas: AreaOption[];
  plannable: AreaOption[];
  today: string;
  /** Bumped when a session changed elsewhere (the drawer), so the counts reload. */
  reloadKey: number;
};

/** 办公场次: the sessions of the period by week, latest first; planners create them from the schedules. */
export default function SessionsTab({ filters, onChange, areas, plannable, today, reloadKey }: Props) {
  const t = useT(officeDayMessages);
  const { locale } = useLocale();
  const me = useMe();
  const canPlan = holds(me.roles, 'field.manage');
  const weekdays = t('weekdays').split(',');
  const [tick, setTick] = useState(0);
  const [generating, setGenerating] = useState(false);
  const { from, to, areaCode } = filters;

  // A page asked for under older filters never lands on the newer list.
  const fetchPage = useCallback((offset: number) => call('GET /api/office-days/sessions', { query: { from, to, areaCode, limit: PAGE, offset: offset || undefined } }), [from, to, areaCode]);
  const { rows, next, loading, error, load } = useOffsetPages(fetchPage);
  useEffect(() => void load(0), [load, tick, reloadKey, locale]);
  const weeks = useMemo(() => groupByWeek(rows, today), [rows, today]);

  const weekTitle = (w: SessionWeek) => {
    const range = t('weekRange', { from: w.monday, to: w.sunday });
    return w.tag ? `${t(w.tag === 'this' ? 'thisWeek' : w.tag === 'last' ? 'lastWeek' : 'nextWeek')} · ${range}` : range;
  };

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <PeriodFilter from={from} to={to} onChange={onChange} label={t('period')} testId="sessions-period" />
          <AreaFilter areas={areas} value={areaCode} onChange={(areaCode) => onChange({ areaCode })} placeholder={t('areaAll')} label={t('area')} testId="sessions-area" />
          {canPlan && (
            <Button type="primary" onClick={() => setGenerating(true)} style={{ marginInlineStart: 'auto' }} data-testid="sessions-generate">
              {t('generate')}
            </Button>
          )}
        </Flex>
      </Card>
      {error ? <PageError error={error} onRetry={() => setTick((n) => n + 1)} /> : null}
      {!error && loading && rows.length === 0 && <PageLoading />}
      {!error && !loading && rows.length === 0 && (
        <Card size="small">
          <Empty description={t('emptySessions')} />
        </Card>
      )}
      {weeks.map((w) => (
        <Card key={w.monday} size="small" title={<span style={{ whiteSpace: 'normal' }}>{weekTitle(w)}</span>} styles={{ body: { padding: '0 12px' } }} data-testid="session-week">
          <List<OfficeDaySessionSummary>
            dataSource={w.sessions}
            renderItem={(s) => (
              <List.Item
                key={s.id}
                data-testid="session-row"
                data-id={s.id}
                data-date={s.date}
                data-village={s.villageCode}
                style={{ cursor: 'pointer', flexWrap: 'wrap', gap: 8, background: s.date === today ? '#fff7e6' : undefined }}
                onClick={() => onChange({ session: s.id })}
              >
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Flex wrap gap={8} align="center">
                    <Typography.Text strong>
                      {s.date} {weekdays[isoWeekday(s.date) - 1]}
                    </Typography.Text>
                    {s.date === today && <Tag color="orange">{t('today')}</Tag>}
                    <Typography.Text>{s.villageName}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                    {s.place ?? t('noPlace')}
                  </Typography.Text>
                </div>
                <Flex gap={8} align="center" wrap>
                  {s.date > today ? (
                    <Tag>{t('upcoming')}</Tag>
                  ) : (
                    <>
                      <Tag color={s.attendees ? 'green' : 'warning'}>{t('attendees', { n: s.attendees })}</Tag>
                      <Tag color={s.cases ? 'blue' : 'default'}>{t('cases', { n: s.cases })}</Tag>
                    </>
                  )}
                  <Button size="small" onClick={(e) => (e.stopPropagation(), onChange({ session: s.id }))} data-testid="session-open">
                    {t('open')}
                  </Button>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {rows.length > 0 && (
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" data-testid="sessions-shown">
            {t('shown', { n: rows.length })}
          </Typography.Text>
          {next !== null && (
            <Button onClick={() => void load(next)} loading={loading}>
              {t('loadMore')}
            </Button>
          )}
        </Flex>
      )}
      <GenerateDialog
        open={generating}
        areas={plannable}
        today={today}
        onClose={() => setGenerating(false)}
        onDone={() => {
          setGenerating(false);
          setTick((n) => n + 1);
        }}
      />
    </Flex>
  );
}
