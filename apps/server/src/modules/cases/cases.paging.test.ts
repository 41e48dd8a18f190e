import { ACTIVE_STATES } from '@lianxin/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { insertBulkCases } from '../../test/bulk-cases.js';
import type { CaseRow } from '../../db/schema.js';
import { LEDGER_TEXT_IDS } from './cases.queries.js';

// Keyset paging of the ledger where issue 19 changed how it reads: a ledger narrowed by states
// (and `overdue`) merges one walk per state; free text comes from the search index. Every case
// must come once, in order, across pages. SQLite, and PostgreSQL with DATABASE_URL.
const { ctx, boss } = suiteContext({ boss: allPowerful });
let template: CaseRow;
const STATES = ['registered', 'assigned', 'handling', 'replied', 'closed', 'reopened'] as const;

beforeAll(async () => {
  const created = await boss.post('/api/cases', caseInput({ title: '模板诉求', content: '用于批量生成的模板。', requester: { anonymous: true } }));
  expect(created.statusCode, created.body).toBe(201);
  template = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
  const now = ctx.clock.now().getTime();
  // 90 cases over 30 days, three to a registration instant (ties broken by id), in turn of state;
  // the open ones registered over 10 days ago are past their deadline.
  const rows = Array.from({ length: 90 }, (_, i) => {
    const at = new Date(now - Math.floor(i / 3) * 24 * 3_600_000 - 60_000).toISOString();
    const status = STATES[i % STATES.length]!;
    const open = (ACTIVE_STATES as readonly string[]).includes(status);
    return {
      id: `page-${String((i * 37) % 90).padStart(3, '0')}`,
      code: `PG-${i}`,
      status,
      registeredAt: at,
      currentDueAt: open ? new Date(Date.parse(at) + 10 * 86_400_000).toISOString() : null,
      areaCode: i % 2 ? AREAS.villageA1 : AREAS.villageB1,
      title: '分页测试诉求',
    };
  });
  await insertBulkCases(ctx.database.db, template, rows, { index: true });
});

/** Every page of a ledger query, followed by its cursors. */
async function allPages(query: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const response = await boss.get(`/api/cases?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

/** The ids the ledger should list, straight from the table, in its order. */
async function expected(where: (row: CaseRow) => boolean, dir: 'asc' | 'desc') {
  const rows = (await ctx.database.db.selectFrom('cases').selectAll().execute()).filter(where);
  const s = dir === 'asc' ? 1 : -1;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => s * (cmp(a.registeredAt, b.registeredAt) || cmp(a.id, b.id))).map((r) => r.id);
}

describe('ledger keyset paging at the seams of issue 19', () => {
  it('pages a ledger narrowed to several states: each case once, newest first and oldest first', async () => {
    const want = (r: CaseRow) => ['handling', 'closed', 'reopened'].includes(r.status);
    expect(await allPages('status=handling,closed,reopened')).toEqual(await expected(want, 'desc'));
    expect(await allPages('status=handling,closed,reopened&sort=registered_asc')).toEqual(await expected(want, 'asc'));
  });

  it('pages the overdue ledger: the open cases past their deadline, in order', async () => {
    const now = ctx.clock.now().toISOString();
    const overdue = (r: CaseRow) => (ACTIVE_STATES as readonly string[]).includes(r.status) && r.currentDueAt !== null && r.currentDueAt < now;
    const ids = await allPages('overdue=true');
    expect(ids.length).toBeGreaterThan(20);
    expect(ids).toEqual(await expected(overdue, 'desc'));
    expect(await allPages('overdue=true&status=handling,closed')).toEqual(await expected((r) => overdue(r) && r.status === 'handling', 'desc'));
  });

  it('pages free text from the search index, and a word found nowhere is an empty page', async () => {
    expect(await allPages(`q=${encodeURIComponent('分页测试')}`)).toEqual(await expected((r) => r.title === '分页测试诉求', 'desc'));
    expect(await allPages(`q=${encodeURIComponent('分页测试')}&status=registered,assigned`)).toEqual(
      await expected((r) => r.title === '分页测试诉求' && ['registered', 'assigned'].includes(r.status), 'desc'),
    );
    expect(await allPages(`q=${encodeURIComponent('彩票')}`)).toEqual([]);
    // A tracking code is found as such.
    expect(await allPages(`q=${template.code}`)).toEqual([template.id]);
  });

  it('walks a word in more cases than the id list holds, probing each case', async () => {
    const rows = Array.from({ length: LEDGER_TEXT_IDS + 50 }, (_, i) => ({
      id: `many-${String(i).padStart(5, '0')}`,
      code: `MANY-${i}`,
      registeredAt: new Date(ctx.clock.now().getTime() - 40 * 86_400_000 - i * 60_000).toISOString(),
      title: '彩虹桥护栏松动',
    }));
    await insertBulkCases(ctx.database.db, template, rows, { index: true });
    const first = (await boss.get(`/api/cases?q=${encodeURIComponent('彩虹桥')}&limit=50`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(first.items.map((i) => i.id)).toEqual(rows.slice(0, 50).map((r) => r.id));
    const second = (await boss.get(`/api/cases?q=${encodeURIComponent('彩虹桥')}&limit=50&cursor=${first.nextCursor}`)).json() as { items: Array<{ id: string }> };
    expect(second.items.map((i) => i.id)).toEqual(rows.slice(50, 100).map((r) => r.id));
  }, 180_000);
});
