import { DownloadOutlined } from '@ant-design/icons';
import { type CycleDetail, EVAL_ITEMS, EVAL_SOURCES, label, type StaffEvalSource } from '@lianxin/core';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { evaluationMessages } from './evaluation.messages';

type Member = CycleDetail['members'][number];
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The objective figures of one member, shown to the organisation beside its scoring. */
function FiguresModal({ cycleId, member, onClose }: { cycleId: string; member: Member; onClose: () => void }) {
  const t = useT(evaluationMessages);
  const { data } = useApi('GET /api/evaluation/cycles/:id/members/:userId/figures', { params: { id: cycleId, userId: member.userId } });
  return (
    <Modal open title={t('figuresTitle', { name: member.name })} onCancel={onClose} footer={null}>
      {data ? (
        <Descriptions size="small" column={1} data-testid="figures">
          <Descriptions.Item label={t('cases')}>{data.cases}</Descriptions.Item>
          <Descriptions.Item label={t('responseRate')}>{pct(data.responseRate)}</Descriptions.Item>
          <Descriptions.Item label={t('resolutionRate')}>{pct(data.resolutionRate)}</Descriptions.Item>
          <Descriptions.Item label={t('satisfactionRate')}>{pct(data.satisfactionRate)}</Descriptions.Item>
          <Descriptions.Item label={t('composite')}>{pct(data.composite)}</Descriptions.Item>
          <Descriptions.Item label={t('overdueCases')}>{data.overdueCases}</Descriptions.Item>
          <Descriptions.Item label={t('visits')}>{data.visits}</Descriptions.Item>
          <Descriptions.Item label={t('fieldDays')}>{`${data.fieldDays} / ${data.fieldDaysRequired}`}</Descriptions.Item>
          <Descriptions.Item label={t('officeDays')}>{`${data.officeDaysAttended} / ${data.officeDaysHeld}`}</Descriptions.Item>
          <Descriptions.Item label={t('accountability')}>{data.accountabilityConfirmed}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionLate')}>{data.supervisionLate}</Descriptions.Item>
        </Descriptions>
      ) : (
        <PageLoading />
      )}
    </Modal>
  );
}

