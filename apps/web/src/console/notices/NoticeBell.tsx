import { BellOutlined } from '@ant-design/icons';
import type { NoticeView } from '@lianxin/core';
import { App, Badge, Button, Divider, Flex, Popover, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useLatest } from '../../shared/use-api';
import { NoticeLine } from './NoticeLine';
import { useNoticeFeed } from './notice-feed';
import { noticesMessages } from './notices.messages';
import { openNotice } from './open-notice';

/** How many notices the bell's dropdown shows. */
const LATEST = 6;

/** The header's bell: the live unread count, and a dropdown with the latest notices and 全部消息. */
export function NoticeBell() {
  const t = useT(noticesMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { unread, latest, live } = useNoticeFeed();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NoticeView[] | null>(null);
  const guard = useLatest();

  const load = useCallback(() => {
    guard(call('GET /api/notifications', { query: { limit: LATEST } })).then(
      ({ value, current }) => current && setItems(value.items),
      () => setItems([]),
    );
  }, [guard]);
  // Reload while open: on opening, and when a notice arrives or the count changes.
  useEffect(() => {
    if (open) load();
  }, [open, latest, unread, load]);

  const go = async (notice: NoticeView) => {
    setOpen(false);
    try {
      const href = await openNotice(notice);
      if (href) navigate(href);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const markAll = async () => {
    const { marked } = await call('POST /api/notifications/read-all');
    message.success(t('markedAll', { n: marked }));
    load();
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notice-dropdown">
      {items === null ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {items.map((n) => (
            <Button key={n.id} type="text" onClick={() => go(n)} style={{ height: 'auto', padding: '4px 6px', textAlign: 'start', whiteSpace: 'normal' }} block>
              <NoticeLine notice={n} compact />
            </Button>
          ))}
        </Flex>
      )}
      {!live && (
        <Typography.Text type="warning" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
          {t('offline')}
        </Typography.Text>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Flex justify="space-between" align="center">
        <Link to="/notices" onClick={() => setOpen(false)} data-testid="notice-all">
          {t('all')}
        </Link>
        <Button size="small" type="link" disabled={!unread} onClick={markAll}>
          {t('markAllRead')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('latest')} content={content}>
      <Button type="text" aria-label={unread ? t('bellUnread', { n: unread }) : t('bell')} data-testid="notice-bell" data-count={unread ?? undefined}>
        <Badge count={unread ?? 0} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
