/** Answers of /api/visits* and /api/diary (modules/visits/visits.presenter.ts, visits.service.ts). */

export interface VisitProblem {
  id: string;
  seq: number;
  text: string;
  categoryCode: string | null;
  householdId: string | null;
  caseId: string | null;
  caseCode: string | null;
  caseStatus: string | null;
  convertedAt: string | null;
}

export interface Visit {
  id: string;
  kind: string;
  occurredAt: string;
  /** China-time date of the visit. */
  localDate: string;
  areaCode: string;
  areaName: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  checkedIn: boolean;
  accuracyM: number | null;
  notes: string | null;
  delivered: string[];
  campaignId: string | null;
  caseId: string | null;
  cadre: { id: string; name: string | null };
  /** Head's name masked, as every list shows it. */
  households: Array<{ id: string; address: string; headName: string; areaCode: string }>;
  photos: Array<{ attachmentId: string; fileName: string; mimeType: string; size: number; url: string }>;
  problems: VisitProblem[];
  createdAt: string;
}

export interface VisitPage {
  items: Visit[];
  nextCursor: string | null;
}

export interface Diary {
  cadre: { id: string; name: string };
  period: { kind: 'week' | 'month'; label: string; from: string; to: string };
  summary: { visits: number; households: number; daysInField: number; problems: number; casesRaised: number; delivered: Record<string, number> };
  days: Array<{ date: string; visits: Visit[] }>;
}

/** POST /api/visits/:id/problems/:problemId/case. */
export interface ProblemConverted {
  problem: VisitProblem;
  case: { id: string; code: string; status: string; channel: string; areaCode: string };
}
