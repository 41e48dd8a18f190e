import type { CalendarDayPut } from '@lianxin/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CalendarDayTable, DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { calendarRepository as repo } from './calendar.repository.js';

export interface CalendarServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  deadlines: Deadlines;
}

type DayRow = Selectable<CalendarDayTable>;

/**
 * The holiday calendar (法定节假日 and 调休): the days that depart from the Monday–Friday week.
 * Working-day limits count with it, so every change drops the deadline cache. Deadlines already
 * computed for open cases stay as they were.
 */
export function createCalendarService({ db, audit, deadlines }: CalendarServiceDeps) {
  async function change<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(work);
    await deadlines.invalidate();
    return result;
  }

  return {
    /** The listed days of one year — any signed-in staff member. */
    year: (_actor: Actor, year: number) => repo.year(db, year),

    /** Marks a date as a holiday or a swapped working day (creates or replaces the entry). */
    async put(actor: Actor, date: string, input: CalendarDayPut): Promise<{ day: DayRow; created: boolean }> {
      assertCan(actor, 'config.manage');
      return change(async (trx) => {
        const before = await repo.find(trx, date);
        await repo.upsert(trx, { date, kind: input.kind, name: input.name });
        const after = { kind: input.kind, name: input.name };
        await audit.append({ actorUserId: actor.userId, action: before ? 'update' : 'create', subjectType: 'calendar_day', subjectId: date, detail: { before: before ?? null, after } }, trx);
        return { day: (await repo.find(trx, date))!, created: !before };
      });
    },

    /** Removes a date's entry: it becomes an ordinary weekday or weekend day. */
    async remove(actor: Actor, date: string): Promise<void> {
      assertCan(actor, 'config.manage');
      await change(async (trx) => {
        const before = await repo.find(trx, date);
        if (!before) throw notFound();
        await repo.delete(trx, date);
        await audit.append({ actorUserId: actor.userId, action: 'delete', subjectType: 'calendar_day', subjectId: date, detail: { before } }, trx);
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
