import { label, SUPERVISION_STATES, type SupervisionOrderView, type SupervisionState } from '@lianxin/core';
import { Button, Card, Flex, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { orderStateColor } from './CaseSupervisionPanel';
import { supervisionMessages } from './supervision.messages';

const VIEWS = ['all', 'mine', 'unit', 'overdue'] as const;
type View = (typeof VIEWS)[number];
const PAGE = 20;

/** 督办 page: orders issued by me, to my unit, or overdue, with their state and due date. */
export default function SupervisionPage() {
  const t = useT(supervisionMessages);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'all';
  const state = (SUPERVISION_STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as SupervisionState) : undefined;
  const [items, setItems] = useState<SupervisionOrderView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = async (offset: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call('GET /api/supervision/orders', { query: { view, ...(state ? { state } : {}), offset, limit: PAGE } });
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
      setNext(page.nextOffset);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, state, locale]);

  const setFilter = (key: string, value: string | undefined) => {
    const nextParams = new URLSearchParams(params);
    if (value) nextParams.set(key, value);
    else nextParams.delete(key);
    setParams(nextParams, { replace: true });
  };

  const columns: ColumnsType<SupervisionOrderView> = [
    { key: 'number', title: t('colNumber'), width: 190, render: (_: unknown, o) => <Link to={`/supervision/${o.id}`}>{o.number}</Link> },
    { key: 'level', title: t('colLevel'), width: 100, render: (_: unknown, o) => <Tag color={o.level === 'listed' ? 'red' : o.level === 'key' ? 'orange' : undefined}>{label('supervisionLevel', o.level, locale)}</Tag> },
    { key: 'unit', title: t('colUnit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      key: 'state',
      title: t('colState'),
      width: 150,
      render: (_: unknown, o) => (
        <>
          <Tag color={orderStateColor(o.state)}>{label('supervisionState', o.state, locale)}</Tag>
          {o.overdue && <Tag color="red">{t('overdue')}</Tag>}
        </>
      ),
    },
    { key: 'due', title: t('colDue'), width: 150, render: (_: unknown, o) => formatDue(o.responseDueAt) },
    { key: 'cases', title: t('colCases'), dataIndex: 'caseCount', width: 70 },
    { key: 'issued', title: t('colIssued'), width: 200, render: (_: unknown, o) => `${o.issuedByName} · ${formatDue(o.issuedAt)}` },
  ];

  return (
    <Flex vertical gap={12} data-testid="supervision-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} testId="supervision-title" />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={(v) => setFilter('view', v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: t('viewAll') },
              { value: 'mine', label: t('viewMine') },
              { value: 'unit', label: t('viewUnit') },
              { value: 'overdue', label: t('viewOverdue') },
            ]}
            data-testid="supervision-view"
          />
          <Select
            allowClear
            placeholder={t('stateAny')}
            value={state}
            style={{ width: 160 }}
            onChange={(v) => setFilter('state', v)}
            options={SUPERVISION_STATES.map((s) => ({ value: s, label: label('supervisionState', s, locale) }))}
          />
        </Flex>
        {error ? (
          <PageError error={error} onRetry={() => load(0)} />
        ) : (
          <Table<SupervisionOrderView> rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} scroll={{ x: 1000 }} locale={{ emptyText: t('empty') }} data-testid="supervision-table" />
        )}
        {next !== null && (
          <Button block style={{ marginTop: 8 }} onClick={() => load(next)} loading={loading}>
            {t('more')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}
