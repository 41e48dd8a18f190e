import { label, type Locale } from '@lianxin/core';

/** An audit action's name: a case action by its case label, any other by the audit group; else the code. */
export function auditActionLabel(code: string, locale: Locale): string {
  const asCase = label('action', code, locale);
  return asCase !== code ? asCase : label('auditAction', code, locale);
}

/** A subject type's name (case, user, household …); else the code. */
export const subjectLabel = (code: string, locale: Locale) => label('entity', code, locale);
