import { type CadrePage, label } from '@lianxin/core';
import { Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { ResultCard } from '../evaluation/EvaluationPage';
import { evaluationMessages } from '../evaluation/evaluation.messages';
import { useMe } from '../shell/session';
import { cadresMessages } from './cadres.messages';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Duty days and leave (值班与请假) of the year: shifts on the roster, the next ones, and leave. */
function DutyAndLeaveSection({ section }: { section: CadrePage['dutyAndLeave'] }) {
  const t = useT(cadresMessages);
  const { locale } = useLocale();
  return (
    <Card size="small" title={t('dutyAndLeave')} data-testid="cadre-duty">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('dutyShifts')}>{section.dutyShifts}</Descriptions.Item>
        <Descriptions.Item label={t('dutyUpcoming')}>{section.upcoming.map((s) => `${s.date} ${label('dutyShift', s.shift, locale)}（${s.unitName}）`).join('；') || t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('leaveDays')}>{section.leaveDays}</Descriptions.Item>
      </Descriptions>
      <List size="small" dataSource={section.leaves} locale={{ emptyText: t('none') }} renderItem={(l) => <List.Item>{`${label('leaveKind', l.kind, locale)} ${l.startsOn} — ${l.endsOn} · ${label('leaveState', l.state, locale)}`}</List.Item>} />
    </Card>
  );
}

/** A cadre's page (干部档案): their own, or a cadre of the reader's area. */
export default function CadrePage() {
  const t = useT(cadresMessages);
  const e = useT(evaluationMessages);
  const { locale } = useLocale();
  const me = useMe();
  const { userId = me.userId } = useParams();
  const { data: p, error, loading, reload } = useApi('GET /api/cadres/:userId', { params: { userId: userId === 'me' ? me.userId : userId } });
  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading || !p) return <PageLoading />;
  const f = p.figures;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="cadre-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p.name} <Typography.Text type="secondary">{t('cadrePage')}</Typography.Text>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('roles')}>
            {p.roles.map((r) => (
              <Tag key={`${r.role}-${r.unitId}`}>{`${r.unitName} · ${label('role', r.role, locale)}`}</Tag>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('stationing')}>
            {p.stationing.length ? p.stationing.map((s) => <div key={`${s.villageCode}-${s.startsOn}`}>{`${s.villageName}：${s.startsOn} — ${s.endsOn ?? t('longTerm')}`}</div>) : t('none')}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('figures', { year: p.year })} data-testid="cadre-figures">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={e('cases')}>{f.cases}</Descriptions.Item>
          <Descriptions.Item label={e('responseRate')}>{pct(f.responseRate)}</Descriptions.Item>
          <Descriptions.Item label={e('resolutionRate')}>{pct(f.resolutionRate)}</Descriptions.Item>
          <Descriptions.Item label={e('satisfactionRate')}>{pct(f.satisfactionRate)}</Descriptions.Item>
          <Descriptions.Item label={e('composite')}>{pct(f.composite)}</Descriptions.Item>
          <Descriptions.Item label={e('overdueCases')}>{f.overdueCases}</Descriptions.Item>
          <Descriptions.Item label={e('visits')}>{f.visits}</Descriptions.Item>
          <Descriptions.Item label={e('fieldDays')}>{`${f.fieldDays} / ${f.fieldDaysRequired}`}</Descriptions.Item>
          <Descriptions.Item label={e('officeDays')}>{`${f.officeDaysAttended} / ${f.officeDaysHeld}`}</Descriptions.Item>
          <Descriptions.Item label={e('supervisionLate')}>{f.supervisionLate}</Descriptions.Item>
        </Descriptions>
      </Card>
      <DutyAndLeaveSection section={p.dutyAndLeave} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('recentVisits')}>
            <List size="small" dataSource={p.recentVisits} locale={{ emptyText: t('none') }} renderItem={(v) => <List.Item>{`${dayjs(v.occurredAt).format('YYYY-MM-DD')} ${v.areaName} · ${label('visitKind', v.kind, locale)}`}</List.Item>} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('accountability')}>
            {p.accountability === null ? (
              <Typography.Text type="secondary">{t('hidden')}</Typography.Text>
            ) : (
              <List size="small" dataSource={p.accountability} locale={{ emptyText: t('none') }} renderItem={(a) => <List.Item>{`${a.caseCode} · ${label('accountabilitySource', a.reason, locale)} · ${label('accountabilityState', a.state, locale)}`}</List.Item>} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('evaluations')} data-testid="cadre-evaluations">
        {p.evaluations === null ? <Typography.Text type="secondary">{t('hidden')}</Typography.Text> : p.evaluations.length ? p.evaluations.map((r) => <ResultCard key={r.cycleId} r={r} />) : t('none')}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('awards')} data-testid="cadre-awards">
            <List size="small" dataSource={p.awards} locale={{ emptyText: t('none') }} renderItem={(a) => <List.Item>{a.title}</List.Item>} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('pairs')}>
            <List size="small" dataSource={p.mentoring} locale={{ emptyText: t('none') }} renderItem={(m) => <List.Item>{`${m.as === 'mentor' ? t('mentee') : t('mentor')}：${m.otherName}（${m.startsOn} — ${m.endsOn}）${m.reviewRating ? label('reviewRating', m.reviewRating, locale) : ''}`}</List.Item>} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={`${t('training')} · ${t('yearHours', { year: p.year })}：${p.training.hours}`} data-testid="cadre-training">
            <Table size="small" rowKey={(s) => `${s.title}-${s.heldOn}`} pagination={false} dataSource={p.training.sessions} columns={[{ title: t('sessionTitle'), dataIndex: 'title' }, { title: t('heldOn'), dataIndex: 'heldOn' }, { title: t('hours'), dataIndex: 'hours' }]} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
