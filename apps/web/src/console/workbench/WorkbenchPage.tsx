import { label } from '@lianxin/core';
import { Card, Col, Flex, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { TimeLeftBadge } from '../../shared/TimeLeftBadge';
import { useApi } from '../../shared/use-api';
import type { CaseSummary } from '@lianxin/core';
import { FlagTags } from '../cases/case-list/CaseTable';
import { hasRole, useMe } from '../shell/session';
import { FieldWeekCard } from './FieldWeekCard';
import { countText, isPriority, ledgerLinkOf, orderGroups, orderTodos } from './inbox';
import { workbenchMessages } from './workbench.messages';
// — supervision —
import { OverdueActions, UrgeTag } from '../supervision/OverdueActions';
// — duty —
import { DutyTodayCard } from '../duty/DutyTodayCard';

/** 工作台: the user's to-dos by kind of work, flagged cases first, each with its clock. */
export default function WorkbenchPage() {
  const t = useT(workbenchMessages);
  const { locale } = useLocale();
  const me = useMe();
  const inbox = useApi('GET /api/cases/inbox', { query: { limit: 20 } });
  const groups = useMemo(() => orderGroups(inbox.data?.groups ?? []), [inbox.data]);
  const [active, setActive] = useState<string>();
  const current = groups.find((g) => g.key === active) ?? groups[0];
  const total = groups.reduce((n, g) => n + g.total, 0);

  const columns: ColumnsType<CaseSummary> = [
    {
      key: 'title',
      title: t('colTitle'),
      render: (_: unknown, c) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={6} wrap align="center">
            <FlagTags flags={c.flags} />
            <UrgeTag count={c.urgeCount} />
            <Link to={`/cases/${c.id}`} title={c.title} style={{ fontWeight: isPriority(c) ? 600 : undefined }}>
              <Typography.Text ellipsis style={{ maxWidth: 420, color: 'inherit' }}>
                {c.title}
              </Typography.Text>
            </Link>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'status', title: t('colState'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={stateColor(s)}>{label('state', s, locale)}</Tag> },
    { key: 'due', title: t('colDue'), width: 240, render: (_: unknown, c) => <TimeLeftBadge clock={c.clock} showDue emptyText="—" /> },
  ];
  // — supervision — the supervisor's overdue list: which unit, and 督办 / 催办 at hand.
  const units = useApi('GET /api/units', current?.key === 'overdue' ? { query: { pageSize: 200 } } : null);
  const unitName = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const overdueColumns: ColumnsType<CaseSummary> = [
    ...columns,
    { key: 'unit', title: t('colUnit'), width: 180, render: (_: unknown, c) => (c.currentUnitId ? (unitName.get(c.currentUnitId) ?? '…') : '—') },
    { key: 'supervise', title: t('colSupervise'), width: 150, render: (_: unknown, c) => <OverdueActions c={c} onChanged={inbox.reload} /> },
  ];

  if (inbox.loading && !inbox.data) return <PageLoading />;
  if (inbox.error) return <PageError error={inbox.error} onRetry={inbox.reload} />;

  return (
    <Flex vertical gap={16} data-testid="workbench">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('hello', { name: me.displayName })} · {t('summary', { n: total })}
        </Typography.Text>
      </Flex>
      <DutyTodayCard /> {/* — duty — */}
      {/* — screens — a stationed cadre's week: days in the village and campaign visits still due. */}
      {hasRole(me, 'stationed_cadre') && <FieldWeekCard userId={me.userId} />}
      {groups.length === 0 ? (
        <Card>
          <PageEmpty>{t('nothing')}</PageEmpty>
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {groups.map((g) => (
              <Col key={g.key} xs={12} sm={8} lg={6} xl={4}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => setActive(g.key)}
                  style={{ borderColor: current?.key === g.key ? '#c0392b' : undefined }}
                  data-testid={`todo-count-${g.key}`}
                >
                  <Statistic title={t(`group.${g.key}`)} value={countText(g)} valueStyle={{ color: g.key === 'overdue' ? '#cf1322' : undefined }} />
                </Card>
              </Col>
            ))}
          </Row>
          {current && (
            <Card size="small">
              <Tabs
                activeKey={current.key}
                onChange={setActive}
                items={groups.map((g) => ({ key: g.key, label: `${t(`group.${g.key}`)} (${countText(g)})` }))}
              />
              <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">
                  {t(`hint.${current.key}`)} · {t('priority')}
                </Typography.Text>
                <Link to={ledgerLinkOf(current.key)}>{t('seeAll')}</Link>
              </Flex>
              <Table<CaseSummary>
                rowKey="id"
                size="small"
                columns={current.key === 'overdue' ? overdueColumns : columns}
                dataSource={orderTodos(current.items)}
                pagination={false}
                scroll={{ x: 640 }}
                data-testid={`todo-list-${current.key}`}
              />
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
