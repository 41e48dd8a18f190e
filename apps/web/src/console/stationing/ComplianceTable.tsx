import { Card, Grid, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { PageEmpty } from '../../shared/PageState';
import type { CadreCompliance, StationingReport } from '@lianxin/core';
import { monthDay, verdictOf, visibleLines, type WeekCell, weekCell, weekColumns, weekNumber } from './report-logic';
import { stationingMessages } from './stationing.messages';

const SHORT_BG = '#fff1f0';
const SHORT_FG = '#cf1322';

type Props = {
  report?: StationingReport;
  loading: boolean;
  flaggedOnly: boolean;
  today: string;
};

const VERDICT_COLORS = { flagged: 'error', compliant: 'success', pending: 'default' } as const;

/**
 * One line per cadre × village: who, where, the rule, then one column per ISO week with the days
 * present. A judged week below the rule is red and says so in words ("2/3 未达标"); the running
 * week and part weeks are grey and never red — exactly as the API judged them.
 */
export default function ComplianceTable({ report, loading, flaggedOnly, today }: Props) {
  const t = useT(stationingMessages);
  const lines = useMemo(() => visibleLines(report?.cadres ?? [], flaggedOnly), [report, flaggedOnly]);
  const weeks = useMemo(() => weekColumns(report?.cadres ?? []), [report]);

  const cellText = (c: WeekCell) => {
    const params = { days: c.days, required: c.required };
    if (c.kind === 'short') return t('cellShort', params);
    if (c.kind === 'met') return t('cellMet', params);
    if (c.kind === 'running') return t('cellRunning', params);
    if (c.kind === 'partial') return t('cellPartial', params);
    return t('cellNone');
  };
  const cellHint = (c: WeekCell) =>
    c.kind === 'short' ? t('cellShortHint', { days: c.days, required: c.required }) : c.kind === 'running' ? t('cellRunningHint') : c.kind === 'partial' ? t('cellPartialHint') : undefined;

  // On a phone the weeks matter most: who and where fold into the first column, the rule shows
  // in every cell ("2/3"), so the week columns start within the screen.
  const compact = !(Grid.useBreakpoint().md ?? true);
  const phoneWho: TableColumnsType<CadreCompliance> = [
    {
      title: t('cadre'),
      key: 'cadre',
      fixed: 'left',
      width: 104,
      render: (_, l) => (
        <div style={{ overflowWrap: 'anywhere' }}>
          {l.cadre.name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {l.village.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
            {l.cadre.unit?.name}
          </Typography.Text>
        </div>
      ),
    },
  ];
  const wideWho: TableColumnsType<CadreCompliance> = [
    { title: t('cadre'), key: 'cadre', fixed: 'left', width: 84, render: (_, l) => <span style={{ overflowWrap: 'anywhere' }}>{l.cadre.name}</span> },
    { title: t('unit'), key: 'unit', width: 140, render: (_, l) => <span style={{ overflowWrap: 'anywhere' }}>{l.cadre.unit?.name ?? '—'}</span> },
    {
      title: t('village'),
      key: 'village',
      width: 120,
      render: (_, l) => (
        <div style={{ overflowWrap: 'anywhere' }}>
          {l.village.name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {l.township.name}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('required'), key: 'required', width: 76, render: (_, l) => t('requiredDays', { n: l.minDaysPerWeek }) },
  ];

  const columns: TableColumnsType<CadreCompliance> = [
    ...(compact ? phoneWho : wideWho),
    ...weeks.map(
      (w): TableColumnsType<CadreCompliance>[number] => ({
        key: w.week,
        width: 104,
        title: (
          <div style={{ whiteSpace: 'nowrap' }}>
            {t('weekHeader', { n: weekNumber(w.week) })}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11, fontWeight: 'normal' }}>
              {monthDay(w.from)}–{monthDay(w.to)}
            </Typography.Text>
          </div>
        ),
        onCell: (l) => (weekCell(l, w.week, today).kind === 'short' ? { style: { background: SHORT_BG } } : {}),
        render: (_, l) => {
          const c = weekCell(l, w.week, today);
          const muted = c.kind === 'running' || c.kind === 'partial' || c.kind === 'none';
          const text = (
            <span
              data-testid="week-cell"
              data-week={w.week}
              data-kind={c.kind}
              style={{ whiteSpace: 'nowrap', color: c.kind === 'short' ? SHORT_FG : muted ? 'rgba(0,0,0,0.45)' : undefined, fontWeight: c.kind === 'short' ? 600 : undefined }}
            >
              {c.kind === 'short' ? '▼ ' : ''}
              {cellText(c)}
            </span>
          );
          const hint = cellHint(c);
          return hint ? <Tooltip title={hint}>{text}</Tooltip> : text;
        },
      }),
    ),
    ...(compact ? [] : [{ title: t('daysPresent'), key: 'days', width: 80, align: 'right' as const, render: (_: unknown, l: CadreCompliance) => l.daysPresent }]),
    {
      title: t('verdict'),
      key: 'verdict',
      width: 110,
      render: (_, l) => {
        const verdict = verdictOf(l);
        const word = verdict === 'flagged' ? t('verdictFlagged') : verdict === 'compliant' ? t('verdictCompliant') : t('verdictPending');
        return (
          <div>
            <Tag color={VERDICT_COLORS[verdict]} data-testid="verdict" data-verdict={verdict} style={{ marginInlineEnd: 0 }}>
              {word}
            </Tag>
            {l.weeksEvaluated > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('weeksJudged', { ok: l.weeksCompliant, all: l.weeksEvaluated })}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Table<CadreCompliance>
        rowKey="assignmentId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('weeksShown', { n }) }}
        locale={{ emptyText: <PageEmpty>{flaggedOnly ? t('emptyFlagged') : t('emptyReport')}</PageEmpty> }}
        onRow={(l) => ({ 'data-testid': 'compliance-row', 'data-cadre': l.cadre.id }) as HTMLAttributes<HTMLElement>}
        data-testid="compliance-table"
      />
    </Card>
  );
}
