import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { subtreeRange } from '@lianxin/core';
import SQLite from 'better-sqlite3';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import * as caseRollups from '../apps/server/src/db/migrations/2026120851_case_rollups.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import { createAuditLog } from '../apps/server/src/modules/audit/audit.service.js';
import { type CountFilter, type GroupKey, metricsRepository } from '../apps/server/src/modules/metrics/metrics.repository.js';
import { createMetricsService, monthsBetween } from '../apps/server/src/modules/metrics/metrics.service.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { stats, time } from './knowledge-common.js';
import { generateCases } from './generate-cases.js';

/**
 * npm run bench:metrics — the metrics paths of issue 19 on a SQLite database of BENCH_CASES cases
 * (default 1,000,000: the demo county with 200 cases driven through the services, plus generated
 * ones spread over six months, written without the rollups, which migration 2026120851 then
 * backfills, timed). For a
 * county-wide user: one year and 30 days by unit, and one year by area, category and month, each
 * answered from the rollups (`countGroups`, what GET /api/metrics uses) and by the full recount
 * over the cases table (`recountGroups`, what it used before); the answers are checked equal.
 * Then the year and 30 days through the service (labels, rates). BENCH_DB reuses a kept database
 * (BENCH_KEEP=1 prints its path; BENCH_REBUILD_ROLLUPS=1 drops its rollups and backfills them again). Prints JSON with the load average.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const REUSE = process.env.BENCH_DB;
const dataDir = REUSE ? dirname(REUSE) : mkdtempSync(join(tmpdir(), 'lianxin-metrics-'));
const dbFile = REUSE ?? join(dataDir, 'lianxin.sqlite');
const DAY = 86_400_000;

async function main() {
  let generated = { count: 0, seconds: 0 };
  let backfillSeconds = 0;
  let database = createDatabase({ url: dbFile });
  if (REUSE && process.env.BENCH_REBUILD_ROLLUPS) {
    // Drop the rollups of a kept database so the migration backfills them again (timed below).
    await caseRollups.down(database.db);
    await database.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '2026120851_case_rollups' as never).execute();
  }
  const started = performance.now();
  const applied = await migrateToLatest(database.db);
  const migrateSeconds = (performance.now() - started) / 1000;
  if (REUSE && applied.length) console.log(`  migrated ${applied.join(', ')} in ${migrateSeconds.toFixed(1)} s`);
  if (!REUSE) {
    console.log(`seeding the demo county and ${CASES.toLocaleString()} cases into ${dbFile} …`);
    await ensureReferenceData(database.db);
    await seedDemo({ db: database.db, cipher: createCipher(loadMasterKey(dataDir)), clock: createClock(), caseCount: 200 });
    // The cases go in without the rollups, which the migration then backfills (timed): what an
    // existing province's database goes through.
    await caseRollups.down(database.db);
    await database.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '2026120851_case_rollups' as never).execute();
    await database.close();
    const sqlite = new SQLite(dbFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = OFF');
    generated = generateCases(sqlite, Math.max(0, CASES - 200));
    console.log(`  generated ${generated.count.toLocaleString()} cases in ${generated.seconds.toFixed(1)} s`);
    sqlite.close();
    database = createDatabase({ url: dbFile });
    const backfillStarted = performance.now();
    await migrateToLatest(database.db);
    backfillSeconds = (performance.now() - backfillStarted) / 1000;
    console.log(`  migration 2026120851_case_rollups (backfill) in ${backfillSeconds.toFixed(1)} s`);
  }
  const db = database.db;
  const county = await db.selectFrom('units').select(['id', 'name', 'areaCode']).orderBy((eb) => eb.fn('length', ['areaCode'])).orderBy('areaCode').limit(1).executeTakeFirstOrThrow();
  const total = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rollupRows: Record<string, number> = {};
  for (const table of ['caseRollupDays', 'caseRollupMonths', 'caseRollupUnitDays', 'caseRollupUnitMonths'] as const) {
    rollupRows[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }

  const now = new Date();
  const scope = { areaRanges: [subtreeRange(county.areaCode)], unitIds: [county.id] };
  const filter = (days: number): CountFilter => ({ scope, from: new Date(now.getTime() - days * DAY).toISOString(), to: now.toISOString(), now: now.toISOString() });
  const paths: Array<[string, CountFilter, GroupKey]> = [
    ['metrics_year', filter(365), { kind: 'unit' }],
    ['metrics_30d', filter(30), { kind: 'unit' }],
    ['metrics_year_area', filter(365), { kind: 'area', digits: 9 }],
    ['metrics_year_category', filter(365), { kind: 'category' }],
    ['metrics_year_month', filter(365), { kind: 'month', months: monthsBetween(new Date(now.getTime() - 365 * DAY), now) }],
  ];
  const figures: Record<string, unknown> = {};
  for (const [name, f, group] of paths) {
    const sort = (rows: Awaited<ReturnType<typeof metricsRepository.countGroups>>) => JSON.stringify([...rows].sort((a, b) => a.key.localeCompare(b.key)));
    const after = await metricsRepository.countGroups(db, 'sqlite', f, group);
    const before = await metricsRepository.recountGroups(db, 'sqlite', f, group);
    if (sort(after) !== sort(before)) throw new Error(`${name}: the rollup answer differs from the recount`);
    const rollupTimes = await time(120, RUNS, () => metricsRepository.countGroups(db, 'sqlite', f, group));
    const recountTimes = await time(120, Math.max(3, Math.round(RUNS / 3)), () => metricsRepository.recountGroups(db, 'sqlite', f, group));
    figures[name] = { rollups: stats(rollupTimes), recount: stats(recountTimes), groups: after.length, counted: after.reduce((n, r) => n + r.counts.registered, 0) };
    console.log(`  ${name}: rollups p50 ${stats(rollupTimes).p50} ms, recount p50 ${stats(recountTimes).p50} ms`);
  }

  // Through the service, as GET /api/metrics answers (labels, rates, weights).
  const clock = createClock();
  const cipher = createCipher(loadMasterKey(dataDir));
  const metrics = createMetricsService({ db, dialect: 'sqlite', clock, audit: createAuditLog({ db, clock, cipher, dataDir }) });
  const actor: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', sessionId: '', csrfToken: '',
    grants: [{ role: 'leader', unitId: county.id, unitName: county.name, areaCode: county.areaCode }] };
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const service: Record<string, unknown> = {};
  for (const [name, query] of [
    ['year_by_unit', { groupBy: 'unit' as const, from: day(now.getTime() - 364 * DAY), to: day(now.getTime()) }],
    ['30d_by_unit_default', { groupBy: 'unit' as const }],
  ] as const) {
    service[name] = stats(await time(120, RUNS, () => metrics.report(actor, query, 'zh-CN')));
  }
  await database.close();
  const load = loadavg().map((n) => Math.round(n * 100) / 100);
  console.log(JSON.stringify({ db: 'sqlite', cases: Number(total.n), rollupRows, generateSeconds: Math.round(generated.seconds), backfillSeconds: Math.round(backfillSeconds * 10) / 10, migrateSeconds: Math.round(migrateSeconds * 10) / 10, // on reuse: the migrations applied, e.g. the backfill
     paths: figures, service, load, ...(process.env.BENCH_KEEP ? { kept: dbFile } : {}) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
