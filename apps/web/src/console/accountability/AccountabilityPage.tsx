import { ACCOUNTABILITY_SOURCES, ACCOUNTABILITY_STATES, type AccountabilityRecordView as Line, type AccountabilitySource, type AccountabilityState, holds, label } from '@lianxin/core';
import { Button, DatePicker, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { UnitPicker } from '../admin/UnitPicker';
import { useMe } from '../shell/session';
import { accountabilityMessages } from './accountability.messages';
import { AppealDialog, CreateDialog, DecideDialog } from './AccountabilityDialogs';

const STATE_COLORS: Record<AccountabilityState, string> = { proposed: 'gold', appealed: 'purple', confirmed: 'red', withdrawn: 'default' };

/** 责任追究台账: filter by unit, source, state and period; decide (supervisor) or appeal (the unit's head). */
export default function AccountabilityPage() {
  const t = useT(accountabilityMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [source, setSource] = useState<AccountabilitySource | undefined>();
  const [state, setState] = useState<AccountabilityState | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [limit, setLimit] = useState(20);
  const query = { unitId: unitId ?? undefined, source, state, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), limit };
  const { data, error, loading, reload } = useApi('GET /api/accountability', { query });
  const [deciding, setDeciding] = useState<Line | null>(null);
  const [appealing, setAppealing] = useState<Line | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {holds(me.roles, 'accountability.decide') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} align="center">
        <div style={{ width: 220 }}>
          <UnitPicker allowClear placeholder={t('unit')} value={unitId} onChange={setUnitId} />
        </div>
        <Select allowClear placeholder={t('source')} aria-label={t('source')} value={source} onChange={setSource} style={{ width: 160 }} options={ACCOUNTABILITY_SOURCES.map((s) => ({ value: s, label: label('accountabilitySource', s, locale) }))} />
        <Select allowClear placeholder={t('state')} aria-label={t('state')} value={state} onChange={setState} style={{ width: 120 }} data-testid="state-filter" options={ACCOUNTABILITY_STATES.map((s) => ({ value: s, label: label('accountabilityState', s, locale) }))} />
        <DatePicker.RangePicker aria-label={t('period')} value={range} onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} />
      </Flex>
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Table<Line>
          data-testid="accountability-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('case'), key: 'case', render: (_, l) => <Link to={`/cases/${l.caseId}`}>{`${l.caseCode} ${l.caseTitle}`}</Link> },
            { title: t('unit'), dataIndex: 'unitName', render: (n: string | null) => n ?? '—' },
            { title: t('source'), dataIndex: 'source', render: (s: string) => <Tag>{label('accountabilitySource', s, locale)}</Tag> },
            { title: t('note'), dataIndex: 'note', render: (n: string | null) => <Typography.Text ellipsis={{ tooltip: n }} style={{ maxWidth: 220 }}>{n ?? ''}</Typography.Text> },
            {
              title: t('state'),
              dataIndex: 'state',
              render: (s: AccountabilityState, l) => (
                <Tooltip title={[l.appealText && `${t('appealText')}：${l.appealText}`, l.decisionReason && `${t('decisionReason')}：${l.decisionReason}`].filter(Boolean).join('\n')}>
                  <Tag color={STATE_COLORS[s]} data-testid="record-state">{label('accountabilityState', s, locale)}</Tag>
                </Tooltip>
              ),
            },
            { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, l) => (
                <Space size={4}>
                  {l.canDecide && <Button size="small" type="primary" onClick={() => setDeciding(l)}>{t('decide')}</Button>}
                  {l.canAppeal && <Button size="small" onClick={() => setAppealing(l)}>{t('appeal')}</Button>}
                </Space>
              ),
            },
          ]}
        />
      )}
      {data?.nextOffset != null && (
        <Button onClick={() => setLimit((n) => Math.min(100, n + 20))} disabled={limit >= 100}>
          {t('loadMore')}
        </Button>
      )}
      {deciding && <DecideDialog line={deciding} onClose={(done) => (setDeciding(null), done && reload())} />}
      {appealing && <AppealDialog line={appealing} onClose={(done) => (setAppealing(null), done && reload())} />}
      {creating && <CreateDialog onClose={(done) => (setCreating(false), done && reload())} />}
    </Space>
  );
}
