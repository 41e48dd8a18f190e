import { consultationLabel } from '@lianxin/core';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { consultationsMessages } from './consultations.messages';

const POLL_MS = 3000;

/**
 * 扫码签到 at a meeting's door: the QR code to print or show on a screen (it opens the portal's
 * sign-in page of the meeting), and below it the sign-in list staff follow live (polled every 3 s;
 * not printed).
 */
export default function MeetingDoorPage() {
  const { id, meetingId } = useParams() as { id: string; meetingId: string };
  const t = useT(consultationsMessages);
  const { locale } = useLocale();
  const list = useApi('GET /api/consultations/:id/meetings/:meetingId/sign-ins', { params: { id, meetingId } });
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (!list.data) return list.error ? <PageError error={list.error} onRetry={reload} /> : <PageLoading />;
  const d = list.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900, margin: '0 auto', width: '100%' }}>
      <style>{'@media print { .door-no-print { display: none !important; } }'}</style>
      <Link className="door-no-print" to={`/consultations/${id}`}>
        ← {t('doorBack')}
      </Link>
      <Card style={{ textAlign: 'center' }} data-testid="door-card">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('doorTitle')}
        </Typography.Title>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {d.meeting.title}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>
          {consultationLabel('meeting', d.meeting.kind, locale)} · {dayjs(d.meeting.heldAt).format('YYYY-MM-DD HH:mm')} · {d.meeting.place}
        </Typography.Paragraph>
        <img src={apiUrl('GET /api/consultations/:id/meetings/:meetingId/door.png', { params: { id, meetingId } })} alt={t('door')} width={320} height={320} data-testid="door-qr" />
        <Typography.Paragraph style={{ fontSize: 18 }}>{t('doorScan')}</Typography.Paragraph>
        {!d.meeting.open && <Alert type="warning" showIcon title={t('doorClosed')} className="door-no-print" />}
        <Button className="door-no-print" onClick={() => window.print()}>
          {t('doorPrint')}
        </Button>
      </Card>
      <Card className="door-no-print" size="small" title={t('doorList')} extra={<span data-testid="door-count">{t('doorCount', { signedIn: d.signedIn, attendees: d.attendees })}</span>}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.items}
          data-testid="door-list"
          columns={[
            { key: 'name', title: t('doorName'), dataIndex: 'name' },
            { key: 'role', title: t('doorRole'), dataIndex: 'role', render: (r: string | null) => r ?? '—' },
            { key: 'at', title: t('doorTime'), dataIndex: 'signedInAt', render: (v: string | null) => (v ? dayjs(v).format('HH:mm:ss') : <Tag>{t('doorNotYet')}</Tag>) },
            { key: 'via', title: t('doorHow'), dataIndex: 'via', render: (v: 'door' | 'staff', r) => (r.signedInAt ? <Tag color={v === 'door' ? 'blue' : undefined}>{v === 'door' ? t('doorVia') : t('doorStaff')}</Tag> : null) },
          ]}
        />
      </Card>
    </Flex>
  );
}
