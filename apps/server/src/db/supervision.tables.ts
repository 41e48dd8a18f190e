/**
 * Row types of the supervision tables (migrations 2026120608_supervision, 2026120609_urges_instructions):
 * 督办 orders and the cases they cover, 催办 urges, 批示 instructions. `DB` in schema.ts extends this.
 */
import type { Selectable } from 'kysely';

type Flag = number; // 0 | 1

export interface SupervisionOrderTable {
  id: string;
  number: string;
  level: string;
  state: string;
  unitId: string;
  areaCode: string;
  issuingUnitId: string;
  issuedBy: string;
  issuedAt: string;
  reason: string;
  responseDueAt: string;
  signedAt: string | null;
  signedBy: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  response: string | null;
  respondedLate: Flag;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  returnCount: number;
  escalatedAt: string | null;
}
export type SupervisionOrderRow = Selectable<SupervisionOrderTable>;

export interface SupervisionOrderCaseTable {
  orderId: string;
  caseId: string;
}

export interface CaseUrgeTable {
  id: string;
  caseId: string;
  unitId: string | null;
  urgedBy: string;
  note: string | null;
  createdAt: string;
}

export interface CaseInstructionTable {
  id: string;
  caseId: string;
  unitId: string;
  leaderUserId: string;
  text: string;
  state: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  reportedAt: string | null;
  reportedBy: string | null;
  report: string | null;
}
export type CaseInstructionRow = Selectable<CaseInstructionTable>;

export interface SupervisionTables {
  supervisionOrders: SupervisionOrderTable;
  supervisionOrderCases: SupervisionOrderCaseTable;
  caseUrges: CaseUrgeTable;
  caseInstructions: CaseInstructionTable;
}
