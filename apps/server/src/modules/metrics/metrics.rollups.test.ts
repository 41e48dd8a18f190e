import { CASE_ACTIONS, type CaseAction, type CaseState, isActionAllowed, subtreeRange } from '@lianxin/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CaseScope } from '../../access/access.js';
import { runTimeLimitSweep } from '../../jobs/time-limit-sweep.js';
import { ACTION_PATHS, actionBody } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { OPEN_DUE_STATES } from '../../db/migrations/2026120912_metrics_open_due.js';
import { type CountFilter, type CountRow, type GroupKey, metricsRepository, OVERDUE_STATES, splitPeriod } from './metrics.repository.js';
import { monthsBetween } from './metrics.service.js';

/**
 * 指标汇总 (issue 19): random case histories — registrations in several areas and categories,
 * dispatches to several units, returns, co-units, replies, evaluations, closures, reopenings,
 * petitions, time passing with the time-limit sweep escalating (overdue records), records confirmed,
 * withdrawn or deleted, cases back-dated or moved — and after each history, random metric queries
 * (scopes, groupings, filters, periods with and without midnights) answered from the rollups equal
 * the full recount over the cases table.
 */
const UNIT_CHOICES = ['u-civil', 'u-housing', 'u-villageA1', 'u-townA', 'u-townB'] as const;
/** Every county role, and handler and head in every unit a case may go to. */
const { ctx, boss } = suiteContext({
  boss: (c) =>
    c.userWith([
      ...(['registrar', 'dispatcher', 'supervisor', 'leader', 'unit_head', 'handler'] as const).map((role) => ({ role, unitId: c.org.units['u-center'] })),
      ...UNIT_CHOICES.flatMap((unit) => (['handler', 'unit_head'] as const).map((role) => ({ role, unitId: c.org.units[unit] }))),
    ]),
});
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const AREA_CHOICES = [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1, AREAS.gridA1, AREAS.townA];
const CATEGORY_CHOICES = ['social.dibao', 'urban.housing', 'health.insurance'];
type Step =
  | { kind: 'register'; area: number; category: number; petition: boolean; phone: number }
  | { kind: 'action'; target: number; action: CaseAction; unit: number; satisfied: boolean }
  | { kind: 'wait'; hours: number }
  | { kind: 'sweep' }
  | { kind: 'record'; target: number; state: 'confirmed' | 'withdrawn' | 'delete' }
  | { kind: 'backdate'; target: number; hours: number }
  | { kind: 'move'; target: number; area: number; category: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('register' as const), area: fc.nat(4), category: fc.nat(2), petition: fc.boolean(), phone: fc.nat(3) }) },
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('action' as const), target: fc.nat(50), action: fc.constantFrom(...CASE_ACTIONS), unit: fc.nat(4), satisfied: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('record' as const), target: fc.nat(50), state: fc.constantFrom('confirmed' as const, 'withdrawn' as const, 'delete' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backdate' as const), target: fc.nat(50), hours: fc.integer({ min: 1, max: 24 * 70 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), target: fc.nat(50), area: fc.nat(4), category: fc.nat(2) }) },
);

const SCOPES: CaseScope[] = [
  { areaRanges: [subtreeRange(AREAS.county)], unitIds: ['u-center'] },
  { areaRanges: [subtreeRange(AREAS.townA)], unitIds: ['u-townA'] },
  { areaRanges: [subtreeRange(AREAS.villageA1)], unitIds: ['u-villageA1'] },
  { areaRanges: [], unitIds: ['u-civil'] },
  { areaRanges: [], unitIds: ['u-housing', 'u-townB'] },
  { areaRanges: [subtreeRange(AREAS.villageB1)], unitIds: ['u-civil'] },
];

/** A filter in one query of four. */
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const query = fc.record({
  scope: fc.nat(SCOPES.length - 1),
  group: fc.constantFrom('unit', 'area9', 'area12', 'area15', 'category', 'month'),
  // Start and length in minutes, or in whole days (midnight to midnight, China time).
  wholeDays: fc.boolean(),
  start: fc.integer({ min: -24 * 60 * 90, max: 24 * 60 }),
  length: fc.integer({ min: 1, max: 24 * 60 * 150 }),
  areaRange: sometimes(fc.constantFrom(AREAS.townA, AREAS.villageA1, AREAS.gridA1)),
  unitId: sometimes(fc.constantFrom(...UNIT_CHOICES, 'u-center')),
  categoryCodes: sometimes(fc.constantFrom(['social.dibao'], ['urban.housing', 'health.insurance'])),
});

