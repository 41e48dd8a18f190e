import { type CategoryNode, holds, label, type VisitView as Visit } from '@lianxin/core';
import { App, Card, Col, Descriptions, Flex, Image, Row, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { toCategoryTree } from '../register/register-form';
import CarriedCase from './CarriedCase';
import ProblemItem from './ProblemItem';
import { visitMessages } from './visits.messages';

const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Flattens the category tree into code → name in the user's language. */
function categoryNames(nodes: readonly CategoryNode[], english: boolean, into = new Map<string, string>()) {
  for (const n of nodes) {
    into.set(n.code, english && n.nameEn ? n.nameEn : n.name);
    categoryNames(n.children, english, into);
  }
  return into;
}

/** 走访详情: what was recorded, and each problem found with its one-tap way to a case. */
export default function VisitPage() {
  const { id = '' } = useParams();
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const loaded = useApi('GET /api/visits/:id', { params: { id } });
  const categories = useApi('GET /api/categories');
  const [visit, setVisit] = useState<Visit | null>(null);
  useEffect(() => setVisit(loaded.data ?? null), [loaded.data]);
  const names = useMemo(() => categoryNames(categories.data?.items ?? [], locale === 'en-US'), [categories.data, locale]);
  const categoryTree = useMemo(() => toCategoryTree(categories.data?.items ?? [], locale === 'en-US'), [categories.data, locale]);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <PageEmpty>
        {t('visitNotFound')} <Link to="/visits">{t('backToDiary')}</Link>
      </PageEmpty>
    );
  }
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.reload} />;
  if (!visit) return <PageLoading />;

  // As the server's case registration: a registering role over the place of the visit.
  const canRegister = holds(me.roles, 'case.register', visit.areaCode);
  const addressOf = (householdId: string | null) => (visit.households.length > 1 ? visit.households.find((h) => h.id === householdId)?.address : undefined);

  const items = [
    { key: 'cadre', label: t('by'), children: visit.cadre.name ?? '—' },
    { key: 'time', label: t('occurredAt'), children: formatTime(visit.occurredAt) },
    { key: 'area', label: t('area'), children: visit.areaName ?? visit.areaCode },
    {
      key: 'households',
      label: t('householdsVisited'),
      children: visit.households.length ? (
        <Flex vertical gap={2}>
          {visit.households.map((h) => (
            <Link key={h.id} to={`/households/${h.id}`} style={{ overflowWrap: 'anywhere' }}>
              {h.address} · {h.headName}
            </Link>
          ))}
        </Flex>
      ) : (
        '—'
      ),
    },
    ...(visit.place ? [{ key: 'place', label: t('place'), children: visit.place }] : []),
    {
      key: 'checkIn',
      label: t('checkIn'),
      children: visit.checkedIn ? `${t('checkedIn')} · ${visit.lat?.toFixed(5)}, ${visit.lng?.toFixed(5)}${visit.accuracyM != null ? ` · ±${visit.accuracyM} m` : ''}` : t('notCheckedIn'),
    },
    {
      key: 'delivered',
      label: t('delivered'),
      children: visit.delivered.length ? visit.delivered.map((d) => <Tag key={d} color="red">{label('delivery', d, locale)}</Tag>) : t('nothingDelivered'),
    },
    ...(visit.campaignId ? [{ key: 'campaign', label: t('campaign'), children: <Link to={`/campaigns/${visit.campaignId}`}>{t('campaignLink')}</Link> }] : []),
    ...(visit.caseId ? [{ key: 'case', label: t('caseCarried'), children: <CarriedCase caseId={visit.caseId} /> }] : []),
  ];

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <div>
        <Link to="/visits">← {t('backToDiary')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="visit-title">
          {t('visitTitle', { kind: label('visitKind', visit.kind, locale), date: visit.localDate })}
        </Typography.Title>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions size="small" column={1} items={items} />
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('notes')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="visit-notes">
              {visit.notes ?? t('noNotes')}
            </Typography.Paragraph>
            {visit.photos.length > 0 && (
              <Image.PreviewGroup>
                <Flex wrap gap={8} data-testid="visit-photo-list">
                  {visit.photos.map((p) => (
                    <Image key={p.attachmentId} src={p.url} alt={p.fileName} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('problemsFound')}>
            {visit.problems.length === 0 ? (
              <PageEmpty />
            ) : (
              <Flex vertical gap={12}>
                {visit.problems.map((p) => (
                  <ProblemItem
                    key={p.id}
                    visitId={visit.id}
                    problem={p}
                    householdAddress={addressOf(p.householdId)}
                    areaCode={visit.areaCode}
                    categoryName={(code) => names.get(code) ?? code}
                    categoryTree={categoryTree}
                    canRegister={canRegister}
                    onConverted={(answer) => {
                      message.success(t('toCaseDone', { code: answer.case.code }));
                      setVisit((shown) => shown && { ...shown, problems: shown.problems.map((q) => (q.id === p.id ? { ...q, ...answer.problem, caseCode: answer.case.code, caseStatus: answer.case.status } : q)) });
                    }}
                    onTaken={() => {
                      message.info(t('problemTaken'));
                      loaded.reload();
                    }}
                  />
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
