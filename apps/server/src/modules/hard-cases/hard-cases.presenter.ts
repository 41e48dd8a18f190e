import {
  ACTIVE_STATES,
  type HardCaseReason,
  type HardCaseSettings,
  type HardCaseView,
  localDate,
  type MeetingDetail,
  type MeetingStatus,
  type MeetingView,
  type ReviewDecisionKind,
  type TaskForceView,
} from '@lianxin/core';
import type { HardCaseMeetingTable, TaskForceMilestoneTable, TaskForceTable } from '../../db/hard-cases.tables.js';
import type { CaseRow } from '../../db/schema.js';

/** One row of the list query, before presenting. */
export interface HardCaseRow {
  id: string;
  code: string;
  title: string;
  status: string;
  areaCode: string;
  areaName: string | null;
  currentUnitId: string | null;
  unitName: string | null;
  categoryCode: string;
  categoryName: string | null;
  registeredAt: string;
  reopenCount: number;
  leaderUserId: string | null;
}

const DAY = 86_400_000;

/** Whether a case still counts as open work (a task force on it is active, it may go to a review). */
export const isCaseOpen = (c: Pick<CaseRow, 'status'>) => (ACTIVE_STATES as readonly string[]).includes(c.status);

/** A long-standing case as the list shows it: age, reopens, the reasons it is listed, its last step. */
export function presentHardCase(
  r: HardCaseRow,
  settings: HardCaseSettings,
  now: Date,
  lastStep: { action: string; at: string } | undefined,
  taskForceId: string | undefined,
): HardCaseView {
  const ageDays = Math.floor((now.getTime() - Date.parse(r.registeredAt)) / DAY);
  const reasons: HardCaseReason[] = [];
  if (now.getTime() - Date.parse(r.registeredAt) > settings.minAgeDays * DAY) reasons.push('age');
  if (r.reopenCount >= settings.minReopens) reasons.push('reopens');
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    areaCode: r.areaCode,
    areaName: r.areaName,
    unitId: r.currentUnitId,
    unitName: r.unitName,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    registeredAt: r.registeredAt,
    ageDays,
    reopenCount: r.reopenCount,
    reasons,
    leaderUserId: r.leaderUserId,
    lastStep: lastStep ?? null,
    taskForceId: taskForceId ?? null,
  };
}

/** 〔2026〕3号: the minutes' number within the China-time year of the meeting. */
export const minutesNumber = (m: Pick<HardCaseMeetingTable, 'scheduledAt' | 'number'>) => `〔${localDate(new Date(m.scheduledAt)).slice(0, 4)}〕${m.number}号`;

type MeetingRow = Omit<HardCaseMeetingTable, 'status'> & { status: string };

export function presentMeeting(m: MeetingRow, chairName: string, counts: { cases: number; decided: number } | undefined): MeetingView {
  return {
    id: m.id,
    areaCode: m.areaCode,
    title: m.title,
    scheduledAt: m.scheduledAt,
    place: m.place,
    chair: { userId: m.chairUserId, name: chairName },
    status: m.status as MeetingStatus,
    number: minutesNumber(m),
    caseCount: counts?.cases ?? 0,
    decidedCount: counts?.decided ?? 0,
    heldAt: m.heldAt,
  };
}

/** One case of the agenda, as the agenda query reads it. */
export interface AgendaRow {
  id: string;
  code: string;
  title: string;
  status: string;
  unitName: string | null;
  decision: string | null;
  decisionNote: string | null;
  decisionData: string | null;
  decidedAt: string | null;
}

export function presentMeetingDetail(
  m: MeetingRow,
  chairName: string,
  units: Array<{ id: string; name: string }>,
  agenda: AgendaRow[],
  canManage: boolean,
): MeetingDetail {
  const decided = agenda.filter((a) => a.decision).length;
  return {
    ...presentMeeting(m, chairName, { cases: agenda.length, decided }),
    minutes: m.minutes,
    units,
    cases: agenda.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      status: a.status,
      unitName: a.unitName,
      decision: a.decision as ReviewDecisionKind | null,
      decisionNote: a.decisionNote,
      decisionData: a.decisionData ? (JSON.parse(a.decisionData) as Record<string, unknown>) : null,
      decidedAt: a.decidedAt,
    })),
    canManage: canManage && m.status === 'planned',
  };
}

export interface TaskForceParts {
  tf: TaskForceTable;
  caseRow: CaseRow;
  members: Array<{ userId: string; role: string; displayName: string }>;
  unitNames: Map<string, string[]>;
  milestones: TaskForceMilestoneTable[];
  reports: Array<{ id: string; authorUserId: string; displayName: string; reportedOn: string; text: string; createdAt: string }>;
  canManage: boolean;
  canReport: boolean;
}

export function presentTaskForce({ tf, caseRow, members, unitNames, milestones, reports, canManage, canReport }: TaskForceParts): TaskForceView {
  const lead = members.find((m) => m.userId === tf.leadUserId);
  return {
    id: tf.id,
    caseId: tf.caseId,
    caseCode: caseRow.code,
    name: tf.name,
    plan: tf.plan,
    status: isCaseOpen(caseRow) ? 'active' : 'closed',
    meetingId: tf.meetingId,
    lead: { userId: tf.leadUserId, name: lead?.displayName ?? '' },
    members: members.map((m) => ({ userId: m.userId, name: m.displayName, role: m.role === 'lead' ? 'lead' : 'member', unitNames: unitNames.get(m.userId) ?? [] })),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, done: m.done === 1, doneAt: m.doneAt })),
    reports: reports.map((r) => ({ id: r.id, author: { userId: r.authorUserId, name: r.displayName }, reportedOn: r.reportedOn, text: r.text, createdAt: r.createdAt })),
    canManage,
    canReport,
    createdAt: tf.createdAt,
  };
}
