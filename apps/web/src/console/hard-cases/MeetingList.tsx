import { MEETING_STATUSES, type MeetingStatus, type MeetingView } from '@lianxin/core';
import { Button, Flex, Segmented, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { hardCasesMessages } from './hard-cases.messages';

type StatusFilter = MeetingStatus | 'all';

/** The joint reviews the user organises (supervisors, leaders) or whose unit is invited, latest first. */
export function MeetingList() {
  const t = useT(hardCasesMessages);
  const [status, setStatus] = useState<StatusFilter>('all');
  const fetchPage = useCallback((offset: number) => call('GET /api/hard-case-meetings', { query: { status: status === 'all' ? undefined : status, offset, limit: 20 } }), [status]);
  const { rows, next, loading, error, load } = useOffsetPages(fetchPage);
  useEffect(() => void load(0), [load]);
  return (
    <Flex vertical gap={12}>
      <Segmented<StatusFilter>
        aria-label={t('status')}
        value={status}
        onChange={setStatus}
        options={[{ value: 'all', label: '—' }, ...MEETING_STATUSES.map((s) => ({ value: s as StatusFilter, label: t(`status.${s}`) }))]}
      />
      {error ? (
        <PageError error={error} onRetry={() => load(0)} />
      ) : (
        <Table<MeetingView>
          data-testid="meeting-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('noMeetings') }}
          columns={[
            { title: t('meetingTitle'), dataIndex: 'title', width: 220, render: (title: string, m) => <Link to={`/hard-cases/meetings/${m.id}`}>{title}</Link> },
            { title: t('number'), dataIndex: 'number', width: 110 },
            { title: t('scheduledAt'), dataIndex: 'scheduledAt', width: 140, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
            { title: t('place'), dataIndex: 'place', width: 180 },
            { title: t('chair'), dataIndex: ['chair', 'name'], width: 90 },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: MeetingStatus) => <Tag color={s === 'held' ? 'green' : 'blue'}>{t(`status.${s}`)}</Tag> },
            { title: t('agenda'), key: 'agenda', width: 110, render: (_: unknown, m) => t('decided', { d: m.decidedCount, n: m.caseCount }) },
          ]}
        />
      )}
      {next !== null && (
        <Button onClick={() => load(next)} loading={loading}>
          {t('loadMore')}
        </Button>
      )}
    </Flex>
  );
}
