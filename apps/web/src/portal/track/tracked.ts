/** GET/POST /api/public/track… answer: what the requester may see of their case. */
export interface TrackedCase {
  code: string;
  kindLabel: string;
  categoryName: string | null;
  title: string | null;
  status: string;
  statusLabel: string;
  areaName: string | null;
  unitName: string | null;
  registeredAt: string;
  dueAt: string | null;
  timeline: Array<{ action: string; label: string; at: string; unitName: string | null }>;
  reply: { text: string | null; at: string | null } | null;
  notAcceptedReason: string | null;
  extension: { days: number; reason: string | null } | null;
  evaluation: { result: string; resultLabel: string; solved: boolean; at: string } | null;
  awaitingEvaluation: boolean;
  evaluationToken: string | null;
  accessToken: string;
}

/** The tracking code as typed: spaces dropped, upper case. */
export const normalizeCode = (code: string) => code.replace(/\s+/g, '').toUpperCase();
export const CODE_PATTERN = /^LX\d{8}-\d{6}$/;
