import type { CalendarDaySchema, Contract } from '@lianxin/core';
import type { Selectable } from 'kysely';
import type { CalendarDayTable } from '../../db/schema.js';

/** One listed day → its response contract. */
export function presentDay(d: Selectable<CalendarDayTable>): Contract<typeof CalendarDaySchema> {
  return { date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name, provisional: d.provisional === 1 };
}
