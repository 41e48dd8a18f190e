import { ACTIVE_STATES, subtreeRange } from '@lianxin/core';
import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OPEN_CASE_STATES } from '../../db/migrations/2026120901_ledger_open_cases.js';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { listCases } from './cases.queries.js';

// The overdue ledger is one walk of the open cases' partial index (cases_open_time, issue 19): the
// query must say `status in (<open states>)` in a form each database matches to the index's
// condition. SQLite, and PostgreSQL with DATABASE_URL. (Its rows and paging: cases.paging.test.ts.)
const { ctx } = suiteContext();

/** The statements the ledger's `overdue=true` walk sends through `db.executeQuery`, as sent. */
async function overdueStatements(sort?: 'registered_asc', cursor?: string) {
  const sent: CompiledQuery[] = [];
  const real = ctx.database.db;
  const db = new Proxy(real, {
    get(target, key) {
      if (key === 'executeQuery') return (query: CompiledQuery) => (sent.push(query), target.executeQuery(query));
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const [lo, hi] = subtreeRange(AREAS.county);
  await listCases(db, { areaRanges: [[lo, hi]], unitIds: ['unit-x'] }, { overdue: true, limit: 50, ...(sort ? { sort } : {}), ...(cursor ? { cursor } : {}) }, ctx.clock.now());
  return sent;
}

describe('the overdue ledger and the open cases’ index', () => {
  it('indexes exactly the states in which a time limit runs', () => {
    expect([...OPEN_CASE_STATES].sort()).toEqual([...ACTIVE_STATES].sort());
  });

  it('reads newest first (and oldest first) by one walk of cases_open_time, not a sort of every overdue case', async () => {
    // A later page starts at its cursor: a range of the index (SQLite says SEARCH, not SCAN).
    const cursor = Buffer.from(`${ctx.clock.now().toISOString()}|some-id`).toString('base64url');
    for (const [sort, after] of [[undefined, undefined], ['registered_asc', undefined], [undefined, cursor]] as const) {
      const statements = await overdueStatements(sort, after);
      expect(statements).toHaveLength(1);
      const [statement] = statements;
      let plan: string;
      if (ctx.database.dialect === 'sqlite') {
        const rows = await ctx.database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement!.sql}`, [...statement!.parameters]));
        plan = rows.rows.map((r) => r.detail).join('\n');
        expect(plan).not.toContain('TEMP B-TREE');
        if (after) expect(plan).toContain('SEARCH cases USING INDEX cases_open_time');
      } else {
        // A test database is small and unanalysed: take sequential scans and sorts off the table, so
        // the plan shows which index the query can use at all.
        plan = await ctx.database.db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          await sql`set local enable_bitmapscan = off`.execute(trx);
          await sql`set local enable_sort = off`.execute(trx);
          const rows = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain ${statement!.sql}`, [...statement!.parameters]));
          return rows.rows.map((r) => Object.values(r)[0]).join('\n');
        });
      }
      expect(plan, plan).toContain('cases_open_time');
    }
  });
});
