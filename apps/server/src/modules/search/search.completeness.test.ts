import { beforeAll, describe, expect, it } from 'vitest';
import { act, allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { insertBulkCases } from '../../test/bulk-cases.js';
import { caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { searchPool } from './search.repository.js';

// A narrow scope's search is complete (issue 19): a village cadre whose village and unit hold a
// few matches among many the cadre cannot see finds every one of them and is never told the
// answer is partial, however small the walk's budget. SQLite, and PostgreSQL with DATABASE_URL.
const { ctx, boss } = suiteContext({ boss: allPowerful });
const mine: string[] = [];

beforeAll(async () => {
  const created = await boss.post('/api/cases', caseInput({ title: '模板诉求', content: '用于批量生成的模板。', requester: { anonymous: true } }));
  expect(created.statusCode, created.body).toBe(201);
  const template = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
  const now = ctx.clock.now().getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const row = (id: string, minutesAgo: number, areaCode: string, unit: string | null) => ({
    id, code: id.toUpperCase(), registeredAt: at(minutesAgo), areaCode, currentUnitId: unit, status: unit ? 'handling' : 'registered', title: '桥梁护栏维修', content: '桥梁护栏松动需要维修。',
  });
  // The oldest: two in 西门 (villageA2), two held by 西门's committee elsewhere, one a co-unit's.
  const old = [
    row('mine-village-1', 5000, AREAS.villageA2, null),
    row('mine-village-2', 4990, AREAS.villageA2, ctx.org.units['u-civil']),
    row('mine-unit-1', 4980, AREAS.villageB1, ctx.org.units['u-villageA2']),
    row('mine-unit-2', 4970, AREAS.villageA1, ctx.org.units['u-villageA2']),
  ];
  // Then 600 newer matches the cadre cannot see (东门 and 河口, other units).
  const others = Array.from({ length: 600 }, (_, i) => row(`other-${String(i).padStart(4, '0')}`, 4000 - i, i % 2 ? AREAS.villageA1 : AREAS.villageB1, i % 3 ? ctx.org.units['u-civil'] : null));
  await insertBulkCases(ctx.database.db, template, [...old, ...others], { index: true });
  // A co-unit added through the API puts the case in the unit's reach (and in its index words).
  const lent = await boss.post('/api/cases', caseInput({ title: '桥梁护栏维修', content: '河口桥梁护栏需要维修。', areaCode: AREAS.villageB1, requester: { anonymous: true } }));
  const lentId = lent.json().id as string;
  await act(boss, lentId, 'dispatch', { unitId: ctx.org.units['u-civil'] });
  await act(await ctx.as('handler'), lentId, 'accept', {});
  await act(boss, lentId, 'add_co_unit', { unitId: ctx.org.units['u-villageA2'] });
  mine.push(...old.map((r) => r.id), lentId);
});

const scopeOf = async (userId: string) => {
  const grants = await ctx.database.db.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId')
    .select(['userRoles.role', 'userRoles.unitId', 'units.name as unitName', 'units.areaCode']).where('userRoles.userId', '=', userId).execute();
  return caseScope({ grants } as Pick<Actor, 'grants'>);
};

describe('search for a narrow scope', () => {
  it('finds every case the village cadre may see among many they may not, and is never partial', async () => {
    const scope = await scopeOf(ctx.org.users.cadreA2);
    const now = ctx.clock.now().toISOString();
    // The village is narrow (its areas go into the match): any budget; checked in SQL only (as a
    // county's areas are), the default budget.
    for (const [budget, areaMatchCap] of [[undefined, undefined], [50, undefined], [10, undefined], [undefined, 1]] as const) {
      {
        const pool = await searchPool(ctx.database.db, ['护栏'], scope, {}, false, now, { budget, areaMatchCap });
        expect(pool.partial, `budget ${budget}, cap ${areaMatchCap}`).toBe(false);
        expect(pool.ranked.map((h) => h.id).sort(), `budget ${budget}, cap ${areaMatchCap}`).toEqual([...mine].sort());
      }
    }
  });

  it('answers the same through the API: five cases, not partial', async () => {
    const cadre = await ctx.as('cadreA2');
    const page = (await cadre.get(`/api/search/cases?q=${encodeURIComponent('护栏维修')}&limit=50`)).json() as { items: Array<{ id: string }>; partial: boolean };
    expect(page.partial).toBe(false);
    expect(page.items.map((i) => i.id).sort()).toEqual([...mine].sort());
  });

  it('follows the unit when the case moves: a case returned by the unit leaves its search', async () => {
    const handler = await ctx.as('handler');
    const created = await boss.post('/api/cases', caseInput({ title: '护栏油漆脱落', content: '桥梁护栏油漆脱落。', areaCode: AREAS.villageB1, requester: { anonymous: true } }));
    const id = created.json().id as string;
    const found = async () => ((await handler.get(`/api/search/cases?q=${encodeURIComponent('油漆')}&limit=50`)).json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
    expect(await found()).toEqual([]);
    await act(boss, id, 'dispatch', { unitId: ctx.org.units['u-civil'] });
    expect(await found()).toEqual([id]);
    await act(handler, id, 'return', { reason: '不属于本单位职责' });
    expect(await found()).toEqual([]);
  });
});
