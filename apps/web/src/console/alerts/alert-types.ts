import type { AlertKind, AlertStatus } from '@lianxin/core';

/** An alert as GET /api/alerts lists it. */
export interface Alert {
  id: string;
  kind: AlertKind;
  areaCode: string;
  title: string;
  summary: string;
  caseCount: number;
  windowStart: string;
  windowEnd: string;
  status: AlertStatus;
  statusNote: string | null;
  taskCaseId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/alerts/:id: the alert and the cases behind it. */
export interface AlertDetail extends Alert {
  cases: { id: string; code: string; title: string; status: string; registeredAt: string }[];
}

/** Whether an alert can still be acknowledged, dismissed or made a task. */
export const isOpen = (a: Pick<Alert, 'status'>) => a.status === 'open' || a.status === 'acknowledged';

export const KIND_COLORS: Record<AlertKind, string> = { hotspot: 'volcano', repeat_requester: 'gold', risk_words: 'red' };
export const STATUS_COLORS: Record<AlertStatus, string> = { open: 'red', acknowledged: 'orange', task_created: 'green', dismissed: 'default' };
