/** Answers of /api/stationing/* (modules/stationing: stationing.service.ts and compliance.ts). */

export interface Named {
  id: string;
  name: string;
}

export interface AreaRef {
  code: string;
  name: string;
}

/** One ISO week of one assignment in the report. */
export interface WeekResult {
  /** ISO week label, e.g. 2026-W10. */
  week: string;
  /** Monday and Sunday of the week (China-time dates). */
  from: string;
  to: string;
  daysPresent: number;
  /** Only whole ISO weeks inside the assignment, the period and the past are judged. */
  evaluated: boolean;
  compliant: boolean | null;
}

/** One cadre × village line of the compliance report. */
export interface CadreCompliance {
  assignmentId: string;
  /** The cadre and the unit they are stationed from. */
  cadre: Named & { unit: { id: string; name: string } | null };
  village: AreaRef;
  township: AreaRef;
  startsOn: string;
  endsOn: string | null;
  minDaysPerWeek: number;
  daysPresent: number;
  weeksEvaluated: number;
  weeksCompliant: number;
  /** 0..1, null when no week was judged. */
  complianceRate: number | null;
  /** At least one judged week fell short of the rule. */
  flagged: boolean;
  weeks: WeekResult[];
}

export interface TownshipSummary {
  township: AreaRef;
  assignments: number;
  cadres: number;
  weeksEvaluated: number;
  weeksCompliant: number;
  complianceRate: number | null;
  flaggedCadres: number;
}

/** GET /api/stationing/report. */
export interface StationingReport {
  from: string;
  to: string;
  minDaysPerWeekDefault: number;
  totals: { assignments: number; flagged: number; weeksEvaluated: number; weeksCompliant: number };
  townships: TownshipSummary[];
  cadres: CadreCompliance[];
}

/** One assignment of GET/POST/PATCH /api/stationing/assignments. */
export interface Assignment {
  id: string;
  cadre: { id: string; name: string };
  village: AreaRef;
  township: { code: string | null; name: string | null };
  startsOn: string;
  endsOn: string | null;
  /** The assignment's own rule, or the global one when `usesGlobalRule`. */
  minDaysPerWeek: number;
  usesGlobalRule: boolean;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssignmentPage {
  items: Assignment[];
  nextOffset: number | null;
}

/** GET/PUT /api/stationing/settings. */
export interface StationingSettings {
  minDaysPerWeek: number;
}
