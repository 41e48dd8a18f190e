import { consultationLabel, type ConsultationDetail, MEETING_KINDS, OPINION_RESPONSES, type OpinionResponse } from '@lianxin/core';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { consultationsMessages } from './consultations.messages';
import { STATE_COLOR } from './ConsultationsPage';
import { CadreOpinionModal } from './CadreOpinionModal';
import { ResultsChart } from './ResultsChart';

type Voting = 'counts' | 'named' | 'none';

/** One consultation: results with charts, meetings (votes, sign-in), opinions, the decision with feedback, records. */
export default function ConsultationPage() {
  const { id } = useParams() as { id: string };
  const t = useT(consultationsMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [c, setC] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [meetingOpen, setMeetingOpen] = useState(false);
  const [decideOpen, setDecideOpen] = useState(false);
  const [opinionOpen, setOpinionOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [meetingForm] = Form.useForm();
  const [decisionForm] = Form.useForm();
  const voting = Form.useWatch('voting', meetingForm) as Voting | undefined;

  const load = () =>
    call('GET /api/consultations/:id', { params: { id } })
      .then(setC)
      .catch(setError);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, locale]);

  if (error) return <PageError error={error} onRetry={load} />;
  if (!c) return <PageLoading />;
  const optionLabel = new Map(c.options.map((o) => [o.id, o.label]));

  const saveMeeting = async () => {
    const v = await meetingForm.validateFields();
    setFormError(null);
    const attendees = String(v.attendees ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((line) => {
        const [name, pick] = line.split(/[:：]/);
        const option = pick ? c.options[Number(pick) - 1] : undefined;
        return { name: name.trim(), signedIn: true, ...(option && v.voting === 'named' ? { optionId: option.id } : {}) };
      });
    try {
      const next = await call('POST /api/consultations/:id/meetings', {
        params: { id },
        body: {
          kind: v.kind,
          heldAt: (v.heldAt as dayjs.Dayjs).toISOString(),
          place: v.place,
          minutes: v.minutes ?? '',
          isPublic: !!v.isPublic,
          voting: v.voting,
          counts: v.voting === 'counts' ? c.options.map((o, i) => ({ optionId: o.id, count: Number(v[`count${i}`] ?? 0) })) : [],
          attendees,
        },
      });
      setC(next);
      setMeetingOpen(false);
      meetingForm.resetFields();
    } catch (e) {
      setFormError(e instanceof ApiError ? e.title : String(e));
    }
  };

  const saveDecision = async () => {
    const v = await decisionForm.validateFields();
    setFormError(null);
    try {
      const next = await call('POST /api/consultations/:id/decision', {
        params: { id },
        body: {
          decision: v.decision,
          responses: c.opinions.map((o) => ({ opinionId: o.id, response: v[`response-${o.id}`] as OpinionResponse, reason: v[`reason-${o.id}`] ?? '' })),
        },
      });
      setC(next);
      setDecideOpen(false);
      message.success(t('decided'));
    } catch (e) {
      setFormError(e instanceof ApiError ? e.title : String(e));
    }
  };

  const signIn = async (meetingId: string, attendeeId: string) => {
    setC(await call('POST /api/consultations/:id/meetings/:meetingId/attendees/:attendeeId/sign-in', { params: { id, meetingId, attendeeId } }));
  };

  return (
    <Flex vertical gap={12} data-testid="consultation-page">
      <Link to="/consultations">{t('back')}</Link>
      <PageHeader
        title={c.title}
        subtitle={
          <>
            <Tag color={STATE_COLOR[c.state]} data-testid="consultation-state">
              {consultationLabel('state', c.state, locale)}
            </Tag>
            {c.areaName} · {c.opensOn} — {c.closesOn} · {consultationLabel('rule', c.rule, locale)}
          </>
        }
        testId="consultation-title"
        extra={
          <Flex gap={8} wrap>
            <a href={apiUrl('GET /api/consultations/:id/export.xlsx', { params: { id } })} data-testid="consultation-xlsx">
              {t('exportXlsx')}
            </a>
            <a href={apiUrl('GET /api/consultations/:id/record.:format', { params: { id, format: 'pdf' } })} data-testid="consultation-pdf">
              {t('recordPdf')}
            </a>
            <a href={apiUrl('GET /api/consultations/:id/record.:format', { params: { id, format: 'docx' } })}>{t('recordDocx')}</a>
            <a href={`/m/consultations/${c.id}`} target="_blank" rel="noreferrer">
              {t('portalLink')}
            </a>
            {c.may.manage && (
              <Button onClick={() => setMeetingOpen(true)} data-testid="meeting-add">
                {t('addMeeting')}
              </Button>
            )}
            {c.may.record && (
              <Button onClick={() => setOpinionOpen(true)} data-testid="opinion-add">
                {t('enterOpinion')}
              </Button>
            )}
            {c.may.decide && (
              <Button type="primary" onClick={() => setDecideOpen(true)} data-testid="decision-open">
                {t('decide')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        <Flex gap={16} align="start">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', flex: 1 }}>{c.background}</Typography.Paragraph>
          <a href={apiUrl('GET /api/consultations/:id/qr.png', { params: { id } })} title={t('qr')}>
            <img src={apiUrl('GET /api/consultations/:id/qr.png', { params: { id } })} alt={t('qr')} width={96} height={96} data-testid="consultation-qr" />
          </a>
        </Flex>
        {c.attachments.length > 0 && (
          <Flex gap={12} wrap style={{ marginBottom: 8 }}>
            {c.attachments.map((a) => (
              <a key={a.id} href={apiUrl('GET /api/consultations/:id/attachments/:attachmentId', { params: { id, attachmentId: a.id } })}>
                📎 {a.fileName}
              </a>
            ))}
          </Flex>
        )}
        {c.questions.length > 0 && (
          <ol>
            {c.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        )}
        {c.decision && (
          <Descriptions size="small" column={1} bordered items={[{ key: 'd', label: t('decision'), children: <span data-testid="consultation-decision">{c.decision}</span> }]} />
        )}
      </Card>
      <Card size="small" title={`${t('results')} · ${t('heard', { heard: c.results.householdsHeard, consulted: c.results.householdsConsulted })}`}>
        <Table
          size="small"
          rowKey="optionId"
          pagination={false}
          dataSource={c.results.byOption}
          data-testid="results-table"
          columns={[
            { key: 'label', title: t('colOption'), dataIndex: 'label' },
            { key: 'online', title: t('online'), dataIndex: 'online', width: 90 },
            { key: 'cadre', title: t('cadre'), dataIndex: 'cadre', width: 90 },
            { key: 'meetings', title: t('meetings'), dataIndex: 'meetings', width: 90 },
            { key: 'total', title: t('total'), width: 90, render: (_: unknown, r) => <span data-testid={`total-${r.label}`}>{r.total}</span> },
          ]}
        />
        <ResultsChart detail={c} />
      </Card>
      <Card size="small" title={t('meetings')}>
        {c.meetings.map((m) => (
          <Card key={m.id} type="inner" size="small" style={{ marginBottom: 8 }} data-testid="meeting-card" title={`${consultationLabel('meeting', m.kind, locale)} · ${dayjs(m.heldAt).format('YYYY-MM-DD HH:mm')} · ${m.place}`}>
            <div>{m.counts.map((k) => `${optionLabel.get(k.optionId)}：${k.count}`).join('；')}</div>
            {m.minutes && <Typography.Paragraph type="secondary">{m.minutes}</Typography.Paragraph>}
            <Link to={`/consultations/${id}/meetings/${m.id}/door`} data-testid="meeting-door">
              {t('door')}
            </Link>
            <Flex gap={6} wrap>
              {m.attendees.map((a) => (
                <Tag key={a.id} color={a.signedInAt ? 'green' : undefined}>
                  {a.name}
                  {a.optionId ? ` · ${optionLabel.get(a.optionId)}` : ''}
                  {!a.signedInAt && c.may.manage && (
                    <Button size="small" type="link" onClick={() => void signIn(m.id, a.id)}>
                      {t('signIn')}
                    </Button>
                  )}
                </Tag>
              ))}
            </Flex>
          </Card>
        ))}
      </Card>
      <Card size="small" title={t('opinions')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={c.opinions}
          onRow={() => ({ 'data-testid': 'opinion-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'channel', title: t('colChannel'), width: 130, render: (_: unknown, o) => <Tag color={o.channel === 'cadre' ? 'purple' : 'cyan'}>{consultationLabel('channel', o.channel, locale)}{o.recordedByName ? ` · ${o.recordedByName}` : ''}</Tag> },
            { key: 'household', title: t('colHousehold'), dataIndex: 'householdLabel', width: 200 },
            { key: 'option', title: t('colOption'), width: 160, render: (_: unknown, o) => (o.optionId ? optionLabel.get(o.optionId) : '—') },
            { key: 'text', title: t('colText'), dataIndex: 'text' },
            { key: 'response', title: t('colResponse'), width: 110, render: (_: unknown, o) => (o.response ? consultationLabel('response', o.response, locale) : '—') },
            { key: 'reason', title: t('colReason'), dataIndex: 'reason', width: 180 },
          ]}
        />
      </Card>

      <CadreOpinionModal c={c} open={opinionOpen} onClose={() => setOpinionOpen(false)} onSaved={setC} />
      <Modal open={meetingOpen} title={t('addMeeting')} onCancel={() => setMeetingOpen(false)} onOk={saveMeeting} okText={t('save')} cancelText={t('cancel')} okButtonProps={{ 'data-testid': 'meeting-save' } as Record<string, string>} destroyOnHidden>
        {formError && <div role="alert" style={{ color: '#c00' }}>{formError}</div>}
        <Form form={meetingForm} layout="vertical" initialValues={{ kind: 'forum', voting: 'counts', heldAt: dayjs(), isPublic: true }}>
          <Form.Item name="kind" label={t('meetingKind')}>
            <Select data-testid="meeting-kind" options={MEETING_KINDS.map((k) => ({ value: k, label: consultationLabel('meeting', k, locale) }))} />
          </Form.Item>
          <Form.Item name="heldAt" label={t('heldAt')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('place')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="voting" label={t('voting')}>
            <Select
              options={[
                { value: 'counts', label: t('votingCounts') },
                { value: 'named', label: t('votingNamed') },
                { value: 'none', label: t('votingNone') },
              ]}
            />
          </Form.Item>
          {voting === 'counts' &&
            c.options.map((o, i) => (
              <Form.Item key={o.id} name={`count${i}`} label={t('votesFor', { option: o.label })} initialValue={0}>
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          <Form.Item name="attendees" label={t('attendees')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="minutes" label={t('minutes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="isPublic" valuePropName="checked">
            <Checkbox>{t('isPublic')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={decideOpen} width={760} title={t('decisionTitle')} onCancel={() => setDecideOpen(false)} onOk={saveDecision} okText={t('decide')} cancelText={t('cancel')} okButtonProps={{ 'data-testid': 'decision-save' } as Record<string, string>} destroyOnHidden>
        {formError && <div role="alert" style={{ color: '#c00' }}>{formError}</div>}
        <Form form={decisionForm} layout="vertical">
          <Form.Item name="decision" label={t('decision')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="decision-text" />
          </Form.Item>
          {c.opinions.map((o, i) => (
            <Flex key={o.id} gap={8} align="start" data-testid="decision-opinion">
              <div style={{ flex: 2 }}>
                {i + 1}. {o.optionId ? `[${optionLabel.get(o.optionId)}] ` : ''}
                {o.text}
              </div>
              <Form.Item name={`response-${o.id}`} rules={[{ required: true }]} style={{ flex: 1 }} initialValue="adopted">
                <Select options={OPINION_RESPONSES.map((r) => ({ value: r, label: consultationLabel('response', r, locale) }))} />
              </Form.Item>
              <Form.Item name={`reason-${o.id}`} style={{ flex: 2 }}>
                <Input placeholder={t('colReason')} />
              </Form.Item>
            </Flex>
          ))}
        </Form>
      </Modal>
    </Flex>
  );
}
