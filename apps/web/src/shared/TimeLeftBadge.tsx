import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { defineMessages, useLocale, useT } from '../i18n/i18n';
import { advanceClock, type CaseClock, formatDue, levelColor, timeLeftText } from './time-left';

export type { CaseClock, ClockLevel } from './time-left';

const messages = defineMessages(
  { due: '期限：{due}', used: '已用时限 {pct}%', normal: '正常', yellow: '临期', red: '超期' },
  { due: 'Due: {due}', used: '{pct}% of the limit used', normal: 'On time', yellow: 'Due soon', red: 'Overdue' },
);

/** Props of TimeLeftBadge (stable: shared by the workbench, the case list and the case page). */
export interface TimeLeftBadgeProps {
  /** The `clock` of a case summary / inbox item / case page as the API returns it; null = no running clock. */
  clock: CaseClock | null | undefined;
  /** Also print the deadline after the time left (else it is in the tooltip only). */
  showDue?: boolean;
  /** Shown when there is no clock (default: nothing). */
  emptyText?: ReactNode;
}

/**
 * A case's time left as a coloured tag: green, yellow when ≥ 75% of the limit is used, red when
 * overdue ("剩余 3 小时" / "已超期 2 天"). Keeps counting while the page stays open, starting from the
 * server's figures (the server's clock is authoritative).
 */
export function TimeLeftBadge({ clock, showDue, emptyText = null }: TimeLeftBadgeProps) {
  const { locale } = useLocale();
  const t = useT(messages);
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const start = Date.now();
    setSince(start);
    setNow(start);
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [clock]);
  if (!clock) return <>{emptyText}</>;
  const live = advanceClock(clock, now - since);
  const pct = live.usedRatio !== undefined ? Math.round(live.usedRatio * 100) : null;
  const tip = (
    <>
      <div>{t('due', { due: formatDue(live.dueAt) })}</div>
      {pct !== null && <div>{t('used', { pct })}</div>}
    </>
  );
  return (
    <Tooltip title={tip}>
      <Tag
        color={levelColor(live.level)}
        icon={<ClockCircleOutlined />}
        data-testid="time-left"
        data-level={live.level}
        aria-label={`${t(live.level)} ${timeLeftText(live.remainingMs, locale)}`}
        style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      >
        {timeLeftText(live.remainingMs, locale)}
        {showDue && <span> · {formatDue(live.dueAt)}</span>}
      </Tag>
    </Tooltip>
  );
}
