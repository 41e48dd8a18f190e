import { holds, label, MENTOR_RECORD_KINDS, REVIEW_RATINGS } from '@lianxin/core';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import StaffSelect from '../field-work/StaffSelect';
import { useMe } from '../shell/session';
import { cadresMessages } from './cadres.messages';

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** One pair: the mentee's records with the mentor's comments, and the closing review. */
function PairDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT(cadresMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data: p, reload } = useApi('GET /api/mentoring/pairs/:id', { params: { id } });
  const run = async (step: () => Promise<unknown>) => {
    try {
      await step();
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Drawer open width={640} title={p ? `${p.mentorName} → ${p.menteeName}` : ''} onClose={onClose} data-testid="pair-drawer">
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{`${t('goals')}：${p.goals}（${p.startsOn} — ${p.endsOn}）`}</Typography.Paragraph>
          <List
            header={t('records')}
            dataSource={p.records}
            locale={{ emptyText: t('none') }}
            renderItem={(r) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <span>{`${r.occurredOn} · ${label('mentorRecord', r.kind, locale)}：${r.text}`}</span>
                  {r.mentorComment && <Typography.Text type="secondary">{`${t('comment')}：${r.mentorComment}`}</Typography.Text>}
                  {p.canComment && !r.mentorComment && (
                    <Input.Search enterButton={t('addComment')} placeholder={t('comment')} onSearch={(text) => text.trim() && run(() => call('POST /api/mentoring/records/:id/comment', { params: { id: r.id }, body: { text } }))} />
                  )}
                </Space>
              </List.Item>
            )}
          />
          {p.canRecord && (
            <Form layout="vertical" onFinish={(v: { kind: (typeof MENTOR_RECORD_KINDS)[number]; text: string; occurredOn: Dayjs }) => run(() => call('POST /api/mentoring/pairs/:id/records', { params: { id }, body: { kind: v.kind, text: v.text, occurredOn: ymd(v.occurredOn) } }))} initialValues={{ kind: 'visit', occurredOn: dayjs() }}>
              <Space wrap>
                <Form.Item name="kind" label={t('recordKind')}>
                  <Select style={{ width: 140 }} options={MENTOR_RECORD_KINDS.map((k) => ({ value: k, label: label('mentorRecord', k, locale) }))} />
                </Form.Item>
                <Form.Item name="occurredOn" label={t('occurredOn')}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item name="text" label={t('recordText')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit">{t('record')}</Button>
            </Form>
          )}
          {p.state === 'closed' ? (
            <Typography.Paragraph>{`${t('close')}：${p.review}（${label('reviewRating', p.reviewRating ?? '', locale)}）`}</Typography.Paragraph>
          ) : (
            p.canClose && (
              <Form layout="vertical" onFinish={(v: { review: string; rating: (typeof REVIEW_RATINGS)[number] }) => run(() => call('POST /api/mentoring/pairs/:id/close', { params: { id }, body: v }))}>
                <Form.Item name="review" label={t('close')} rules={[{ required: true, min: 2 }]}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name="rating" label={t('rating')} rules={[{ required: true }]}>
                  <Select style={{ width: 140 }} options={REVIEW_RATINGS.map((r) => ({ value: r, label: label('reviewRating', r, locale) }))} />
                </Form.Item>
                <Button htmlType="submit">{t('close')}</Button>
              </Form>
            )
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 拜师认徒与培训: the pairs (the area's and one's own), training sessions and yearly hours. */
export default function MentoringPage() {
  const t = useT(cadresMessages);
  const me = useMe();
  const { message } = App.useApp();
  const manages = holds(me.roles, 'mentoring.manage');
  const year = dayjs().year();
  const pairs = useApi('GET /api/mentoring/pairs');
  const sessions = useApi('GET /api/training/sessions', manages ? { query: { year } } : null);
  const hours = useApi('GET /api/training/hours', { query: manages ? { year } : { year, userId: me.userId } });
  const [open, setOpen] = useState<string | null>(null);
  const [attendFor, setAttendFor] = useState<string | null>(null);
  const [people, setPeople] = useState<string[]>([]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.title : String(e));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('mentoring')}
      </Typography.Title>
      <Card size="small" title={t('pairs')}>
        <Table
          data-testid="pairs-table"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={pairs.data?.items}
          columns={[
            { title: t('mentor'), dataIndex: 'mentorName' },
            { title: t('mentee'), key: 'mentee', render: (_, p) => <Button type="link" onClick={() => setOpen(p.id)}>{p.menteeName}</Button> },
            { title: t('unitName'), dataIndex: 'unitName' },
            { title: t('range'), key: 'range', render: (_, p) => `${p.startsOn} — ${p.endsOn}` },
            { title: t('state'), dataIndex: 'state', render: (s: string) => <Tag>{s}</Tag> },
          ]}
        />
        {manages && (
          <Form
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={async (v: { mentorUserId: string; menteeUserId: string; goals: string; range: [Dayjs, Dayjs] }) => {
              try {
                const p = await call('POST /api/mentoring/pairs', { body: { mentorUserId: v.mentorUserId, menteeUserId: v.menteeUserId, goals: v.goals, startsOn: ymd(v.range[0]), endsOn: ymd(v.range[1]) } });
                pairs.reload();
                setOpen(p.id);
              } catch (e) {
                fail(e);
              }
            }}
          >
            <Form.Item name="mentorUserId" label={t('mentor')} rules={[{ required: true }]} style={{ width: 220 }}>
              <StaffSelect />
            </Form.Item>
            <Form.Item name="menteeUserId" label={t('mentee')} rules={[{ required: true }]} style={{ width: 220 }}>
              <StaffSelect />
            </Form.Item>
            <Form.Item name="goals" label={t('goals')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="range" label={t('range')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('newPair')}
            </Button>
          </Form>
        )}
      </Card>
      {manages && (
        <Card size="small" title={t('training')}>
          <Table
            data-testid="sessions-table"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={sessions.data?.items}
            columns={[
              { title: t('sessionTitle'), dataIndex: 'title' },
              { title: t('heldOn'), dataIndex: 'heldOn' },
              { title: t('hours'), dataIndex: 'hours' },
              { title: t('attendees'), dataIndex: 'attendees' },
              { title: '', key: 'attend', render: (_, s) => <Button size="small" onClick={() => setAttendFor(s.id)}>{t('attend')}</Button> },
            ]}
          />
          <Form
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={async (v: { title: string; heldOn: Dayjs; hours: number; place?: string }) => {
              try {
                await call('POST /api/training/sessions', { body: { title: v.title, heldOn: ymd(v.heldOn), hours: v.hours, place: v.place || undefined } });
                sessions.reload();
              } catch (e) {
                fail(e);
              }
            }}
          >
            <Form.Item name="title" label={t('sessionTitle')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="heldOn" label={t('heldOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={200} step={0.5} />
            </Form.Item>
            <Form.Item name="place" label={t('place')}>
              <Input maxLength={100} />
            </Form.Item>
            <Button htmlType="submit">{t('newSession')}</Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('yearHours', { year })}>
        <Table size="small" rowKey="userId" pagination={false} dataSource={hours.data?.items} columns={[{ title: t('name'), key: 'name', render: (_, h) => <Link to={`/cadres/${h.userId}`}>{h.name}</Link> }, { title: t('attendees'), dataIndex: 'sessions' }, { title: t('hours'), dataIndex: 'hours' }]} />
      </Card>
      {open && <PairDrawer id={open} onClose={() => { setOpen(null); pairs.reload(); }} />}
      <Modal
        open={attendFor !== null}
        title={t('attend')}
        onCancel={() => setAttendFor(null)}
        onOk={async () => {
          try {
            await call('POST /api/training/sessions/:id/attendance', { params: { id: attendFor! }, body: { userIds: people } });
            setAttendFor(null);
            setPeople([]);
            sessions.reload();
            hours.reload();
          } catch (e) {
            fail(e);
          }
        }}
      >
        <StaffSelect mode="multiple" value={people} onChange={setPeople} />
      </Modal>
    </Space>
  );
}
