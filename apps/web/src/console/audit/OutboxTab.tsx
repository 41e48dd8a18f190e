import { OUTBOX_SMS_STATUSES, type OutboxMessageView as Sms } from '@lianxin/core';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useLoadMore } from '../../shared/use-load-more';
import { auditMessages } from './audit.messages';

type Status = (typeof OUTBOX_SMS_STATUSES)[number];
const STATUS_COLORS: Record<Status, string> = { pending: 'gold', sent: 'green', stored: 'blue', failed: 'red' };
const PAGE = 50;

/** The SMS outbox, newest first: masked phone, the text as sent (secrets masked), delivery state. */
export default function OutboxTab() {
  const t = useT(auditMessages);
  const [status, setStatus] = useState<Status | undefined>();
  // The outbox pages by creation instant: a full page means there may be more before its last.
  const fetchPage = useCallback(
    async (before: string | null) => {
      const { items } = await call('GET /api/outbox', { query: { status, limit: PAGE, ...(before ? { before } : {}) } });
      return { items, next: items.length === PAGE ? items[items.length - 1]!.createdAt : null };
    },
    [status],
  );
  const { items, loading, error, hasMore, loadMore, reload } = useLoadMore<Sms, string>(fetchPage);

  return (
    <Flex vertical gap={12}>
      <Select<Status>
        allowClear
        aria-label={t('status')}
        placeholder={t('allStatuses')}
        value={status}
        onChange={setStatus}
        style={{ width: 160 }}
        options={OUTBOX_SMS_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        data-testid="outbox-status"
      />
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Table<Sms>
          data-testid="outbox-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('phone'), dataIndex: 'phone', width: 120 },
            { title: t('body'), dataIndex: 'body', render: (b: string) => <Typography.Paragraph style={{ margin: 0, maxWidth: 520, fontSize: 13 }}>{b}</Typography.Paragraph> },
            { title: t('status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s as Status]}>{t(`status.${s as Status}`)}</Tag> },
            { title: t('attempts'), dataIndex: 'attempts', width: 80 },
            { title: t('sentAt'), dataIndex: 'sentAt', width: 150, render: (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm:ss') : '—') },
            { title: t('case'), dataIndex: 'caseId', width: 100, render: (id: string | null) => (id ? <Link to={`/cases/${id}`}>{t('openCase')}</Link> : null) },
          ]}
        />
      )}
      <Button onClick={loadMore} disabled={!hasMore || loading}>
        {hasMore ? t('more') : t('end')}
      </Button>
    </Flex>
  );
}
