import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addLocalDays, localDate, startOfLocalDay } from '@lianxin/core';
import { createClock } from '../apps/server/src/clock.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import type { CheckInTable, VisitTable } from '../apps/server/src/db/field-work.tables.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import type { Actor } from '../apps/server/src/access/actor.js';
import { stationingWorkbook } from '../apps/server/src/modules/stationing/stationing.excel.js';
import { createRng } from '../apps/server/src/db/seed/demo/random.js';
import { createCipher } from '../apps/server/src/security/cipher.js';
import { createServices } from '../apps/server/src/services.js';

/**
 * npm run bench:stationing — the stationing compliance report of a county (issue 5): BENCH_CADRES
 * stationed cadres (default 200, one per village, 20 townships) and a year of visits and check-ins
 * in a SQLite database under /tmp; times the county report over the whole year and over one
 * quarter, a township's report, and the Excel export. Prints JSON.
 */
const CADRES = Number(process.env.BENCH_CADRES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const COUNTY = '369901000000';
const TODAY = '2026-11-20';
const YEAR_START = '2025-11-24'; // a Monday, 52 weeks before the week of TODAY

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;
const stats = (xs: number[]) => ({ runs: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });
async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the page cache and the statement cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), 'lianxin-stationing-'));
const database = await createDatabase({ url: join(dir, 'lianxin.sqlite') });
await migrateToLatest(database.db);
await ensureReferenceData(database.db);
const { db } = database;
const rng = createRng(20261121);
const now = new Date(startOfLocalDay(TODAY).getTime() + 10 * 3_600_000);
const nowIso = now.toISOString();

// The county: 20 townships of 10 villages, one stationed cadre per village.
const loadStarted = performance.now();
const townships = Math.ceil(CADRES / 10);
await db.insertInto('areas').values([
  { code: '360000000000', parentCode: null, name: '江西省', level: 'province' },
  { code: '369900000000', parentCode: '360000000000', name: '云州市', level: 'city' },
  { code: COUNTY, parentCode: '369900000000', name: '青溪县', level: 'county' },
]).execute();
const villages: string[] = [];
for (let t = 0; t < townships; t++) {
  const town = `369901${String(100 + t).padStart(3, '0')}000`;
  await db.insertInto('areas').values({ code: town, parentCode: COUNTY, name: `第${t + 1}乡镇`, level: 'township' }).execute();
  const rows = [];
  for (let v = 0; v < 10 && villages.length < CADRES; v++) {
    const code = `${town.slice(0, 9)}${String(201 + v).padStart(3, '0')}`;
    villages.push(code);
    rows.push({ code, parentCode: town, name: `第${t + 1}乡镇${v + 1}村`, level: 'village' });
  }
  await db.insertInto('areas').values(rows).execute();
}
const cadres = villages.map((villageCode, i) => ({ id: `bench-cadre-${i}`, villageCode }));
await db.insertInto('users').values(cadres.map((c, i) => ({ id: c.id, username: `cadre${i}`, displayName: `驻村干部${i + 1}`, phoneEnc: null, passwordHash: 'x', createdAt: nowIso }))).execute();
await db.insertInto('stationingAssignments').values(cadres.map((c, i) => ({ id: randomUUID(), cadreUserId: c.id, villageCode: c.villageCode, startsOn: YEAR_START, endsOn: null, minDaysPerWeek: i % 10 === 0 ? 4 : null, note: null, createdBy: null, createdAt: nowIso, updatedAt: nowIso }))).execute();

// A year of field work: 3–5 days a week (2 in about one week in a hundred) in the village, 1–3 visits a day, a check-in on some days.
let visits = 0;
let checkIns = 0;
for (const cadre of cadres) {
  const visitRows: VisitTable[] = [];
  const checkInRows: CheckInTable[] = [];
  for (let monday = YEAR_START; monday <= TODAY; monday = addLocalDays(monday, 7)) {
    for (const d of rng.shuffle([0, 1, 2, 3, 4, 5]).slice(0, rng.chance(0.01) ? 2 : rng.int(3, 5))) {
      const date = addLocalDays(monday, d);
      if (date >= TODAY) continue;
      for (let n = rng.int(1, 3); n > 0; n--) {
        const at = new Date(startOfLocalDay(date).getTime() + rng.int(540, 1050) * 60_000).toISOString();
        visitRows.push({ id: randomUUID(), cadreUserId: cadre.id, kind: 'visit', occurredAt: at, localDate: localDate(new Date(at)), areaCode: cadre.villageCode, place: '村委会', lat: null, lng: null, checkedIn: 0, accuracyM: null, notes: '入户走访', delivered: '[]', campaignId: null, caseId: null, createdAt: at });
      }
      if (rng.chance(0.3)) checkInRows.push({ id: randomUUID(), cadreUserId: cadre.id, at: startOfLocalDay(date).toISOString(), localDate: date, areaCode: cadre.villageCode, lat: 27.8, lng: 115.9, accuracyM: 10, visitId: null });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < visitRows.length; i += 500) await trx.insertInto('visits').values(visitRows.slice(i, i + 500)).execute();
    for (let i = 0; i < checkInRows.length; i += 500) await trx.insertInto('checkIns').values(checkInRows.slice(i, i + 500)).execute();
  });
  visits += visitRows.length;
  checkIns += checkInRows.length;
}
const loadSeconds = round((performance.now() - loadStarted) / 1000);

const services = createServices({ database, config: loadConfig({}), cipher: createCipher(Buffer.alloc(32, 3)), clock: createClock(now, { frozen: true }) });
const { stationing } = services;
const actor = (areaCode: string): Actor => ({ userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', grants: [{ role: 'supervisor', unitId: 'bench', unitName: 'bench', areaCode }], sessionId: 'bench', csrfToken: 'bench' });
const county = actor(COUNTY);
const yearQuery = { from: YEAR_START, to: TODAY };
const quarterQuery = { from: addLocalDays(TODAY, -91), to: TODAY };

const sample = await stationing.report(county, yearQuery);
if (process.env.BENCH_PROFILE) {
  const { createStationingRepository } = await import('../apps/server/src/modules/stationing/stationing.repository.js');
  const repo = createStationingRepository(db);
  const ranges: [string, string][] = [['369901', '369902']];
  console.log('presence ms', stats(await time(() => repo.presence(ranges, YEAR_START, TODAY))));
  console.log('assignments ms', stats(await time(() => repo.assignments({ ranges, from: YEAR_START, to: TODAY }))));
}
const result = {
  cadres: CADRES,
  visits,
  checkIns,
  loadSeconds,
  reportSizes: { assignments: sample.totals.assignments, weeksEvaluated: sample.totals.weeksEvaluated, flaggedCadres: sample.totals.flagged },
  countyYearMs: stats(await time(() => stationing.report(county, yearQuery))),
  countyQuarterMs: stats(await time(() => stationing.report(county, quarterQuery))),
  townshipYearMs: stats(await time(() => stationing.report(actor(`${villages[0]!.slice(0, 9)}000`), yearQuery))),
  countyYearExcelMs: stats(await time(async () => stationingWorkbook(await stationing.report(county, yearQuery)))),
};
console.log(JSON.stringify(result, null, 2));
await database.close();
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
