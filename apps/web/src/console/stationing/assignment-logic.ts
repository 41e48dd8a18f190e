import type { AssignmentView as Assignment } from '@lianxin/core';

/** Where today stands in an assignment's period. */
export type AssignmentState = 'upcoming' | 'active' | 'ended';
export function assignmentState(a: Pick<Assignment, 'startsOn' | 'endsOn'>, today: string): AssignmentState {
  if (today < a.startsOn) return 'upcoming';
  if (a.endsOn && today > a.endsOn) return 'ended';
  return 'active';
}

/** The editable fields of an assignment as the PATCH body names them. */
export interface AssignmentEdit {
  endsOn: string | null;
  /** Null: the global rule. */
  minDaysPerWeek: number | null;
  note: string;
}

/** What the edit form starts from. */
export const editableOf = (a: Assignment): AssignmentEdit => ({ endsOn: a.endsOn, minDaysPerWeek: a.usesGlobalRule ? null : a.minDaysPerWeek, note: a.note ?? '' });

/** Only what changed (the PATCH refuses an empty body, and an unchanged save needs no call). */
export function assignmentPatch(before: AssignmentEdit, after: AssignmentEdit): Partial<AssignmentEdit> {
  const out: Partial<AssignmentEdit> = {};
  if (after.endsOn !== before.endsOn) out.endsOn = after.endsOn;
  if (after.minDaysPerWeek !== before.minDaysPerWeek) out.minDaysPerWeek = after.minDaysPerWeek;
  if (after.note.trim() !== before.note.trim()) out.note = after.note.trim();
  return out;
}
