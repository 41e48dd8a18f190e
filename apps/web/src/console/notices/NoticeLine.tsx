import { label, type NoticeView } from '@lianxin/core';
import { Badge, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLocale } from '../../i18n/i18n';

/** Colours of the kinds that call for attention. */
const KIND_COLORS: Record<string, string> = { risk: 'red', escalation: 'volcano', due_soon: 'orange', alert: 'magenta', supervision: 'red', urge: 'orange', instruction: 'purple' };

/** One notice: kind, text (bold with a dot while unread), time. */
export function NoticeLine({ notice, compact }: { notice: NoticeView; compact?: boolean }) {
  const { locale } = useLocale();
  return (
    <Flex gap={8} align="flex-start" style={{ width: '100%' }} data-testid="notice-line" data-read={notice.read ? 'true' : 'false'}>
      <Badge status={notice.read ? 'default' : 'processing'} style={{ marginTop: 6 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong={!notice.read} type={notice.read ? 'secondary' : undefined} style={{ overflowWrap: 'anywhere' }} ellipsis={compact ? { tooltip: notice.text } : false}>
          {notice.text}
        </Typography.Text>
        <div>
          <Tag color={KIND_COLORS[notice.kind]} style={{ marginInlineEnd: 6 }}>
            {label('noticeKind', notice.kind, locale)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(notice.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </div>
      </div>
    </Flex>
  );
}
