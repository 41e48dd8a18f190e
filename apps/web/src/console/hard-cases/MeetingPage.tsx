import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { label, type MeetingDetail } from '@lianxin/core';
import { App, Button, Card, Descriptions, Flex, Input, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { DecisionDialog } from './DecisionDialog';
import { hardCasesMessages } from './hard-cases.messages';

type AgendaItem = MeetingDetail['cases'][number];

/** One joint review (集中会审): its facts, the agenda with a decision per case, the minutes and their document. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const t = useT(hardCasesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const meeting = useApi('GET /api/hard-case-meetings/:id', { params: { id } });
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const m = meeting.data;
  useEffect(() => setMinutes(m?.minutes ?? ''), [m?.minutes]);

  if (!m && meeting.loading) return <PageLoading />;
  if (!m) {
    const e = meeting.error;
    const back = (
      <Link to="/hard-cases?tab=meetings">
        <Button type="primary">{t('back')}</Button>
      </Link>
    );
    if (e instanceof ApiError && e.status === 404) return <Result status="404" title={t('notFound')} extra={back} />;
    if (e instanceof ApiError && e.status === 403) return <Result status="403" title={t('noAccess')} extra={back} />;
    return <PageError error={e} onRetry={meeting.reload} />;
  }

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      meeting.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const saveMinutes = () => run(() => call('PATCH /api/hard-case-meetings/:id', { params: { id }, body: { minutes } }), t('saved'));
  const hold = () => run(() => call('POST /api/hard-case-meetings/:id/hold', { params: { id } }), t('held'));
  const fileHref = (format: 'pdf' | 'docx') => apiUrl('GET /api/hard-case-meetings/:id/minutes.:format', { params: { id, format }, query: { lang: locale } });

  return (
    <Flex vertical gap={12} data-testid="meeting-page">
      <Card size="small">
        <Flex vertical gap={8}>
          <Link to="/hard-cases?tab=meetings">
            <ArrowLeftOutlined /> {t('back')}
          </Link>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {m.title}
            </Typography.Title>
            <Tag color={m.status === 'held' ? 'green' : 'blue'} data-testid="meeting-status">
              {t(`status.${m.status}`)}
            </Tag>
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('number')}>{m.number}</Descriptions.Item>
            <Descriptions.Item label={t('scheduledAt')}>{dayjs(m.scheduledAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('place')}>{m.place}</Descriptions.Item>
            <Descriptions.Item label={t('chair')}>{m.chair.name}</Descriptions.Item>
            <Descriptions.Item label={t('units')}>{m.units.map((u) => u.name).join('、')}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={fileHref('pdf')} download data-testid="minutes-pdf">
              {t('download')} PDF
            </Button>
            <Button icon={<DownloadOutlined />} href={fileHref('docx')} download data-testid="minutes-docx">
              {t('download')} DOCX
            </Button>
            {m.canManage && (
              <Popconfirm title={t('hold')} description={t('holdConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={hold} okButtonProps={{ 'data-testid': 'meeting-hold-confirm' } as Record<string, string>}>
                <Button type="primary" loading={busy} data-testid="meeting-hold">
                  {t('hold')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Flex>
      </Card>
      <Card size="small" title={`${t('agenda')} · ${t('decided', { d: m.decidedCount, n: m.caseCount })}`}>
        <Table<AgendaItem>
          data-testid="agenda-table"
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={m.cases}
          onRow={(a) => ({ 'data-testid': 'agenda-row', 'data-code': a.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('code'), dataIndex: 'code', width: 170, render: (code: string, a) => <Link to={`/cases/${a.id}`}>{code}</Link> },
            { title: t('caseTitle'), dataIndex: 'title', width: 220, render: (title: string) => <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 220 }}>{title}</Typography.Text> },
            { title: t('state'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={stateColor(s)}>{label('state', s, locale)}</Tag> },
            { title: t('unit'), dataIndex: 'unitName', width: 150, render: (n: string | null) => n ?? '—' },
            {
              title: t('decision'),
              key: 'decision',
              width: 260,
              render: (_: unknown, a) =>
                a.decision ? (
                  <Space orientation="vertical" size={0}>
                    <Tag color="green" data-testid="agenda-decision">
                      {t(`decision.${a.decision}`)}
                    </Tag>
                    {a.decisionNote && <Typography.Text type="secondary">{a.decisionNote}</Typography.Text>}
                  </Space>
                ) : m.canManage ? (
                  <Button size="small" onClick={() => setDeciding(a)} data-testid="agenda-decide">
                    {t('decide')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('undecided')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('minutes')}>
        {m.canManage ? (
          <Flex vertical gap={8}>
            <Input.TextArea rows={6} maxLength={20_000} value={minutes} onChange={(e) => setMinutes(e.target.value)} placeholder={t('minutesPlaceholder')} data-testid="minutes-text" />
            <div>
              <Button onClick={saveMinutes} loading={busy} disabled={minutes === (m.minutes ?? '')} data-testid="minutes-save">
                {t('saveMinutes')}
              </Button>
            </div>
          </Flex>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="minutes-locked">
            {m.minutes || '—'}
          </Typography.Paragraph>
        )}
      </Card>
      {deciding && <DecisionDialog meetingId={id} caseRef={deciding} onClose={(done) => (setDeciding(null), done && meeting.reload())} />}
    </Flex>
  );
}
