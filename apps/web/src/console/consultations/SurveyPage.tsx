import { type SurveyDetail } from '@lianxin/core';
import { App, Button, Card, Collapse, Flex, List, Progress, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { EChart } from '../figures/EChart';
import { SurveyAnswerModal } from './SurveyAnswerModal';
import { surveysMessages } from './surveys.messages';

/** One survey: results by question, area and tag (charts), coverage per cadre, turning it into a consultation. */
export default function SurveyPage() {
  const { id } = useParams() as { id: string };
  const t = useT(surveysMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [s, setS] = useState<SurveyDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [entering, setEntering] = useState(false);
  const coverage = useApi('GET /api/surveys/:id/coverage', { params: { id } });
  useEffect(() => {
    call('GET /api/surveys/:id', { params: { id } }).then(setS).catch(setError);
  }, [id, locale]);
  if (error) return <PageError error={error} />;
  if (!s) return <PageLoading />;

  const firstChoice = s.questions.findIndex((q) => q.kind === 'single');
  const convert = async () => {
    try {
      const c = await call('POST /api/surveys/:id/consultation', { params: { id }, body: { questionIndex: firstChoice, opensOn: dayjs().format('YYYY-MM-DD'), closesOn: dayjs().add(14, 'day').format('YYYY-MM-DD'), rule: 'household' } });
      navigate(`/consultations/${c.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };

  const toCampaign = async () => {
    try {
      const r = await call('POST /api/surveys/:id/campaign', { params: { id }, body: { startsOn: dayjs().format('YYYY-MM-DD'), endsOn: dayjs().add(30, 'day').format('YYYY-MM-DD') } });
      navigate(`/campaigns/${r.campaignId}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="survey-page">
      <Link to="/surveys">{t('back')}</Link>
      <PageHeader
        title={s.title}
        subtitle={`${s.areaName} · ${s.opensOn} — ${s.closesOn} · ${s.answered}/${s.households}`}
        extra={
          <Flex gap={8}>
            <a href={`/m/surveys/${s.id}`} target="_blank" rel="noreferrer">
              {t('portalLink')}
            </a>
            {s.may.record && <Button onClick={() => setEntering(true)}>{t('enter')}</Button>}
            {s.may.manage && firstChoice >= 0 && <Button onClick={convert}>{t('toConsultation')}</Button>}
            {s.may.manage && <Button onClick={toCampaign}>{t('toCampaign')}</Button>}
          </Flex>
        }
      />
      <Card size="small">
        <Flex gap={16} align="center">
          <img src={apiUrl('GET /api/surveys/:id/qr.png', { params: { id } })} alt={t('qrCard')} width={120} height={120} data-testid="survey-qr" />
          <Typography.Text type="secondary">{t('qrCard')}</Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('results')}>
        {s.results.map((r) => (
          <Card key={r.index} type="inner" size="small" style={{ marginBottom: 8 }} title={`${r.index + 1}. ${r.text}`}>
            {r.kind === 'text' ? (
              <List size="small" dataSource={r.texts} renderItem={(x) => <List.Item>{x}</List.Item>} />
            ) : (
              <>
                {r.average !== null && <Typography.Text>{t('average', { avg: r.average })}</Typography.Text>}
                <EChart height={180} option={{ tooltip: {}, grid: { left: 8, right: 8, bottom: 8, containLabel: true }, xAxis: { type: 'category', data: r.counts.map((c) => c.label) }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: r.counts.map((c) => c.count) }] }} />
                <Collapse
                  size="small"
                  items={[
                    { key: 'a', label: t('byArea'), children: <Table size="small" pagination={false} rowKey="areaCode" dataSource={r.byArea} columns={[{ key: 'n', title: t('byArea'), dataIndex: 'areaName' }, ...r.counts.map((c, i) => ({ key: c.key, title: c.label, render: (_: unknown, row: (typeof r.byArea)[number]) => row.counts[i]?.count ?? 0 }))]} /> },
                    { key: 't', label: t('byTag'), children: <Table size="small" pagination={false} rowKey="tag" dataSource={r.byTag} columns={[{ key: 'n', title: t('byTag'), dataIndex: 'tag' }, ...r.counts.map((c, i) => ({ key: c.key, title: c.label, render: (_: unknown, row: (typeof r.byTag)[number]) => row.counts[i]?.count ?? 0 }))]} /> },
                  ]}
                />
              </>
            )}
          </Card>
        ))}
      </Card>
      <SurveyAnswerModal s={s} open={entering} onClose={() => setEntering(false)} onSaved={(d) => { setS(d); coverage.reload(); }} />
      <Card size="small" title={t('coverage')}>
        <Table
          size="small"
          rowKey={(r) => r.userId ?? '-'}
          dataSource={coverage.data?.cadres ?? []}
          loading={coverage.loading}
          columns={[
            { key: 'name', title: t('cadre'), dataIndex: 'name', width: 160 },
            { key: 'bar', title: t('answered'), width: 220, render: (_: unknown, r) => <Progress percent={r.total ? Math.round((r.answered / r.total) * 100) : 0} format={() => `${r.answered}/${r.total}`} /> },
            { key: 'pending', title: t('pending'), render: (_: unknown, r) => r.pending.slice(0, 8).map((p) => <Link key={p.householdId} to={`/households/${p.householdId}`} style={{ marginRight: 8 }}>{p.label}</Link>) },
          ]}
        />
      </Card>
    </Flex>
  );
}
