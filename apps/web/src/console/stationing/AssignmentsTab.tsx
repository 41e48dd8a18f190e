import { App, Button, Card, DatePicker, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type AssignmentView as Assignment, holds, reachOf } from '@lianxin/core';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { type AreaOption, areaOptions } from '../field-work/area-options';
import type { AreaNode } from '@lianxin/core';
import { useMe } from '../shell/session';
import { assignmentState } from './assignment-logic';
import AssignmentForm, { type FormMode } from './AssignmentForm';
import type { StationingFilters } from './stationing-query';
import { stationingMessages } from './stationing.messages';
import AreaFilter from '../field-work/AreaFilter';

const PAGE = 100;
const STATE_COLORS = { active: 'processing', upcoming: 'default', ended: 'success' } as const;

type Props = {
  filters: StationingFilters;
  onChange: (patch: Partial<StationingFilters>) => void;
  areas: AreaOption[];
  areaTree: AreaNode[];
  today: string;
};

/** 驻村安排: who is stationed where and when; planners station cadres, change and end assignments. */
export default function AssignmentsTab({ filters, onChange, areas, areaTree, today }: Props) {
  const t = useT(stationingMessages);
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const canPlan = holds(me.roles, 'field.manage');
  const villages = useMemo(() => areaOptions(areaTree, reachOf(me.roles, 'field.manage'), { villagesOnly: true }), [areaTree, me.roles]);
  const settings = useApi('GET /api/stationing/settings');
  const globalRule = settings.data?.minDaysPerWeek;
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState<{ mode: FormMode; assignment?: Assignment } | null>(null);
  const { areaCode, activeOn } = filters;

  const fetchPage = useCallback((offset: number) => call('GET /api/stationing/assignments', { query: { areaCode, activeOn, limit: PAGE, offset: offset || undefined } }), [areaCode, activeOn]);
  const { rows, setRows, next, loading, error, load } = useOffsetPages(fetchPage);
  // A new filter (or language: messages come from the server) starts from the first page.
  useEffect(() => void load(0), [load, tick, locale]);

  const saved = (a: Assignment) => {
    setEditing(null);
    message.success(t('saved'));
    setRows((prev) => (prev.some((r) => r.id === a.id) ? prev.map((r) => (r.id === a.id ? a : r)) : [a, ...prev]));
  };

  const columns: TableColumnsType<Assignment> = [
    { title: t('cadre'), key: 'cadre', width: 90, render: (_, a) => <span style={{ overflowWrap: 'anywhere' }}>{a.cadre.name}</span> },
    {
      title: t('village'),
      key: 'village',
      width: 130,
      render: (_, a) => (
        <div style={{ overflowWrap: 'anywhere' }}>
          {a.village.name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {a.township.name}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('period2'), key: 'period', width: 190, render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{a.startsOn} ~ {a.endsOn ?? t('endsOnOpen')}</span> },
    {
      title: t('minDays'),
      key: 'rule',
      width: 120,
      render: (_, a) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('requiredDays', { n: a.minDaysPerWeek })}
          {a.usesGlobalRule && <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {t('minDaysGlobalShort')}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('state'),
      key: 'state',
      width: 80,
      render: (_, a) => {
        const state = assignmentState(a, today);
        return <Tag color={STATE_COLORS[state]}>{t(state === 'active' ? 'stateActive' : state === 'upcoming' ? 'stateUpcoming' : 'stateEnded')}</Tag>;
      },
    },
    { title: t('note'), dataIndex: 'note', key: 'note', width: 200, render: (v: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
    ...(canPlan
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, a: Assignment) =>
              holds(me.roles, 'field.manage', a.village.code) && (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing({ mode: 'edit', assignment: a })} data-testid="assignment-edit">
                    {t('edit')}
                  </Button>
                  {assignmentState(a, today) !== 'ended' && (
                    <Button size="small" danger onClick={() => setEditing({ mode: 'end', assignment: a })} data-testid="assignment-end">
                      {t('end')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <AreaFilter areas={areas} value={areaCode} onChange={(areaCode) => onChange({ areaCode })} placeholder={t('areaAll')} label={t('area')} testId="assignments-area" />
          <DatePicker
            value={activeOn ? dayjs(activeOn) : null}
            onChange={(d) => onChange({ activeOn: d ? d.format('YYYY-MM-DD') : undefined })}
            placeholder={t('activeOn')}
            aria-label={t('activeOn')}
            title={t('activeOnHint')}
            style={{ flex: '0 1 180px' }}
            data-testid="assignments-active-on"
          />
          {canPlan && (
            <Button type="primary" onClick={() => setEditing({ mode: 'create' })} style={{ marginInlineStart: 'auto' }} data-testid="assignment-create">
              {t('create')}
            </Button>
          )}
        </Flex>
      </Card>
      {error ? (
        <PageError error={error} onRetry={() => setTick((n) => n + 1)} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Assignment>
            rowKey="id"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <PageEmpty>{t('emptyAssignments')}</PageEmpty> }}
            data-testid="assignment-table"
          />
          <Flex justify="space-between" align="center" style={{ padding: 8 }}>
            <Typography.Text type="secondary">{t('shown', { n: rows.length })}</Typography.Text>
            {next !== null && (
              <Button onClick={() => void load(next)} loading={loading}>
                {t('loadMore')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <AssignmentForm
        open={!!editing}
        mode={editing?.mode ?? 'create'}
        assignment={editing?.assignment}
        villages={villages}
        globalRule={globalRule}
        today={today}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
    </Flex>
  );
}
