/** Answers of /api/office-days/* (modules/office-days/office-days.service.ts). */

/** One village's recurring joint office day. */
export interface OfficeDaySchedule {
  id: string;
  villageCode: string;
  villageName: string;
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: number;
  place: string | null;
  isActive: boolean;
}

/** A session in the list: counts only. */
export interface SessionSummary {
  id: string;
  villageCode: string;
  villageName: string;
  /** China-time date, YYYY-MM-DD. */
  date: string;
  place: string | null;
  attendees: number;
  cases: number;
}

export interface SessionPage {
  items: SessionSummary[];
  nextOffset: number | null;
}

export interface Attendee {
  userId: string;
  name: string;
  recordedAt: string;
}

/** A case of channel 联合办公日 registered in the village on the session's day. */
export interface SessionCase {
  id: string;
  code: string;
  title: string;
  status: string;
  categoryCode: string;
  registeredAt: string;
}

/** GET /api/office-days/sessions/:id, and the answer of every attendance change. */
export interface SessionDetail {
  id: string;
  villageCode: string;
  villageName: string;
  date: string;
  place: string | null;
  attendance: Attendee[];
  cases: SessionCase[];
}

/** POST /api/office-days/sessions/generate. */
export interface GenerateResult {
  created: number;
  scheduled: number;
}
