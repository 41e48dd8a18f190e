import { label } from '@lianxin/core';
import { App, Button, Card, Checkbox, Radio, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { servicesMessages } from './services.messages';

type Vote = 'for' | 'against' | 'abstain';

/** 评议会: attendance, then a vote per application (each member present, once), judged by the item's quorum and majority. */
export default function ServiceMeetingPage() {
  const { id = '' } = useParams();
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const meeting = useApi('GET /api/service-meetings/:id', { params: { id } });
  const [m, setM] = useState(meeting.data);
  const [present, setPresent] = useState<number[]>([]);
  const [votes, setVotes] = useState<Record<string, Record<number, Vote>>>({});
  useEffect(() => {
    if (meeting.data) {
      setM(meeting.data);
      setPresent(meeting.data.members.filter((x) => x.present).map((x) => x.index));
    }
  }, [meeting.data]);
  if (!m && meeting.loading) return <PageLoading />;
  if (!m) {
    if (meeting.error instanceof ApiError && meeting.error.status === 403) return <Result status="403" title={meeting.error.title} />;
    return <PageError error={meeting.error} onRetry={meeting.reload} />;
  }
  const act = async (fn: () => Promise<typeof m>) => {
    try {
      setM(await fn());
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
    }
  };
  const attending = m.members.filter((x) => x.present);
  return (
    <>
      <Link to="/services?view=decide">← {t('back')}</Link>
      <Card size="small" style={{ marginTop: 12 }} title={m.title} extra={<Tag color={m.quorumMet ? 'green' : 'orange'}>{m.quorumMet ? t('quorumMet') : t('quorumNot')}</Tag>}>
        <Typography.Text type="secondary">
          {m.unitName} · {dayjs(m.heldAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('attendance')}：</Typography.Text>
          <Checkbox.Group value={present} onChange={(v) => setPresent(v as number[])} options={m.members.map((x) => ({ value: x.index, label: x.name + (x.role ? `（${x.role}）` : '') }))} data-testid="meeting-attendance" />
          <Button size="small" onClick={() => act(() => call('POST /api/service-meetings/:id/attendance', { params: { id }, body: { present } }))} data-testid="meeting-save-attendance">
            {t('saveAttendance')}
          </Button>
        </div>
      </Card>
      {m.applications.map((a) => (
        <Card key={a.id} size="small" style={{ marginTop: 12 }} title={`${a.number} ${a.itemName} ${a.applicantMasked}`} extra={a.outcome ? <Tag color={a.outcome === 'passed' ? 'green' : 'red'} data-testid="vote-outcome">{t(a.outcome === 'passed' ? 'passed' : 'failed')}</Tag> : <Tag>{label('serviceState', a.state, locale)}</Tag>} data-testid="meeting-application">
          {a.tally ? (
            <Typography.Text>
              {t('for')} {a.tally.for} · {t('against')} {a.tally.against} · {t('abstain')} {a.tally.abstain}
            </Typography.Text>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {attending.map((x) => (
                <div key={x.index}>
                  <span style={{ display: 'inline-block', minWidth: 80 }}>{x.name}</span>
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={votes[a.id]?.[x.index]}
                    onChange={(e) => setVotes((v) => ({ ...v, [a.id]: { ...(v[a.id] ?? {}), [x.index]: e.target.value } }))}
                    options={(['for', 'against', 'abstain'] as const).map((k) => ({ value: k, label: t(k) }))}
                  />
                </div>
              ))}
              <Button
                type="primary"
                size="small"
                disabled={!attending.length}
                data-testid="meeting-record-vote"
                onClick={() =>
                  act(() =>
                    call('POST /api/service-meetings/:id/votes', {
                      params: { id },
                      body: { applicationId: a.id, votes: attending.map((x) => ({ member: x.index, vote: votes[a.id]?.[x.index] ?? 'abstain' })) },
                    }),
                  )
                }
              >
                {t('recordVote')}
              </Button>
            </Space>
          )}
        </Card>
      ))}
    </>
  );
}
