import type { CaseAction, CaseState } from '@lianxin/core';
import type { CaseClock } from '../../shared/time-left';

/** One timeline entry (cases.presenter.ts presentEvent). */
export interface CaseEvent {
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorUserId: string | null;
  actorUnitId: string | null;
  /** 'resident' / 'system' when no staff member acted. */
  actorLabel: string | null;
  at: string;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface CaseExtension {
  id: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** GET /api/cases/:id (cases.routes.ts presentDetail). */
export interface CaseDetail {
  id: string;
  code: string;
  title: string;
  kind: string;
  channel: string;
  categoryCode: string;
  areaCode: string;
  urgency: string;
  status: CaseState;
  flags: string[];
  currentUnitId: string | null;
  registeredAt: string;
  clock: CaseClock | null;
  requester: { anonymous: boolean; name: string | null; phone: string | null; idNumber: string | null };
  petitionClass: string | null;
  content: string;
  peopleCount: number;
  representatives: string | null;
  address: string | null;
  publicConsent: boolean;
  riskWords: string[];
  repeatOfId: string | null;
  duplicateOfId: string | null;
  ownerLevel: string;
  firstContactUserId: string;
  registeredBy: string;
  registeredUnitId: string;
  leaderUserId: string | null;
  handlerUserId: string | null;
  deadlines: Record<'intake' | 'accept' | 'handle' | 'evaluate' | 'review', string | null>;
  times: Record<'received' | 'registered' | 'dispatched' | 'accepted' | 'replied' | 'evaluated' | 'closed', string | null>;
  reply: { text: string; solved: boolean } | null;
  evaluation: { result: string; solved: boolean; comment: string | null; channel: string | null } | null;
  counts: { returns: number; reopens: number; dissatisfied: number; extensionDays: number };
  reviewLevel: number;
  version: number;
  canRevealRequester: boolean;
  actions: CaseAction[];
  events: CaseEvent[];
  coUnits: Array<{ unitId: string; unitName: string; addedAt: string; note: string | null }>;
  extensions: CaseExtension[];
  attachments: Array<{ id: string; fileName: string; mimeType: string; size: number; createdAt: string }>;
  duplicates: Array<{ id: string; code: string; title: string }>;
  accountability: Array<{ id: string; unitId: string | null; userId: string | null; reason: string; stage: string | null; note: string | null; createdAt: string }>;
}

/** GET /api/cases/:id/context (cases.context.ts). */
export interface CaseContext {
  users: Record<string, string>;
  units: Record<string, string>;
  areaPath: Array<{ code: string; name: string }>;
  categoryPath: Array<{ code: string; name: string; nameEn?: string }>;
  leaderCandidates: Array<{ id: string; displayName: string; unitName: string | null }>;
}
