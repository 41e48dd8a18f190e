import type { AuditEntryView as Entry, AuditVerifyView as Verify } from '@lianxin/core';
import { Alert, Button, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useLoadMore } from '../../shared/use-load-more';
import { auditActionLabel, subjectLabel } from './audit-labels';
import { auditMessages } from './audit.messages';

type Filter = { subjectType?: string; subjectId?: string };
const PAGE = 50;

/** The audit log, newest first, filtered by subject; "load more" walks back by sequence number. */
export default function AuditLogTab() {
  const t = useT(auditMessages);
  const { locale } = useLocale();
  const [filter, setFilter] = useState<Filter>({});
  const fetchPage = useCallback(
    async (before: number | null) => {
      const page = await call('GET /api/admin/audit', { query: { ...filter, limit: PAGE, ...(before ? { before } : {}) } });
      return { items: page.items, next: page.nextCursor };
    },
    [filter],
  );
  const { items, loading, error, hasMore, loadMore, reload } = useLoadMore<Entry, number>(fetchPage);

  return (
    <Flex vertical gap={12}>
      <VerifyChain />
      <Form layout="inline" onFinish={(v: Filter) => setFilter({ subjectType: v.subjectType?.trim() || undefined, subjectId: v.subjectId?.trim() || undefined })}>
        <Form.Item name="subjectType" label={t('subjectType')}>
          <Input allowClear placeholder="case / user / household" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="subjectId" label={t('subjectId')}>
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit">{t('filter')}</Button>
      </Form>
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Table<Entry>
          data-testid="audit-table"
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', width: 80 },
            { title: t('at'), dataIndex: 'at', width: 150, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('actor'), dataIndex: 'actorName', width: 110, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('system')}</Typography.Text> },
            { title: t('action'), dataIndex: 'action', width: 140, render: (a: string) => <Tag title={a}>{auditActionLabel(a, locale)}</Tag> },
            {
              title: t('subject'),
              key: 'subject',
              width: 200,
              render: (_: unknown, e: Entry) => (
                <span>
                  {subjectLabel(e.subjectType, locale)}{' '}
                  {e.subjectType === 'case' && e.subjectId ? <Link to={`/cases/${e.subjectId}`}>{e.subjectId.slice(0, 8)}</Link> : <Typography.Text code>{e.subjectId?.slice(0, 12)}</Typography.Text>}
                </span>
              ),
            },
            {
              title: t('detail'),
              dataIndex: 'detail',
              render: (d: unknown) => (d == null ? null : <Typography.Text ellipsis={{ tooltip: JSON.stringify(d, null, 1) }} style={{ maxWidth: 420, fontSize: 12 }}>{JSON.stringify(d)}</Typography.Text>),
            },
          ]}
        />
      )}
      <Button onClick={loadMore} disabled={!hasMore || loading}>
        {hasMore ? t('more') : t('end')}
      </Button>
    </Flex>
  );
}

/** The verification of the keyed chain against its head and the signed checkpoints, on demand. */
function VerifyChain() {
  const t = useT(auditMessages);
  const [result, setResult] = useState<Verify | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await call('GET /api/admin/audit/verify', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <div>
        <Button type="primary" loading={busy} onClick={verify} data-testid="audit-verify">
          {busy ? t('verifying') : t('verify')}
        </Button>
      </div>
      {error ? <PageError error={error} onRetry={verify} /> : null}
      {result && (
        <Alert
          data-testid="audit-verify-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.ok ? t('verify.ok', { entries: result.entries, checkpoints: result.checkpoints }) : t('verify.broken', { seq: result.brokenAt ?? '—', problem: result.problem ? t(`problem.${result.problem}`) : '' })}
          description={result.checkpoint ? t('checkpoint', { seq: result.checkpoint.seq, at: dayjs(result.checkpoint.at).format('YYYY-MM-DD HH:mm') }) : t('noCheckpoint')}
        />
      )}
    </Flex>
  );
}
