import { SettingOutlined } from '@ant-design/icons';
import { label, NOTICE_KINDS, type NoticeKind, type NoticeView } from '@lianxin/core';
import { App, Button, DatePicker, Flex, List, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { NoticeLine } from './NoticeLine';
import { useNoticeFeed } from './notice-feed';
import { noticesMessages } from './notices.messages';
import { openNotice } from './open-notice';

type StateFilter = 'all' | 'unread' | 'read';

/** 我的消息: every notice sent to the user, filtered; a click marks it read and opens its case or alert. */
export default function NoticesPage() {
  const t = useT(noticesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { latest, unread } = useNoticeFeed();
  const [state, setState] = useState<StateFilter>('all');
  const [kind, setKind] = useState<NoticeKind | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');

  const fetchPage = useCallback(
    (offset: number) => call('GET /api/notifications', { query: { unread: state === 'all' ? undefined : state === 'unread' ? 'true' : 'false', kind, from, to, offset, limit: 20 } }),
    // The language is in the request's header; a new one reloads through `locale`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state, kind, from, to, locale],
  );
  const { rows, next, loading, error, load } = useOffsetPages<NoticeView>(fetchPage);
  // Afresh on new filters, and when a notice arrives live.
  useEffect(() => {
    void load(0);
  }, [load, latest]);

  const go = async (notice: NoticeView) => {
    try {
      const href = await openNotice(notice);
      if (href) navigate(href);
      else void load(0);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const markAll = async () => {
    const { marked } = await call('POST /api/notifications/read-all');
    message.success(t('markedAll', { n: marked }));
    void load(0);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <PageHeader
        title={t('title')}
        subtitle={t('intro')}
        testId="notices-title"
        extra={
          <Space wrap>
            <Button onClick={markAll} disabled={!unread} data-testid="notices-mark-all">
              {t('markAllRead')}
            </Button>
            <Link to="/notices/settings">
              <Button icon={<SettingOutlined />}>{t('settings')}</Button>
            </Link>
          </Space>
        }
      />
      <Flex wrap gap={8} align="center">
        <Segmented<StateFilter>
          aria-label={t('state')}
          value={state}
          onChange={setState}
          options={(['all', 'unread', 'read'] as const).map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('kind')}
          aria-label={t('kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 150 }}
          options={NOTICE_KINDS.map((k) => ({ value: k, label: label('noticeKind', k, locale) }))}
          data-testid="notices-kind"
        />
        <DatePicker.RangePicker aria-label={t('period')} value={range} onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} />
      </Flex>
      {error ? (
        <PageError error={error} onRetry={() => load(0)} />
      ) : (
        <List<NoticeView>
          data-testid="notices-list"
          loading={loading}
          dataSource={rows}
          locale={{ emptyText: t('none') }}
          bordered
          style={{ background: '#fff' }}
          renderItem={(n) => (
            <List.Item
              onClick={() => go(n)}
              style={{ cursor: 'pointer', background: n.read ? undefined : '#f0f7ff', paddingInline: 12 }}
              data-testid="notice-item"
            >
              <NoticeLine notice={n} />
            </List.Item>
          )}
        />
      )}
      {next !== null && (
        <Button onClick={() => load(next)} loading={loading}>
          {t('loadMore')}
        </Button>
      )}
    </Space>
  );
}
