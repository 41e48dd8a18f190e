import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { label } from '@lianxin/core';
import { Button, Card, Col, Flex, Result, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { PageError, PageLoading } from '../../shared/PageState';
import { TimeLeftBadge } from '../../shared/TimeLeftBadge';
import { useApi } from '../../shared/use-api';
import { ActionBar } from './case-actions/ActionBar';
import { ActionModal } from './case-actions/ActionModal';
import type { StaffAction } from './case-actions/action-config';
import { casePageMessages } from './case-page.messages';
import type { CaseDetail } from '@lianxin/core';
import { CaseFlags, CasePageFields } from './CasePageFields';
import { CasePageDeadlines } from './CasePageDeadlines';
import { CasePageFiles } from './CasePageFiles';
import { CasePageOutcome } from './CasePageOutcome';
import { usePersonalText } from './CasePagePersonalText';
import { CasePageRequester } from './CasePageRequester';
import { CasePageSimilar } from './CasePageSimilar';
import { CaseTimeline } from './CaseTimeline';
// — supervision —
import { CaseSupervisionPanel } from '../supervision/CaseSupervisionPanel';
import { TaskForcePanel } from '../hard-cases/TaskForcePanel'; // — hard-cases —

/** A case's page: every field, its clocks, its history, similar cases, and the actions the user may take now. */
export default function CasePage() {
  const { id = '' } = useParams();
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const detail = useApi('GET /api/cases/:id', { params: { id } });
  const context = useApi('GET /api/cases/:id/context', { params: { id } });
  const similar = useApi('GET /api/cases/:id/similar', { params: { id } });
  const [action, setAction] = useState<StaffAction | null>(null);
  // The case as the last action left it: after a return it may be out of the user's scope.
  const [acted, setActed] = useState<CaseDetail | null>(null);

  const reloadAll = useCallback(() => {
    detail.reload();
    context.reload();
    similar.reload();
  }, [detail, context, similar]);
  const afterAction = useCallback(
    (updated?: CaseDetail) => {
      setActed(updated ?? null);
      reloadAll();
    },
    [reloadAll],
  );

  // Personal data in the free text: masked, or in clear after the audited reveal.
  const personalText = usePersonalText(detail.data);

  const c = detail.data;
  if (!c && detail.loading) return <PageLoading />;
  if (!c || (detail.error && !c)) {
    const error = detail.error;
    const back = (
      <Link to="/cases">
        <Button type="primary">{t('back')}</Button>
      </Link>
    );
    if (error instanceof ApiError && error.status === 403 && acted?.id === id) {
      return (
        <Result
          status="success"
          title={t('leftScope')}
          subTitle={t('leftScopeDetail', { code: acted.code, state: label('state', acted.status, locale) })}
          extra={[
            <Link key="home" to="/">
              <Button type="primary">{t('toWorkbench')}</Button>
            </Link>,
            <Link key="cases" to="/cases">
              <Button>{t('back')}</Button>
            </Link>,
          ]}
          data-testid="left-scope"
        />
      );
    }
    if (error instanceof ApiError && error.status === 404) return <Result status="404" title={t('notFound')} extra={back} />;
    if (error instanceof ApiError && error.status === 403) return <Result status="403" title={t('noAccess')} extra={back} />;
    return <PageError error={error} onRetry={detail.reload} />;
  }

  const shown = personalText.shown ?? c;
  return (
    <Flex vertical gap={12} data-testid="case-page">
      <Card size="small">
        <Flex vertical gap={8}>
          <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
            <Link to="/cases">
              <ArrowLeftOutlined /> {t('back')}
            </Link>
            <Tooltip title={t('reload')}>
              <Button size="small" icon={<ReloadOutlined />} onClick={reloadAll} loading={detail.loading} aria-label={t('reload')} />
            </Tooltip>
          </Space>
          <Space wrap size={[8, 4]}>
            <span data-testid="case-code">
              <Typography.Text copyable code>
                {c.code}
              </Typography.Text>
            </span>
            <Tag color={stateColor(c.status)} data-testid="case-status">
              {label('state', c.status, locale)}
            </Tag>
            <CaseFlags flags={c.flags} />
            {c.urgency !== 'normal' && <Tag color={c.urgency === 'critical' ? 'red' : 'orange'}>{label('urgency', c.urgency, locale)}</Tag>}
            <TimeLeftBadge clock={c.clock} showDue />
          </Space>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} ellipsis={{ rows: 2, tooltip: shown.title }} data-testid="case-title">
            {shown.title}
          </Typography.Title>
          <ActionBar actions={c.actions} onPick={setAction} />
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={12}>
            <CasePageFields c={shown} context={context.data} extra={personalText.control} notice={personalText.notice} />
            <CasePageOutcome c={shown} context={context.data} />
            {/* — supervision — reloaded with the case (its version) */}
            <CaseSupervisionPanel key={c.version} c={c} onChanged={reloadAll} />
            <CaseTimeline events={shown.events} context={context.data} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={12}>
            <CasePageDeadlines c={c} />
            <TaskForcePanel caseId={c.id} onChanged={detail.reload} />
            <CasePageRequester c={c} />
            <CasePageSimilar items={similar.data?.items} loading={similar.loading} error={similar.error} onRetry={similar.reload} />
            <CasePageFiles c={c} />
          </Flex>
        </Col>
      </Row>
      <ActionModal action={action} c={c} context={context.data} similar={similar.data?.items ?? []} onClose={() => setAction(null)} onChanged={afterAction} />
    </Flex>
  );
}
