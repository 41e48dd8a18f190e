/** Answers of /api/reception/* (modules/reception/reception.service.ts). */

export interface ReceptionSession {
  id: string;
  leader: { id: string; name: string };
  areaCode: string;
  areaName: string;
  /** UTC instants. */
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string | null;
  capacity: number;
  /** Places taken: appointments requested, confirmed or done. */
  booked: number;
  isPublished: boolean;
  isCancelled: boolean;
}

export type AppointmentStatus = 'requested' | 'confirmed' | 'done' | 'cancelled';

export interface Appointment {
  id: string;
  /** Masked by the API (刘**, 138****1111); the clear values come from …/contact, audited. */
  name: string;
  phone: string;
  matter: string;
  status: AppointmentStatus;
  channel: 'portal' | 'staff';
  caseId: string | null;
  createdAt: string;
}

export interface SessionCase {
  id: string;
  code: string;
  title: string;
  status: string;
  channel: string;
  categoryCode: string;
  linkedAt: string;
}

/** GET /api/reception/sessions/:id, and the answer of every change to a session. */
export interface SessionDetail extends ReceptionSession {
  appointments: Appointment[];
  cases: SessionCase[];
}
