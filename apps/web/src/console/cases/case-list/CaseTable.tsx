import { label } from '@lianxin/core';
import { Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { flagColor, stateColor, webLabel } from '../../../shared/labels';
import { TimeLeftBadge } from '../../../shared/TimeLeftBadge';
import { caseListMessages } from './case-list.messages';
import { type CaseSummary, formatTime } from './case-summary';
import { columnOrder, type ListFilters, sortFor } from './list-query';
import type { Reference } from './use-reference';
// — supervision —
import { UrgeTag } from '../../supervision/OverdueActions';

/** Flags as coloured tags. */
export function FlagTags({ flags }: { flags: string[] }) {
  const { locale } = useLocale();
  if (!flags.length) return null;
  return (
    <Space size={2} wrap>
      {flags.map((f) => (
        <Tag key={f} color={flagColor(f)} style={{ marginInlineEnd: 0 }}>
          {webLabel('flag', f, locale)}
        </Tag>
      ))}
    </Space>
  );
}

/** The ledger's table; sorting by the registered or deadline column changes the URL's sort. */
export function CaseTable({ items, loading, filters, onSort, reference }: { items: CaseSummary[]; loading: boolean; filters: ListFilters; onSort: (sort: ListFilters['sort']) => void; reference: Reference }) {
  const t = useT(caseListMessages);
  const { locale } = useLocale();
  // The column's CSS ellipsis with the whole text as the title: a measured ellipsis with a tooltip
  // in every cell (three columns × 50 rows) measures each cell once more while the page renders.
  const ellipsis = (text: string) => <span title={text}>{text}</span>;
  const columns: ColumnsType<CaseSummary> = [
    { key: 'code', title: t('colCode'), dataIndex: 'code', width: 170, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
    { key: 'title', title: t('colTitle'), dataIndex: 'title', width: 260, ellipsis: true, render: (title: string, c) => <Link to={`/cases/${c.id}`} title={title}>{title}</Link> },
    { key: 'status', title: t('colState'), dataIndex: 'status', width: 96, render: (s: string) => <Tag color={stateColor(s)}>{label('state', s, locale)}</Tag> },
    {
      key: 'flags',
      title: t('colFlags'),
      dataIndex: 'flags',
      width: 130,
      render: (flags: string[], c) => (
        <Space size={2} wrap>
          <FlagTags flags={flags} />
          <UrgeTag count={c.urgeCount} />
        </Space>
      ),
    },
    { key: 'due', title: t('colDue'), width: 150, sorter: true, sortOrder: columnOrder(filters.sort, 'due'), render: (_: unknown, c) => <TimeLeftBadge clock={c.clock} emptyText="—" /> },
    { key: 'registered', title: t('colRegistered'), dataIndex: 'registeredAt', width: 150, sorter: true, sortOrder: columnOrder(filters.sort, 'registered'), render: formatTime },
    { key: 'category', title: t('colCategory'), dataIndex: 'categoryCode', width: 120, ellipsis: true, render: (code: string) => ellipsis(reference.categoryName.get(code) ?? code) },
    { key: 'area', title: t('colArea'), dataIndex: 'areaCode', width: 110, ellipsis: true, render: (code: string) => ellipsis(reference.areaName.get(code) ?? code) },
    { key: 'unit', title: t('colUnit'), dataIndex: 'currentUnitId', width: 170, ellipsis: true, render: (id: string | null) => (id ? ellipsis(reference.unitName.get(id) ?? '') : '—') },
    { key: 'requester', title: t('colRequester'), width: 90, render: (_: unknown, c) => (c.requester.anonymous ? t('anonymous') : (c.requester.name ?? '—')) },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1400 }}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={{ title: t('sortHint') }}
      locale={{ emptyText: t('empty') }}
      data-testid="case-table"
      onChange={(_pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const column = one?.columnKey === 'due' ? 'due' : 'registered';
        onSort(sortFor(column, one?.order ?? null));
      }}
    />
  );
}
