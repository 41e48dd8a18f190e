/**
 * The logic behind TimeLeftBadge: what a case clock looks like now and how to say it.
 * Pure functions (no React) so they can be unit-tested.
 */
import type { Locale } from '../i18n/i18n';

/** normal = green, yellow = 75% of the limit used, red = overdue (SPEC §2). */
export type ClockLevel = 'normal' | 'yellow' | 'red';

/**
 * A deadline clock as the API presents it (cases.presenter.ts `clockOf`: the `clock` field of case
 * summaries, inbox items and the case page). `remainingMs` and `level` were computed by the server at
 * the moment of the response, with the server's clock — which is the authoritative one.
 */
export interface CaseClock {
  /** ISO time of the deadline. */
  dueAt: string;
  /** ISO time the limit started; null/absent when unknown (then yellow cannot be told apart). */
  startedAt?: string | null;
  level: ClockLevel;
  /** Milliseconds until the deadline at the server's "now"; negative once overdue. */
  remainingMs: number;
  /** Share of the limit used; above 1 once overdue. */
  usedRatio?: number;
}

/** Share of the allowed time at which the clock turns yellow. */
export const YELLOW_RATIO = 0.75;

/**
 * The clock of a limit running from `startedAt` to `dueAt`, seen at `now` (use the server's now when
 * known — see serverNowOf). Same rule as the server: red after the deadline, yellow at ≥ 75% used.
 */
export function clockAt(dueAt: string, startedAt: string | null | undefined, now: Date): CaseClock {
  const due = Date.parse(dueAt);
  const remainingMs = due - now.getTime();
  let usedRatio: number | undefined;
  if (startedAt) {
    const start = Date.parse(startedAt);
    const total = due - start;
    const used = now.getTime() - start;
    usedRatio = total > 0 ? used / total : used >= 0 ? 1 : 0;
  }
  return { dueAt, startedAt: startedAt ?? null, remainingMs, usedRatio, level: levelOf(remainingMs, usedRatio) };
}

/** red when overdue, yellow at ≥ 75% used, otherwise normal. */
export function levelOf(remainingMs: number, usedRatio: number | undefined): ClockLevel {
  if (remainingMs < 0) return 'red';
  return usedRatio !== undefined && usedRatio >= YELLOW_RATIO ? 'yellow' : 'normal';
}

/**
 * The same clock `elapsedMs` later (the page stays open and time goes on). Moves from the server's
 * figures, so a server clock that differs from the browser's (test hook, skew) stays respected.
 */
export function advanceClock(clock: CaseClock, elapsedMs: number): CaseClock {
  if (elapsedMs <= 0) return clock;
  const remainingMs = clock.remainingMs - elapsedMs;
  let usedRatio = clock.usedRatio;
  if (clock.startedAt) {
    const total = Date.parse(clock.dueAt) - Date.parse(clock.startedAt);
    usedRatio = total > 0 ? 1 - remainingMs / total : 1;
  }
  // Keep the server's verdict unless time moved it on (never turn a red clock green).
  const computed = levelOf(remainingMs, usedRatio);
  const rank: Record<ClockLevel, number> = { normal: 0, yellow: 1, red: 2 };
  return { ...clock, remainingMs, usedRatio, level: rank[computed] >= rank[clock.level] ? computed : clock.level };
}

/** The server's "now" implied by a clock it returned (dueAt − remainingMs). */
export function serverNowOf(clock: CaseClock | null | undefined): Date | null {
  return clock ? new Date(Date.parse(clock.dueAt) - clock.remainingMs) : null;
}

export type TimeUnit = 'minute' | 'hour' | 'day';

/**
 * How much time is left (or overdue), in one unit people read at a glance: minutes under an hour,
 * hours under two days, days beyond. Rounded down, never below 1.
 */
export function timeLeftParts(remainingMs: number): { overdue: boolean; amount: number; unit: TimeUnit } {
  const overdue = remainingMs < 0;
  const ms = Math.abs(remainingMs);
  const minutes = ms / 60_000;
  const hours = ms / 3_600_000;
  if (hours < 1) return { overdue, amount: Math.max(1, Math.floor(minutes)), unit: 'minute' };
  if (hours < 48) return { overdue, amount: Math.floor(hours), unit: 'hour' };
  return { overdue, amount: Math.floor(hours / 24), unit: 'day' };
}

const ZH_UNITS: Record<TimeUnit, string> = { minute: '分钟', hour: '小时', day: '天' };

/** "剩余 3 小时" / "已超期 2 天" · "3 hours left" / "2 days overdue". */
export function timeLeftText(remainingMs: number, locale: Locale): string {
  const { overdue, amount, unit } = timeLeftParts(remainingMs);
  if (locale === 'zh-CN') return overdue ? `已超期 ${amount} ${ZH_UNITS[unit]}` : `剩余 ${amount} ${ZH_UNITS[unit]}`;
  const word = amount === 1 ? unit : `${unit}s`;
  return overdue ? `${amount} ${word} overdue` : `${amount} ${word} left`;
}

/** AntD Tag colour of a level. */
export function levelColor(level: ClockLevel): 'success' | 'warning' | 'error' {
  return level === 'red' ? 'error' : level === 'yellow' ? 'warning' : 'success';
}

/** Deadline as local date-time "2026-11-21 18:20" (the browser's zone). */
export function formatDue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
