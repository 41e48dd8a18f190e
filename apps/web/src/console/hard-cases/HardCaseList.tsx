import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import { HARD_CASE_REASONS, type HardCaseReason, type HardCaseView, label } from '@lianxin/core';
import { Button, Col, Flex, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { FilterTreeSelect } from '../../shared/FilterTreeSelect';
import { stateColor } from '../../shared/labels';
import { PageError } from '../../shared/PageState';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { useReference } from '../cases/case-list/use-reference';
import { hardCasesMessages } from './hard-cases.messages';
import { MeetingForm } from './MeetingForm';

type Filters = { reason?: HardCaseReason; unitId?: string; categoryCode?: string; areaCode?: string };
const PAGE = 50;

/** 积案清单: filters, the table (oldest first), Excel export, and "schedule a review" for the selected. */
export function HardCaseList() {
  const t = useT(hardCasesMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const reference = useReference();
  const [filters, setFilters] = useState<Filters>({});
  const [total, setTotal] = useState(0);
  const [canManage, setCanManage] = useState(false);
  const [selected, setSelected] = useState<HardCaseView[]>([]);
  const [scheduling, setScheduling] = useState(false);
  const fetchPage = useCallback(
    async (offset: number) => {
      const page = await call('GET /api/hard-cases', { query: { ...filters, offset, limit: PAGE } });
      setTotal(page.total);
      setCanManage(page.canManage);
      return page;
    },
    [filters],
  );
  const { rows, next, loading, error, load } = useOffsetPages(fetchPage);
  useEffect(() => void load(0), [load]);
  const change = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Flex vertical gap={12}>
      <Row gutter={[8, 8]}>
        <Col xs={24} sm={12} md={6}>
          <Select aria-label={t('reason')} allowClear placeholder={t('reason')} style={{ width: '100%' }} value={filters.reason} onChange={(reason?: HardCaseReason) => change({ reason })} options={HARD_CASE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))} data-testid="hard-filter-reason" />
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Select
            aria-label={t('unit')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('unit')}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
            value={filters.unitId}
            onChange={(unitId?: string) => change({ unitId })}
            options={reference.units.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="hard-filter-unit"
          />
        </Col>
        <Col xs={24} sm={12} md={6}>
          <FilterTreeSelect label={t('category')} value={filters.categoryCode} treeData={reference.categoryTree} onChange={(categoryCode) => change({ categoryCode })} testId="hard-filter-category" />
        </Col>
        <Col xs={24} sm={12} md={6}>
          <FilterTreeSelect label={t('area')} value={filters.areaCode} treeData={reference.areaTree} onChange={(areaCode) => change({ areaCode })} testId="hard-filter-area" />
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="hard-total">
          {t('total', { n: total })}
          {canManage && ` · ${selected.length ? t('scheduleSelected', { n: selected.length }) : t('selectHint')}`}
        </Typography.Text>
        <Space wrap>
          {canManage && (
            <Button type="primary" icon={<TeamOutlined />} disabled={!selected.length} onClick={() => setScheduling(true)} data-testid="hard-schedule">
              {t('schedule')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={apiUrl('GET /api/hard-cases/export.xlsx', { query: { ...filters, lang: locale } })} download data-testid="hard-export">
            {t('export')}
          </Button>
        </Space>
      </Flex>
      {error ? (
        <PageError error={error} onRetry={() => load(0)} />
      ) : (
        <Table<HardCaseView>
          data-testid="hard-case-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          rowSelection={canManage ? { selectedRowKeys: selected.map((c) => c.id), onChange: (_keys, picked) => setSelected(picked), columnWidth: 36 } : undefined}
          onRow={(c) => ({ 'data-testid': 'hard-case-row', 'data-code': c.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('code'), dataIndex: 'code', width: 170, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
            { title: t('caseTitle'), dataIndex: 'title', width: 240, render: (title: string) => <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 240 }}>{title}</Typography.Text> },
            { title: t('state'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={stateColor(s)}>{label('state', s, locale)}</Tag> },
            { title: t('unit'), dataIndex: 'unitName', width: 160, render: (n: string | null) => n ?? '—' },
            { title: t('category'), dataIndex: 'categoryName', width: 120, render: (n: string | null, c) => n ?? c.categoryCode },
            { title: t('age'), dataIndex: 'ageDays', width: 80, render: (n: number) => t('ageDays', { n }) },
            { title: t('reopens'), dataIndex: 'reopenCount', width: 60 },
            { title: t('reason'), dataIndex: 'reasons', width: 150, render: (rs: HardCaseReason[]) => rs.map((r) => <Tag key={r} color={r === 'age' ? 'volcano' : 'purple'}>{t(`reason.${r}`)}</Tag>) },
            {
              title: t('lastStep'),
              dataIndex: 'lastStep',
              width: 170,
              render: (s: HardCaseView['lastStep']) => (s ? `${label('action', s.action, locale)} · ${dayjs(s.at).format('MM-DD HH:mm')}` : '—'),
            },
            { title: t('taskForce'), dataIndex: 'taskForceId', width: 80, render: (id: string | null) => (id ? <Tag color="blue">{t('tf.active')}</Tag> : null) },
          ]}
        />
      )}
      {next !== null && (
        <Button onClick={() => load(next)} loading={loading}>
          {t('loadMore')}
        </Button>
      )}
      {scheduling && (
        <MeetingForm
          cases={selected}
          onClose={(meetingId) => {
            setScheduling(false);
            if (meetingId) navigate(`/hard-cases/meetings/${meetingId}`);
          }}
        />
      )}
    </Flex>
  );
}
