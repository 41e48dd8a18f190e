import type { CadrePage, DutyShift, LeaveKind, LeaveState } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * A cadre's duty days and leave for their page (干部档案): shifts on the roster this year, the next
 * five, and this year's leave with the approved days counted inside the year.
 */
export async function dutyAndLeaveOf(db: Kysely<DB>, userId: string, year: number, today: string): Promise<CadrePage['dutyAndLeave']> {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const [count, upcoming, leaves] = await Promise.all([
    db.selectFrom('dutyShifts').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('date', '>=', from).where('date', '<=', to).executeTakeFirst(),
    db
      .selectFrom('dutyShifts as s')
      .innerJoin('units as u', 'u.id', 's.unitId')
      .select(['s.date', 's.shift', 'u.name as unitName'])
      .where('s.userId', '=', userId)
      .where('s.date', '>=', today)
      .orderBy('s.date')
      .orderBy('s.shift')
      .limit(5)
      .execute(),
    db.selectFrom('leaves').select(['kind', 'startsOn', 'endsOn', 'state']).where('userId', '=', userId).where('endsOn', '>=', from).where('startsOn', '<=', to).orderBy('startsOn', 'desc').execute(),
  ]);
  const leaveDays = leaves
    .filter((l) => l.state === 'approved')
    .reduce((sum, l) => sum + daysBetween(l.startsOn < from ? from : l.startsOn, l.endsOn > to ? to : l.endsOn), 0);
  return {
    dutyShifts: Number(count?.n ?? 0),
    upcoming: upcoming.map((s) => ({ date: s.date, shift: s.shift as DutyShift, unitName: s.unitName })),
    leaveDays,
    leaves: leaves.map((l) => ({ kind: l.kind as LeaveKind, startsOn: l.startsOn, endsOn: l.endsOn, state: l.state as LeaveState })),
  };
}
