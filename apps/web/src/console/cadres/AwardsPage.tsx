import { type AwardCreate, holds, label } from '@lianxin/core';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { cadresMessages } from './cadres.messages';

/** One award: candidates with their figures and votes; vote, decide, publish as the reader may. */
function AwardDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT(cadresMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data: a, reload } = useApi('GET /api/awards/:id', { params: { id } });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const run = async (step: () => Promise<unknown>) => {
    try {
      await step();
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const picks = chosen ?? a?.myVotes ?? [];
  return (
    <Drawer open title={a?.title} width={720} onClose={onClose} data-testid="award-drawer">
      {a && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{`${a.kindName} · ${a.periodFrom} — ${a.periodTo} · ${a.decideBy === 'vote' ? t('byVote') : t('byLeader')} · ${t('winnersMax')} ${a.winnersMax} · ${label('awardState', a.state, locale)}`}</Typography.Text>
          <Table
            size="small"
            rowKey="subjectId"
            pagination={false}
            dataSource={a.candidates}
            columns={[
              ...(a.canVote || (a.canDecide && a.decideBy === 'leader')
                ? [{ title: t('myVote'), key: 'pick', render: (_: unknown, c: (typeof a.candidates)[number]) => <Checkbox checked={picks.includes(c.subjectId)} onChange={(e) => setChosen(e.target.checked ? [...picks, c.subjectId] : picks.filter((p) => p !== c.subjectId))} data-testid={`pick-${c.subjectId}`} /> }]
                : []),
              { title: t('name'), dataIndex: 'name' },
              { title: t('unitName'), dataIndex: 'unitName' },
              { title: t('figure'), dataIndex: 'figure', render: (x: number | null) => x ?? '—' },
              { title: t('reason'), dataIndex: 'reason', render: (x: string | null) => x ?? '—' },
              { title: t('votes'), dataIndex: 'votes' },
              { title: t('winner'), dataIndex: 'isWinner', render: (w: boolean) => (w ? <Tag color="gold">{t('winner')}</Tag> : null) },
            ]}
          />
          <Space wrap>
            {a.canVote && (
              <Button type="primary" data-testid="award-vote" onClick={() => run(() => call('POST /api/awards/:id/votes', { params: { id }, body: { subjectIds: picks } }))}>
                {t('vote')}
              </Button>
            )}
            {a.canDecide && (
              <Button data-testid="award-decide" onClick={() => run(() => call('POST /api/awards/:id/decide', { params: { id }, body: a.decideBy === 'leader' ? { subjectIds: picks } : {} }))}>
                {t('decide')}
              </Button>
            )}
            {a.canManage && a.state === 'decided' && (
              <Button type="primary" data-testid="award-publish" onClick={() => run(() => call('POST /api/awards/:id/publish', { params: { id } }))}>
                {t('publish')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}

/** 评先评优: kinds, awards of the area, opening one with candidates suggested from the figures. */
export default function AwardsPage() {
  const t = useT(cadresMessages);
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const awards = useApi('GET /api/awards');
  const kinds = useApi('GET /api/awards/kinds');
  const [open, setOpen] = useState<string | null>(null);
  const manages = holds(me.roles, 'award.manage');
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.title : String(e));

  const createKind = async (v: { name: string; nameEn: string; subject: 'person' | 'unit' }) => {
    try {
      await call('POST /api/awards/kinds', { body: v });
      kinds.reload();
    } catch (e) {
      fail(e);
    }
  };
  const createAward = async (v: Omit<AwardCreate, 'periodFrom' | 'periodTo'> & { range: [Dayjs, Dayjs] }) => {
    try {
      const a = await call('POST /api/awards', { body: { kindId: v.kindId, title: v.title, decideBy: v.decideBy, winnersMax: v.winnersMax, periodFrom: v.range[0].format('YYYY-MM-DD'), periodTo: v.range[1].format('YYYY-MM-DD') } });
      awards.reload();
      setOpen(a.id);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('awards')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('awardsIntro')}</Typography.Text>
      </div>
      {awards.error ? (
        <PageError error={awards.error} onRetry={awards.reload} />
      ) : (
        <Table
          data-testid="awards-table"
          rowKey="id"
          size="small"
          loading={awards.loading}
          pagination={false}
          dataSource={awards.data?.items}
          columns={[
            { title: t('awardTitle'), key: 'title', render: (_, a) => <Button type="link" onClick={() => setOpen(a.id)}>{a.title}</Button> },
            { title: t('kind'), dataIndex: 'kindName' },
            { title: t('period'), key: 'period', render: (_, a) => `${a.periodFrom} — ${a.periodTo}` },
            { title: t('decideBy'), dataIndex: 'decideBy', render: (d: string) => (d === 'vote' ? t('byVote') : t('byLeader')) },
            { title: t('state'), dataIndex: 'state', render: (s: string) => <Tag>{label('awardState', s, locale)}</Tag> },
          ]}
        />
      )}
      {manages && (
        <Card size="small" title={t('newAward')}>
          <Form layout="inline" onFinish={createAward} initialValues={{ decideBy: 'vote', winnersMax: 3 }}>
            <Form.Item name="kindId" label={t('kind')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={kinds.data?.items.map((k) => ({ value: k.id, label: locale === 'en-US' ? k.nameEn : k.name }))} />
            </Form.Item>
            <Form.Item name="title" label={t('awardTitle')} rules={[{ required: true, min: 2 }]}>
              <Input style={{ width: 220 }} maxLength={100} />
            </Form.Item>
            <Form.Item name="range" label={t('period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item name="decideBy" label={t('decideBy')}>
              <Select style={{ width: 120 }} options={[{ value: 'vote', label: t('byVote') }, { value: 'leader', label: t('byLeader') }]} />
            </Form.Item>
            <Form.Item name="winnersMax" label={t('winnersMax')}>
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('create')}
            </Button>
          </Form>
        </Card>
      )}
      {manages && (
        <Card size="small" title={t('kinds')}>
          <Space wrap style={{ marginBottom: 8 }}>
            {kinds.data?.items.map((k) => <Tag key={k.id}>{`${locale === 'en-US' ? k.nameEn : k.name} · ${k.subject === 'unit' ? t('unit') : t('person')}`}</Tag>)}
          </Space>
          <Form layout="inline" onFinish={createKind} initialValues={{ subject: 'person' }}>
            <Form.Item name="name" label={t('kindName')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('kindNameEn')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="subject" label={t('subject')}>
              <Select style={{ width: 100 }} options={[{ value: 'person', label: t('person') }, { value: 'unit', label: t('unit') }]} />
            </Form.Item>
            <Button htmlType="submit">{t('newKind')}</Button>
          </Form>
        </Card>
      )}
      {open && <AwardDrawer id={open} onClose={() => { setOpen(null); awards.reload(); }} />}
    </Space>
  );
}
