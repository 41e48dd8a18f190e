import { BULLETIN_KINDS, type BulletinKind, type BulletinSummary, holds, label } from '@lianxin/core';
import { App, Button, DatePicker, Flex, InputNumber, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { bulletinsMessages } from './bulletins.messages';

dayjs.extend(isoWeek);

/** The label of the period holding `day`: 2026-11 or 2026-W47. */
const periodLabel = (kind: BulletinKind, day: Dayjs) => (kind === 'monthly' ? day.format('YYYY-MM') : `${day.isoWeekYear()}-W${String(day.isoWeek()).padStart(2, '0')}`);

/** 定期通报: the list (drafts for their authors, published ones for the units), and generation on demand. */
export default function BulletinsPage() {
  const t = useT(bulletinsMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [limit, setLimit] = useState(20);
  const { data, error, loading, reload } = useApi('GET /api/bulletins', { query: { limit } });
  const [kind, setKind] = useState<BulletinKind>('monthly');
  const [day, setDay] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [minCases, setMinCases] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const manages = holds(me.roles, 'bulletin.manage');

  const generate = async () => {
    setBusy(true);
    try {
      const b = await call('POST /api/bulletins', { body: { kind, period: periodLabel(kind, day), minCases: minCases ?? undefined } });
      navigate(`/bulletins/${b.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      {manages && (
        <Flex wrap gap={8} align="center" data-testid="generate-form">
          <Segmented<BulletinKind> aria-label={t('kind')} value={kind} onChange={setKind} options={BULLETIN_KINDS.map((k) => ({ value: k, label: label('bulletinKind', k, locale) }))} />
          <DatePicker aria-label={t('period')} picker={kind === 'monthly' ? 'month' : 'week'} value={day} onChange={(d) => d && setDay(d)} allowClear={false} data-testid="period-picker" />
          <InputNumber aria-label={t('minCases')} placeholder={t('minCases')} min={1} max={1000} value={minCases} onChange={setMinCases} style={{ width: 200 }} />
          <Button type="primary" loading={busy} onClick={generate} data-testid="generate">
            {t('generate')}
          </Button>
        </Flex>
      )}
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Table<BulletinSummary>
          data-testid="bulletins-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('number'), dataIndex: 'number' },
            { title: t('bulletinTitle'), key: 'title', render: (_, b) => <Link to={`/bulletins/${b.id}`}>{b.title}</Link> },
            { title: t('kind'), dataIndex: 'kind', render: (k: string) => label('bulletinKind', k, locale) },
            { title: t('state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'published' ? 'green' : 'gold'}>{label('bulletinState', s, locale)}</Tag> },
            { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
            { title: t('publishedAt'), dataIndex: 'publishedAt', render: (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—') },
          ]}
        />
      )}
      {data?.nextOffset != null && <Button onClick={() => setLimit((n) => Math.min(100, n + 20))}>{t('loadMore')}</Button>}
    </Space>
  );
}
