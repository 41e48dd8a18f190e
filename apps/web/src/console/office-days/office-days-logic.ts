import { addLocalDays } from '@lianxin/core';
import { mondayOf, validDate } from '../stationing/weeks';
import type { FieldProblem } from '../../api/client';
import type { OfficeDaySessionDetail, OfficeDaySessionSummary } from '@lianxin/core';

/**
 * The office-day page's state in the address (?tab=schedules&from=…&to=…&areaCode=…&session=…):
 * a link to a session opens its drawer, a reload keeps the filters. Defaults stay out of the URL.
 */

export const OFFICE_DAY_TABS = ['sessions', 'schedules'] as const;
export type OfficeDayTab = (typeof OFFICE_DAY_TABS)[number];

export interface OfficeDayFilters {
  tab: OfficeDayTab;
  from: string;
  to: string;
  areaCode?: string;
  /** The session whose drawer is open. */
  session?: string;
}

const AREA_CODE = /^\d{12}(\d{3})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Two weeks back, this week and next: what a township reviews and plans. */
export function defaultSessionPeriod(today: string): { from: string; to: string } {
  const monday = mondayOf(today);
  return { from: addLocalDays(monday, -14), to: addLocalDays(monday, 13) };
}

export function parseOfficeDays(search: URLSearchParams, today: string): OfficeDayFilters {
  const period = defaultSessionPeriod(today);
  let from = validDate(search.get('from')) ?? period.from;
  let to = validDate(search.get('to')) ?? period.to;
  if (to < from) [from, to] = [period.from, period.to];
  const tab = search.get('tab');
  const area = search.get('areaCode');
  const session = search.get('session');
  return {
    tab: (OFFICE_DAY_TABS as readonly string[]).includes(tab ?? '') ? (tab as OfficeDayTab) : 'sessions',
    from,
    to,
    areaCode: area && AREA_CODE.test(area) ? area : undefined,
    session: session && UUID.test(session) ? session : undefined,
  };
}

export function officeDaysSearch(f: OfficeDayFilters, today: string): URLSearchParams {
  const search = new URLSearchParams();
  const period = defaultSessionPeriod(today);
  if (f.tab !== 'sessions') search.set('tab', f.tab);
  if (f.from !== period.from || f.to !== period.to) {
    search.set('from', f.from);
    search.set('to', f.to);
  }
  if (f.areaCode) search.set('areaCode', f.areaCode);
  if (f.session) search.set('session', f.session);
  return search;
}

/** Which week a group of sessions is, relative to today. */
export type WeekTag = 'last' | 'this' | 'next' | null;
export interface SessionWeek {
  monday: string;
  sunday: string;
  tag: WeekTag;
  sessions: OfficeDaySessionSummary[];
}

/** Sessions grouped by ISO week, in the order the API gave them (latest first). */
export function groupByWeek(sessions: readonly OfficeDaySessionSummary[], today: string): SessionWeek[] {
  const thisMonday = mondayOf(today);
  const tags: Record<string, WeekTag> = { [addLocalDays(thisMonday, -7)]: 'last', [thisMonday]: 'this', [addLocalDays(thisMonday, 7)]: 'next' };
  const groups: SessionWeek[] = [];
  for (const s of sessions) {
    const monday = mondayOf(s.date);
    let group = groups.find((g) => g.monday === monday);
    if (!group) groups.push((group = { monday, sunday: addLocalDays(monday, 6), tag: tags[monday] ?? null, sessions: [] }));
    group.sessions.push(s);
  }
  return groups;
}

/** Attendance is a fact: it is recorded on the day or after, never ahead. */
export const canRecordAttendance = (date: string, today: string): boolean => date <= today;

/** Whether `userId` is among the attendees. */
export const isPresent = (session: Pick<OfficeDaySessionDetail, 'attendance'>, userId: string): boolean => session.attendance.some((a) => a.userId === userId);

/**
 * The register page preset for this session: channel 联合办公日 and the village. A case counts for
 * the session when registered in the village on the session's day (the server matches them so).
 */
export const registerHref = (villageCode: string): string => `/register?channel=joint_office&areaCode=${encodeURIComponent(villageCode)}`;

/** The default period of "generate sessions": the next four weeks from today. */
export const defaultGeneratePeriod = (today: string): { from: string; to: string } => ({ from: today, to: addLocalDays(today, 27) });

/** The API's `from` / `to` problems belong under the form's one period field. */
export const periodFieldErrors = (problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((p) => (p.field === 'from' || p.field === 'to' ? { ...p, field: 'period' } : p));

/** An instant as China time, 'YYYY-MM-DD HH:mm' (the day of the session is China's). */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
