import { addLocalDays, localDate } from '@lianxin/core';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';
import { DEMO_USERS, unitIdOfDept } from './org.js';

const DAY = 86_400_000;
const idOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.id;

/**
 * 值班 · 请假 for the demo, through the real services: two weeks of the county centre's roster
 * (day and night, weekends included) and this week of 民政局's, with next Sunday's night left
 * unfilled (flagged a week ahead); one approved annual leave at 住建局.
 */
export async function seedDemoDuty(services: Services, end: number): Promise<void> {
  const today = localDate(new Date(end));
  const centre = ['registrar', 'hotline', 'dispatcher', 'supervisor'].map(idOf);
  const entries = [];
  for (let i = 0; i < 14; i++) {
    const date = addLocalDays(today, i);
    if (i === 13) continue; // a gap the week-ahead check will flag
    entries.push({ date, shift: 'day' as const, userId: centre[i % centre.length]!, leadUserId: null });
    entries.push({ date, shift: 'night' as const, userId: centre[(i + 2) % centre.length]!, leadUserId: null });
  }
  await services.duty.save(demoActor('admin'), { unitId: unitIdOfDept('center'), entries });
  const minzheng = ['handler', 'unithead'].map(idOf);
  await services.duty.save(demoActor('unithead'), {
    unitId: unitIdOfDept('minzheng'),
    entries: [0, 1, 2, 3, 4, 5, 6].map((i) => ({ date: addLocalDays(today, i), shift: 'day' as const, userId: minzheng[i % 2]!, leadUserId: idOf('unithead') })),
  });
  const applied = await services.leave.apply(demoActor('zhujian.handler'), { kind: 'annual', startsOn: localDate(new Date(end + 7 * DAY)), endsOn: localDate(new Date(end + 11 * DAY)), reason: '年休假，回老家探亲' });
  await services.leave.decide(demoActor('zhujian.head'), applied.id, true, '同意，请安排好在办件');
}
