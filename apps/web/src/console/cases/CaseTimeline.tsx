import { label } from '@lianxin/core';
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type Locale, useLocale, useT } from '../../i18n/i18n';
import { webLabel } from '../../shared/labels';
import { formatDue } from '../../shared/time-left';
import { casePageMessages } from './case-page.messages';
import type { CaseContext, CaseEvent } from '@lianxin/core';

// Dot colours: red for what goes wrong (returns, overdue), green for endings, blue otherwise.
const RED = new Set(['return', 'escalate', 'reopen', 'not_accept', 'reject_extension', /* — supervision — */ 'supervise', 'supervision_return', 'supervision_overdue', 'urge']);
const GREEN = new Set(['close', 'resolve_on_spot', 'complete_review', 'complete_rereview', 'evaluate', 'callback', 'reply', /* — supervision — */ 'supervision_accept', 'instruction_report']);

/** The extra facts an event carries in `data`, as short tags. */
function dataTags(e: CaseEvent, context: CaseContext | undefined, locale: Locale, t: (k: 'toUnit' | 'extensionDays' | 'solved' | 'notSolved', p?: Record<string, string | number>) => string): ReactNode[] {
  const d = e.data ?? {};
  const tags: ReactNode[] = [];
  if (typeof d.unitId === 'string') {
    const unit = context?.units[d.unitId] ?? '…';
    // A return names the unit that sent the case back; the other actions name where it goes.
    tags.push(<Tag key="unit">{e.action === 'return' ? unit : t('toUnit', { unit })}</Tag>);
  }
  if (typeof d.handlerUserId === 'string') tags.push(<Tag key="handler">{context?.users[d.handlerUserId] ?? '…'}</Tag>);
  if (typeof d.leaderUserId === 'string') tags.push(<Tag key="leader">{context?.users[d.leaderUserId] ?? '…'}</Tag>);
  if (typeof d.days === 'number') tags.push(<Tag key="days">{t('extensionDays', { days: d.days })}</Tag>);
  if (typeof d.intoCode === 'string') tags.push(<Tag key="into">→ {d.intoCode}</Tag>);
  // — supervision — the order's number
  if (typeof d.number === 'string') tags.push(<Tag key="order" color="volcano">{d.number}</Tag>);
  if (typeof d.result === 'string') tags.push(<Tag key="result" color={d.result === 'dissatisfied' ? 'red' : 'green'}>{webLabel('evaluation', d.result, locale)}</Tag>);
  if (typeof d.solved === 'boolean') tags.push(<Tag key="solved">{d.solved ? t('solved') : t('notSolved')}</Tag>);
  if (typeof d.stage === 'string') tags.push(<Tag key="stage">{label('stage', d.stage, locale)}</Tag>);
  if (typeof d.level === 'number') tags.push(<Tag key="level" color="red">→ {label('escalation', String(d.level), locale)}</Tag>);
  if (d.dueLevel === 'yellow' || d.dueLevel === 'red') tags.push(<Tag key="due" color={d.dueLevel === 'red' ? 'error' : 'warning'}>{d.dueLevel === 'red' ? '⏰' : '⌛'}</Tag>);
  if (Array.isArray(d.flags)) for (const f of d.flags) tags.push(<Tag key={`f-${String(f)}`}>{webLabel('flag', String(f), locale)}</Tag>);
  return tags;
}

/** The case's events (case_events) in order: who, which unit, what, why, when. */
export function CaseTimeline({ events, context }: { events: CaseEvent[]; context: CaseContext | undefined }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  if (events.length === 0) return <Card title={t('timeline')} size="small"><Empty description={t('noEvents')} /></Card>;
  const who = (e: CaseEvent) =>
    e.actorUserId ? (context?.users[e.actorUserId] ?? '…') : e.actorLabel === 'resident' ? t('resident') : t('system');
  return (
    <Card title={t('timeline')} size="small" data-testid="timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.seq,
          color: RED.has(e.action) ? 'red' : GREEN.has(e.action) ? 'green' : 'blue',
          content: (
            <div data-testid="timeline-event" data-action={e.action}>
              <Space wrap size={4}>
                <Typography.Text strong>{label('action', e.action, locale)}</Typography.Text>
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                  <Typography.Text type="secondary">
                    {label('state', e.fromStatus, locale)} → {label('state', e.toStatus, locale)}
                  </Typography.Text>
                )}
                {dataTags(e, context, locale, t)}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {who(e)}
                  {e.actorUnitId && ` · ${context?.units[e.actorUnitId] ?? '…'}`} · {formatDue(e.at)}
                </Typography.Text>
              </div>
              {e.note && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: '4px 0 0' }} ellipsis={{ rows: 4, expandable: true }}>
                  {e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
