import type { AlertSchema, Contract } from '@lianxin/core';
import type { AlertRow } from '../../db/schema.js';

/** An alert row → its response contract. */
export const presentAlert = (a: AlertRow): Contract<typeof AlertSchema> => ({
  id: a.id,
  kind: a.kind,
  areaCode: a.areaCode,
  title: a.title,
  summary: a.summary,
  caseCount: a.caseCount,
  windowStart: a.windowStart,
  windowEnd: a.windowEnd,
  status: a.status,
  statusNote: a.statusNote,
  taskCaseId: a.taskCaseId,
  topic: a.topic ? JSON.parse(a.topic) : null,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});
