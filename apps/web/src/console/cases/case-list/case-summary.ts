import type { CaseClock } from '../../../shared/time-left';

/** A case as lists show it (cases.presenter.ts presentCaseSummary; personal data masked). */
export interface CaseSummary {
  id: string;
  code: string;
  title: string;
  kind: string;
  channel: string;
  categoryCode: string;
  areaCode: string;
  urgency: string;
  status: string;
  flags: string[];
  currentUnitId: string | null;
  registeredAt: string;
  clock: CaseClock | null;
  requester: { anonymous: boolean; name: string | null; phone: string | null; idNumber: string | null };
}

/** One page of GET /api/cases. */
export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

/** "2026-11-21 18:20" in the browser's zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