/** The 德能勤绩廉 form for one member and one source. */
function ScoreModal({ cycleId, member, source, onDone }: { cycleId: string; member: Member; source: StaffEvalSource; onDone: (saved: boolean) => void }) {
  const t = useT(evaluationMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const given = member.givenByMe.find((g) => g.source === source)?.items;
  const submit = async (v: Record<string, number> & { comment?: string }) => {
    setBusy(true);
    try {
      await call('POST /api/evaluation/cycles/:id/scores', { params: { id: cycleId }, body: { memberUserId: member.userId, source, items: { de: v.de, neng: v.neng, qin: v.qin, ji: v.ji, lian: v.lian }, comment: v.comment?.trim() || undefined } });
      message.success(t('saved'));
      onDone(true);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('scoreTitle', { name: member.name, source: label('evalSource', source, locale) })} onCancel={() => onDone(false)} footer={null} destroyOnHidden>
      <Form layout="inline" initialValues={given ?? {}} onFinish={submit} data-testid="score-form">
        {EVAL_ITEMS.map((i) => (
          <Form.Item key={i} name={i} label={label('evalItem', i, locale)} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={100} style={{ width: 80 }} data-testid={`item-${i}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('comment')} style={{ width: '100%', marginBottom: 8 }}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="score-save">
          {t('save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** One cycle: its members to score by source, the figures for the organisation, closing, the results and the report. */
export default function CyclePage() {
  const t = useT(evaluationMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data: c, error, loading, reload } = useApi('GET /api/evaluation/cycles/:id', { params: { id } });
  const results = useApi('GET /api/evaluation/cycles/:id/results', c?.canManage && c.state === 'closed' ? { params: { id } } : null);
  const [scoring, setScoring] = useState<{ member: Member; source: StaffEvalSource } | null>(null);
  const [figuresOf, setFiguresOf] = useState<Member | null>(null);

  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading || !c) return <PageLoading />;

  const close = async () => {
    try {
      await call('POST /api/evaluation/cycles/:id/close', { params: { id } });
      reload();
      results.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const surveyUrl = `${window.location.origin}/m/survey/${c.id}`;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/evaluation">{t('back')}</Link>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="cycle-title">
          {c.name} <Tag color={c.state === 'open' ? 'green' : 'default'}>{c.state === 'open' ? t('stateOpen') : t('stateClosed')}</Tag>
        </Typography.Title>
        {c.canManage && c.state === 'open' && (
          <Popconfirm title={t('closeConfirm')} onConfirm={close}>
            <Button type="primary" danger data-testid="cycle-close">
              {t('close')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('range')}>{`${c.periodFrom} — ${c.periodTo}（${label('evalPeriod', c.period, locale)}）`}</Descriptions.Item>
        <Descriptions.Item label={t('units')}>{c.units.map((u) => u.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('sourceWeights')}>{EVAL_SOURCES.map((s) => `${label('evalSource', s, locale)} ${Math.round(c.sourceWeights[s] * 100)}%`).join(' · ')}</Descriptions.Item>
        <Descriptions.Item label={t('itemWeights')}>{EVAL_ITEMS.map((i) => `${label('evalItem', i, locale)} ${Math.round(c.itemWeights[i] * 100)}%`).join(' · ')}</Descriptions.Item>
        <Descriptions.Item label={t('survey')}>
          <Typography.Text copyable data-testid="survey-link">
            {surveyUrl}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text data-testid="cycle-progress">{t('progress', c.progress)}</Typography.Text>
      <Typography.Text type="secondary">{t('anonymous')}</Typography.Text>
      <Table<Member>
        data-testid="members-table"
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={c.members}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('person'), key: 'name', render: (_, m) => <Link to={`/cadres/${m.userId}`}>{m.name}</Link> },
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('group'), dataIndex: 'peerGroup', render: (g: string) => label('unitKind', g, locale) },
          {
            title: t('scoreAs'),
            key: 'score',
            render: (_, m) => (
              <Space wrap>
                {c.state === 'open' &&
                  m.canScoreAs.map((s) => (
                    <Button key={s} size="small" type={m.givenByMe.some((g) => g.source === s) ? 'default' : 'primary'} data-testid={`score-${s}-${m.userId}`} onClick={() => setScoring({ member: m, source: s })}>
                      {label('evalSource', s, locale)}
                      {m.givenByMe.some((g) => g.source === s) ? ` ✓` : ''}
                    </Button>
                  ))}
                {c.canManage && (
                  <Button size="small" type="link" data-testid={`figures-${m.userId}`} onClick={() => setFiguresOf(m)}>
                    {t('figures')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {results.data && (
        <Card size="small" title={t('results')} data-testid="results" extra={
          <Space>
            {(['xlsx', 'pdf'] as const).map((f) => (
              <Button key={f} icon={<DownloadOutlined />} href={apiUrl(`GET /api/evaluation/cycles/:id/report.${f}`, { params: { id } })} download data-testid={`report-${f}`}>
                {`${t('download')} ${f === 'xlsx' ? 'Excel' : 'PDF'}`}
              </Button>
            ))}
          </Space>
        }>
          <Table
            data-testid="results-table"
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={results.data.people}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('group'), dataIndex: 'peerGroup', render: (g: string) => label('unitKind', g, locale) },
              { title: t('rank'), key: 'rank', render: (_, p) => `${p.rank} / ${p.groupSize}` },
              { title: t('person'), dataIndex: 'name' },
              { title: t('unit'), dataIndex: 'unitName' },
              { title: t('score'), dataIndex: 'score' },
              { title: t('grade'), dataIndex: 'grade', render: (g: string) => <Tag>{label('evalGrade', g, locale)}</Tag> },
              ...EVAL_SOURCES.map((s) => ({ title: label('evalSource', s, locale), key: s, render: (_: unknown, p: (typeof results.data.people)[number]) => p.bySource[s] ?? '—' })),
            ]}
          />
          <Typography.Title level={5}>{t('unitResults')}</Typography.Title>
          <Table rowKey="unitId" size="small" pagination={false} dataSource={results.data.units} columns={[{ title: t('rank'), dataIndex: 'rank' }, { title: t('unit'), dataIndex: 'unitName' }, { title: t('score'), dataIndex: 'score' }, { title: t('members'), dataIndex: 'members' }]} />
        </Card>
      )}
      {scoring && <ScoreModal cycleId={id} member={scoring.member} source={scoring.source} onDone={(saved) => { setScoring(null); if (saved) reload(); }} />}
      {figuresOf && <FiguresModal cycleId={id} member={figuresOf} onClose={() => setFiguresOf(null)} />}
    </Space>
  );
}
