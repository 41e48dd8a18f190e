import { randomUUID } from 'node:crypto';
import { DEFAULT_METRIC_WEIGHTS, DEFAULT_TIME_LIMIT_RULES } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { ensureCounters } from '../../modules/audit/audit.service.js';
import { defaultCalendarDays } from '../../modules/calendar/default-calendar.js';
import type { DB } from '../schema.js';
import { DEFAULT_CATEGORIES } from './categories.js';

/**
 * Reference data every installation needs, demo or not: counters, the holiday calendar, the
 * time-limit rules, the category tree and default settings. Each part is written only when its
 * table is empty, so admins' edits survive restarts.
 */
export async function ensureReferenceData(db: Kysely<DB>): Promise<void> {
  await ensureCounters(db);
  await db.transaction().execute(async (trx) => {
    // Inside the transaction: SQLite has one connection, and a query outside would wait for it.
    const isEmpty = async (table: 'calendarDays' | 'timeLimitRules' | 'categories' | 'settings') =>
      Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) === 0;

    if (await isEmpty('calendarDays')) {
      const days = defaultCalendarDays(2024).map((d) => ({ date: d.date, kind: d.kind, name: d.name, provisional: d.provisional ? 1 : 0 }));
      for (let i = 0; i < days.length; i += 200) await trx.insertInto('calendarDays').values(days.slice(i, i + 200)).execute();
    }
    if (await isEmpty('timeLimitRules')) {
      await trx
        .insertInto('timeLimitRules')
        .values(
          DEFAULT_TIME_LIMIT_RULES.map((r, i) => ({
            id: r.id ?? randomUUID(),
            stage: r.stage,
            kind: r.kind ?? null,
            categoryCode: r.categoryCode ?? null,
            urgency: r.urgency ?? null,
            channel: r.channel ?? null,
            amount: r.amount,
            unit: r.unit,
            note: r.note ?? null,
            sort: i,
          })),
        )
        .execute();
    }
    if (await isEmpty('categories')) {
      let sort = 0;
      for (const top of DEFAULT_CATEGORIES) {
        await trx.insertInto('categories').values({ code: top.code, parentCode: null, name: top.name, nameEn: top.nameEn, defaultUnitId: null, sort: sort++ }).execute();
        for (const [code, name, nameEn] of top.children) {
          await trx.insertInto('categories').values({ code, parentCode: top.code, name, nameEn, defaultUnitId: null, sort: sort++ }).execute();
        }
      }
    }
    if (await isEmpty('settings')) {
      await trx.insertInto('settings').values({ key: 'metrics.weights', value: JSON.stringify(DEFAULT_METRIC_WEIGHTS) }).execute();
    }
  });
}
