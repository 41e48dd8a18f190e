/**
 * Row types of the hard-case tables (migration 2026120610_hard_cases): joint review meetings
 * (集中会审) with their invited units and agenda of cases, and task forces (专案组) with members,
 * milestones and progress reports. `DB` in schema.ts extends this.
 */

type Flag = number; // 0 | 1

export interface HardCaseMeetingTable {
  id: string;
  /** The area the meeting is held for: who may manage it is judged on it. */
  areaCode: string;
  title: string;
  scheduledAt: string;
  place: string;
  chairUserId: string;
  /** planned → held (minutes locked). */
  status: string;
  minutes: string | null;
  /** The minutes' number within the year of the meeting (会审纪要 〔2026〕第N号). */
  number: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  heldAt: string | null;
}

export interface HardCaseMeetingUnitTable {
  meetingId: string;
  unitId: string;
}

export interface HardCaseMeetingCaseTable {
  meetingId: string;
  caseId: string;
  sort: number;
  /** assign_leader | task_force | new_date | close; null until decided. */
  decision: string | null;
  decisionNote: string | null;
  /** JSON of the decision's particulars (leader, task force id, new due date). */
  decisionData: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface TaskForceTable {
  id: string;
  caseId: string;
  name: string;
  plan: string | null;
  leadUserId: string;
  meetingId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface TaskForceMemberTable {
  taskForceId: string;
  userId: string;
  /** Repeated from the task force, so the case page's access check is one index probe. */
  caseId: string;
  /** lead | member */
  role: string;
  addedAt: string;
}

export interface TaskForceMilestoneTable {
  id: string;
  taskForceId: string;
  title: string;
  dueOn: string;
  done: Flag;
  doneAt: string | null;
  createdAt: string;
}

export interface TaskForceReportTable {
  id: string;
  taskForceId: string;
  authorUserId: string;
  reportedOn: string;
  text: string;
  createdAt: string;
}

export interface HardCaseTables {
  hardCaseMeetings: HardCaseMeetingTable;
  hardCaseMeetingUnits: HardCaseMeetingUnitTable;
  hardCaseMeetingCases: HardCaseMeetingCaseTable;
  taskForces: TaskForceTable;
  taskForceMembers: TaskForceMemberTable;
  taskForceMilestones: TaskForceMilestoneTable;
  taskForceReports: TaskForceReportTable;
}