const caseIds: string[] = [];
/** The usual way forward, in order of preference (a step usually takes the first one allowed). */
const LIFECYCLE: CaseAction[] = ['dispatch', 'accept', 'reply', 'evaluate', 'callback', 'close', 'reopen', 'return', 'add_co_unit', 'request_review', 'complete_review'];

async function evaluationToken(caseId: string): Promise<string | null> {
  const rows = await ctx.database.db.selectFrom('outbox').select('body').where('caseId', '=', caseId).where('template', '=', 'sms.replied').execute();
  const body = rows.at(-1)?.body;
  return body ? /\/m\/evaluate\/(\S+)/.exec(body)![1] : null;
}

async function perform(step: Step) {
  let s = step;
  const db = ctx.database.db;
  const target = (n: number) => caseIds[n % caseIds.length];
  switch (s.kind) {
    case 'register': {
      const body = caseInput({
        areaCode: AREA_CHOICES[s.area],
        categoryCode: CATEGORY_CHOICES[s.category],
        requester: { name: '群众', phone: `1390798${String(1000 + s.phone)}` },
        ...(s.petition ? { kind: 'petition', channel: 'letter', petitionClass: 'appeal' } : {}),
      });
      const created = await boss.post('/api/cases', body);
      expect(created.statusCode, created.body).toBe(201);
      caseIds.push(created.json().id);
      return;
    }
    case 'action': {
      if (!caseIds.length) return;
      const caseId = target(s.target);
      // Mostly an action the case's state allows (a deep history), sometimes any (a refusal changes nothing).
      const { status } = await db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
      const allowed = CASE_ACTIONS.filter((a) => isActionAllowed(status as CaseState, a));
      const onward = LIFECYCLE.filter((a) => allowed.includes(a));
      if (onward.length && s.unit !== 0) s = { ...s, action: s.unit === 4 ? allowed[s.target % allowed.length] : onward[(s.target % 3 === 0 ? s.unit : 0) % onward.length] };
      const evaluation = { result: s.satisfied ? 'satisfied' : 'basically_satisfied', solved: s.satisfied };
      if (s.action === 'evaluate') {
        const token = await evaluationToken(caseId);
        if (token) await ctx.anonymous().post(`/api/public/evaluations/${token}`, evaluation);
        return;
      }
      const detail = (await boss.get(`/api/cases/${caseId}`)).json();
      const pending = detail.extensions?.find((x: { status: string }) => x.status === 'pending');
      const other = caseIds.find((id) => id !== caseId) ?? 'none';
      let body = actionBody(ctx, s.action as Exclude<CaseAction, 'evaluate'>, { otherCaseId: other, extensionId: pending?.id }) as Record<string, unknown>;
      if (s.action === 'dispatch' || s.action === 'add_co_unit') body = { ...body, unitId: UNIT_CHOICES[s.unit] };
      if (s.action === 'callback') body = { ...evaluation, result: s.satisfied ? 'satisfied' : 'dissatisfied' };
      const response = await boss.post(`/api/cases/${caseId}/${ACTION_PATHS[s.action]}`, body);
      expect(response.statusCode, response.body).toBeLessThan(500);
      return;
    }
    case 'wait':
      ctx.clock.advance(s.hours * HOUR);
      return;
    case 'sweep':
      await runTimeLimitSweep(ctx.app.services);
      return;
    case 'record': {
      const records = await db.selectFrom('accountabilityRecords').select('id').where('reason', '=', 'overdue').orderBy('id').execute();
      if (!records.length) return;
      const id = records[s.target % records.length].id;
      if (s.state === 'delete') await db.deleteFrom('accountabilityRecords').where('id', '=', id).execute();
      else await db.updateTable('accountabilityRecords').set({ state: s.state }).where('id', '=', id).execute();
      return;
    }
    case 'backdate': {
      if (!caseIds.length) return;
      const row = await db.selectFrom('cases').select('registeredAt').where('id', '=', target(s.target)).executeTakeFirstOrThrow();
      const registeredAt = new Date(Date.parse(row.registeredAt) - s.hours * HOUR).toISOString();
      await db.updateTable('cases').set({ registeredAt }).where('id', '=', target(s.target)).execute();
      return;
    }
    case 'move':
      if (!caseIds.length) return;
      await db.updateTable('cases').set({ areaCode: AREA_CHOICES[s.area], categoryCode: CATEGORY_CHOICES[s.category] }).where('id', '=', target(s.target)).execute();
      return;
  }
}

