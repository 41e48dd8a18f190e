import { DEFAULT_GRADE_QUOTAS, DEFAULT_ITEM_WEIGHTS, DEFAULT_SOURCE_WEIGHTS, EVAL_ITEMS, EVAL_PERIODS, EVAL_SOURCES, holds, label, type MemberResult } from '@lianxin/core';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { evaluationMessages } from './evaluation.messages';

/** One person's result with its breakdown (their own page, and the cadre page). */
export function ResultCard({ r }: { r: MemberResult }) {
  const t = useT(evaluationMessages);
  const { locale } = useLocale();
  return (
    <Card size="small" title={r.cycleName} data-testid="my-result" extra={<Tag color={r.grade === 'excellent' ? 'gold' : r.grade === 'incompetent' ? 'red' : 'blue'}>{label('evalGrade', r.grade, locale)}</Tag>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('score')}>{r.score}</Descriptions.Item>
        <Descriptions.Item label={t('rank')}>{`${r.rank} / ${r.groupSize}`}</Descriptions.Item>
        <Descriptions.Item label={t('group')}>{label('unitKind', r.peerGroup, locale)}</Descriptions.Item>
        {EVAL_ITEMS.map((i) => (
          <Descriptions.Item key={i} label={label('evalItem', i, locale)}>
            {r.items[i]}
          </Descriptions.Item>
        ))}
        {EVAL_SOURCES.map((s) => (
          <Descriptions.Item key={s} label={label('evalSource', s, locale)}>
            {`${r.bySource[s] ?? '—'}（${t('counts')} ${r.counts[s]}）`}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

type CreateForm = { name: string; period: (typeof EVAL_PERIODS)[number]; range: [Dayjs, Dayjs]; unitIds: string[]; peerGroupBy: 'unit_kind' | 'unit' | 'cycle' } & Record<`w_${string}`, number>;

/** 干部考核: one's own results, the cycles one takes part in or manages, and opening a cycle. */
export default function EvaluationPage() {
  const t = useT(evaluationMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const cycles = useApi('GET /api/evaluation/cycles');
  const mine = useApi('GET /api/evaluation/my-results');
  const manages = holds(me.roles, 'evaluation.manage');
  const units = useApi('GET /api/units', manages ? { query: { pageSize: 200 } } : null);
  const [busy, setBusy] = useState(false);

  const create = async (v: CreateForm) => {
    setBusy(true);
    try {
      const pct = (k: string) => (v[`w_${k}`] ?? 0) / 100;
      const c = await call('POST /api/evaluation/cycles', {
        body: {
          name: v.name,
          period: v.period,
          periodFrom: v.range[0].format('YYYY-MM-DD'),
          periodTo: v.range[1].format('YYYY-MM-DD'),
          unitIds: v.unitIds,
          peerGroupBy: v.peerGroupBy,
          sourceWeights: { leader: pct('leader'), organisation: pct('organisation'), peer: pct('peer'), public: pct('public') },
          itemWeights: { de: pct('de'), neng: pct('neng'), qin: pct('qin'), ji: pct('ji'), lian: pct('lian') },
          quotas: { excellentShare: pct('excellentShare'), excellentMinScore: v.w_excellentMin, competentMinScore: v.w_competentMin, basicMinScore: v.w_basicMin },
          objectiveShare: pct('objectiveShare'),
        },
      });
      navigate(`/evaluation/${c.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  const initial = {
    period: 'annual',
    peerGroupBy: 'unit_kind',
    ...Object.fromEntries(EVAL_SOURCES.map((s) => [`w_${s}`, DEFAULT_SOURCE_WEIGHTS[s] * 100])),
    ...Object.fromEntries(EVAL_ITEMS.map((i) => [`w_${i}`, DEFAULT_ITEM_WEIGHTS[i] * 100])),
    w_excellentShare: DEFAULT_GRADE_QUOTAS.excellentShare * 100,
    w_excellentMin: DEFAULT_GRADE_QUOTAS.excellentMinScore,
    w_competentMin: DEFAULT_GRADE_QUOTAS.competentMinScore,
    w_basicMin: DEFAULT_GRADE_QUOTAS.basicMinScore,
    w_objectiveShare: 40,
  };
  const percent = (name: string, text: string) => (
    <Form.Item key={name} name={`w_${name}`} label={text} style={{ marginBottom: 8 }}>
      <InputNumber min={0} max={100} addonAfter="%" style={{ width: 130 }} data-testid={`weight-${name}`} />
    </Form.Item>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Typography.Title level={5}>{t('myResults')}</Typography.Title>
      {mine.data?.items.length ? mine.data.items.map((r) => <ResultCard key={r.cycleId} r={r} />) : <Typography.Text type="secondary">{t('myResultsEmpty')}</Typography.Text>}
      <Typography.Title level={5}>{t('cycles')}</Typography.Title>
      {cycles.error ? (
        <PageError error={cycles.error} onRetry={cycles.reload} />
      ) : (
        <Table
          data-testid="cycles-table"
          rowKey="id"
          size="small"
          loading={cycles.loading}
          dataSource={cycles.data?.items}
          pagination={false}
          locale={{ emptyText: t('cyclesEmpty') }}
          columns={[
            { title: t('name'), key: 'name', render: (_, c) => <Link to={`/evaluation/${c.id}`}>{c.name}</Link> },
            { title: t('period'), dataIndex: 'period', render: (p: string) => label('evalPeriod', p, locale) },
            { title: t('range'), key: 'range', render: (_, c) => `${c.periodFrom} — ${c.periodTo}` },
            { title: t('members'), dataIndex: 'memberCount' },
            { title: t('state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'open' ? 'green' : 'default'}>{s === 'open' ? t('stateOpen') : t('stateClosed')}</Tag> },
          ]}
        />
      )}
      {manages && (
        <Card size="small" title={t('open')}>
          <Form<CreateForm> layout="vertical" initialValues={initial} onFinish={create} data-testid="cycle-form">
            <Form.Item name="name" label={t('name')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={100} data-testid="cycle-name" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="period" label={t('period')}>
                <Select style={{ width: 140 }} options={EVAL_PERIODS.map((p) => ({ value: p, label: label('evalPeriod', p, locale) }))} />
              </Form.Item>
              <Form.Item name="range" label={t('range')} rules={[{ required: true }]}>
                <DatePicker.RangePicker data-testid="cycle-range" />
              </Form.Item>
              <Form.Item name="peerGroupBy" label={t('peerGroupBy')}>
                <Select style={{ width: 160 }} options={[{ value: 'unit_kind', label: t('byKind') }, { value: 'unit', label: t('byUnit') }, { value: 'cycle', label: t('whole') }]} />
              </Form.Item>
            </Space>
            <Form.Item name="unitIds" label={t('units')} rules={[{ required: true, message: t('unitsRequired') }]}>
              <Select mode="multiple" data-testid="cycle-units" optionFilterProp="label" options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <Typography.Text strong>{t('sourceWeights')}</Typography.Text>
            <Space wrap>{EVAL_SOURCES.map((s) => percent(s, label('evalSource', s, locale)))}</Space>
            <Typography.Text strong>{t('itemWeights')}</Typography.Text>
            <Space wrap>{EVAL_ITEMS.map((i) => percent(i, label('evalItem', i, locale)))}</Space>
            <Typography.Text strong>{t('quotas')}</Typography.Text>
            <Space wrap>
              {percent('excellentShare', t('excellentShare'))}
              {(['excellentMin', 'competentMin', 'basicMin'] as const).map((k) => (
                <Form.Item key={k} name={`w_${k}`} label={t(k)} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100} style={{ width: 110 }} />
                </Form.Item>
              ))}
              {percent('objectiveShare', t('objectiveShare'))}
            </Space>
            <div>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="cycle-create">
                {t('create')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </Space>
  );
}
