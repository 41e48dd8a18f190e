import type { MetricGroupView as MetricGroup } from '@lianxin/core';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { figuresMessages } from './figures.messages';
import { columnValue, compareBy, formatHours, formatRate, rankByComposite, RANKING_COLUMNS, RATE_COLUMNS, type RankingColumn } from './metrics-logic';

type Row = MetricGroup & { rank?: number };

/** The ranking table: one row per group, every metric sortable, ranked by composite score. */
export function RankingTable({ groups, total, loading }: { groups: MetricGroup[]; total?: MetricGroup; loading: boolean }) {
  const t = useT(figuresMessages);
  const rows: Row[] = useMemo(() => {
    const ranks = rankByComposite(groups);
    return groups.map((g) => ({ ...g, rank: ranks.get(g.key) }));
  }, [groups]);

  const show = (row: MetricGroup, column: RankingColumn) => {
    const value = columnValue(row, column);
    if (RATE_COLUMNS.has(column)) return formatRate(value);
    if (column === 'meanHandlingHours') return formatHours(value);
    return value ?? '—';
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('rank'),
      dataIndex: 'rank',
      width: 56,
      fixed: 'left',
      sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9),
      render: (rank?: number) => rank ?? '—',
    },
    {
      title: t('name'),
      dataIndex: 'label',
      fixed: 'left',
      width: 160,
      ellipsis: { showTitle: false },
      render: (text: string) => (
        <Tooltip title={text} placement="topLeft">
          <span>{text}</span>
        </Tooltip>
      ),
    },
    ...RANKING_COLUMNS.map((column) => ({
      title: t(column),
      key: column,
      align: 'right' as const,
      // Eleven figures and the name fit the 1440 px desktop without a sideways scroll (issue 17).
      width: column === 'meanHandlingHours' ? 104 : 84,
      defaultSortOrder: column === 'composite' ? ('descend' as const) : undefined,
      sorter: (a: Row, b: Row, order?: 'ascend' | 'descend' | null) => compareBy(column, order ?? 'descend')(a, b),
      render: (_: unknown, row: Row) => (column === 'composite' ? <Typography.Text strong>{show(row, column)}</Typography.Text> : show(row, column)),
    })),
  ];

  return (
    <Table<Row>
      data-testid="ranking-table"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      summary={() =>
        total ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <Typography.Text strong>{t('total')}</Typography.Text>
              </Table.Summary.Cell>
              {RANKING_COLUMNS.map((column, i) => (
                <Table.Summary.Cell key={column} index={i + 2} align="right">
                  {show(total, column)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