const sorted = (rows: CountRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

async function compare(q: Query) {
  const now = ctx.clock.now();
  const localMidnight = Date.parse(`${new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10)}T00:00:00.000Z`) - 8 * HOUR;
  const from = q.wholeDays ? localMidnight + Math.round(q.start / 1440) * DAY : now.getTime() + q.start * 60_000;
  const to = q.wholeDays ? from + Math.max(1, Math.round(q.length / 1440)) * DAY : from + q.length * 60_000;
  const filter: CountFilter = {
    scope: SCOPES[q.scope],
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    now: now.toISOString(),
    areaRange: q.areaRange ? subtreeRange(q.areaRange) : undefined,
    unitId: q.unitId,
    categoryCodes: q.categoryCodes,
  };
  const group: GroupKey =
    q.group === 'unit'
      ? { kind: 'unit' }
      : q.group === 'category'
        ? { kind: 'category' }
        : q.group === 'month'
          ? { kind: 'month', months: monthsBetween(new Date(from), new Date(to)) }
          : { kind: 'area', digits: Number(q.group.slice(4)) as 9 | 12 | 15 };
  const { db, dialect } = ctx.database;
  const fromRollups = await metricsRepository.countGroups(db, dialect, filter, group);
  const recount = await metricsRepository.recountGroups(db, dialect, filter, group);
  expect(sorted(fromRollups), JSON.stringify({ filter, group: q.group })).toEqual(sorted(recount));
  return recount.length;
}

describe('metrics rollups', () => {
  it('name the overdue states as the partial index cases_open_due does (same list, same order), so the live count reads the index only', () => {
    expect([...OVERDUE_STATES]).toEqual([...OPEN_DUE_STATES]);
  });

  it('split a period into live edges, whole days and whole months', () => {
    // 2026-03-02 10:00 China time to 2026-05-03 00:00 China time.
    expect(splitPeriod('2026-03-02T02:00:00.000Z', '2026-05-02T16:00:00.000Z')).toEqual({
      edges: [['2026-03-02T02:00:00.000Z', '2026-03-02T16:00:00.000Z']],
      whole: { from: '2026-03-02T16:00:00.000Z', to: '2026-05-02T16:00:00.000Z', days: [['2026-03-03', '2026-04-01'], ['2026-05-01', '2026-05-03']], months: ['2026-04', '2026-05'] },
    });
    // Inside one day: all live.
    expect(splitPeriod('2026-03-02T02:00:00.000Z', '2026-03-02T09:00:00.000Z')).toEqual({ edges: [['2026-03-02T02:00:00.000Z', '2026-03-02T09:00:00.000Z']], whole: null });
    // Midnight to midnight within a month: days only.
    expect(splitPeriod('2026-03-01T16:00:00.000Z', '2026-03-05T16:00:00.000Z').whole).toMatchObject({ days: [['2026-03-02', '2026-03-06']], months: null });
  });

  it('equal a full recount of the cases over random histories and queries', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), fc.array(query, { minLength: 4, maxLength: 8 }), async (steps, queries) => {
        for (const s of steps) await perform(s);
        for (const q of queries) if ((await compare(q)) > 0) nonEmpty++;
      }),
      { numRuns: Number(process.env.ROLLUP_RUNS ?? 30) },
    );
    // The queries did count something (not only empty answers agreeing).
    expect(nonEmpty).toBeGreaterThan(20);
    // And the rollups equal a recount of themselves from the cases (no stray zero-sum keys matter).
    const { db } = ctx.database;
    const cases = await db.selectFrom('cases').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    for (const table of ['caseRollupDays', 'caseRollupMonths', 'caseRollupUnitDays', 'caseRollupUnitMonths'] as const) {
      const total = await db.selectFrom(table).select(sql<number>`sum(registered)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(total.n), table).toBe(Number(cases.n));
    }
  }, 600_000);
});
