import { ACCOUNTABILITY_STATES, type AccountabilityRecordSchema, type AccountabilityState, type Contract } from '@lianxin/core';
import type { LedgerRow } from './accountability.repository.js';

const asState = (s: string): AccountabilityState => ((ACCOUNTABILITY_STATES as readonly string[]).includes(s) ? (s as AccountabilityState) : 'proposed');

/** A ledger line, with what the reader may do with it now. */
export function presentRecord(row: LedgerRow, may: { decide: boolean; appeal: boolean }): Contract<typeof AccountabilityRecordSchema> {
  const state = asState(row.state);
  const open = state === 'proposed' || state === 'appealed';
  return {
    id: row.id,
    caseId: row.caseId,
    caseCode: row.caseCode,
    caseTitle: row.caseTitle,
    areaCode: row.areaCode,
    unitId: row.unitId,
    unitName: row.unitName ?? null,
    source: row.reason,
    stage: row.stage,
    note: row.note,
    state,
    appealText: row.appealText,
    appealedAt: row.appealedAt,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    canDecide: open && may.decide,
    canAppeal: state === 'proposed' && may.appeal,
  };
}
