import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, round, stats, time as timeCalls, WORDS } from './knowledge-common.js';
import { type FeatureDoc, hashFeatures, trainLinearClassifier } from '@lianxin/core';
import SQLite from 'better-sqlite3';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import { caseScope } from '../apps/server/src/access/access.js';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createSearchService } from '../apps/server/src/modules/search/search.service.js';
import { classifierFeatures } from '../apps/server/src/modules/suggest/features.js';
import { suggestRepository } from '../apps/server/src/modules/suggest/suggest.repository.js';
import { createAuditLog } from '../apps/server/src/modules/audit/audit.service.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { fillCaseSearch } from './fill-case-search.js';
import { generateCases } from './generate-cases.js';

/**
 * npm run bench:knowledge — the knowledge figures of issue 6 on a SQLite database of BENCH_CASES
 * cases (default 1,000,000: the demo county with 200 cases driven through the services, plus
 * generated ones, indexed in bulk): search latency, suggestion latency, retrain time on 100,000
 * handled cases and, when modules/similar is there, similar-case lookup latency. Prints JSON.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const QUERIES = 300;
const RETRAIN_CASES = Number(process.env.BENCH_RETRAIN_CASES ?? 100_000);
// BENCH_DB: measure an existing benchmark database (kept by an earlier run with BENCH_KEEP=1).
const REUSE = process.env.BENCH_DB;
const dataDir = REUSE ? dirname(REUSE) : mkdtempSync(join(tmpdir(), 'lianxin-knowledge-'));
const dbFile = REUSE ?? join(dataDir, 'lianxin.sqlite');
// Each latency loop stops after this many seconds, reporting how many calls it made.
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 90);

const time = (n: number, fn: (i: number) => Promise<unknown> | unknown) => timeCalls(PHASE_SECONDS, n, fn);

async function main() {
  let generated = { count: 0, seconds: 0 };
  let filled = { count: 0, seconds: 0 };
  let database = createDatabase({ url: dbFile });
  let migrateSeconds = 0;
  if (REUSE) {
    // A database kept by an earlier run may predate a migration (e.g. 2026112111_search_speed).
    const started = performance.now();
    const applied = await migrateToLatest(database.db);
    migrateSeconds = (performance.now() - started) / 1000;
    if (applied.length) console.log(`  migrated ${applied.join(', ')} in ${migrateSeconds.toFixed(1)} s`);
  }
  if (!REUSE) {
    console.log(`seeding the demo county and ${CASES.toLocaleString()} cases into ${dbFile} …`);
    await migrateToLatest(database.db);
    await ensureReferenceData(database.db);
    await seedDemo({ db: database.db, cipher: createCipher(loadMasterKey(dataDir)), clock: createClock(), caseCount: 200 });
  }
  await database.close();

  const sqlite = new SQLite(dbFile);
  if (!REUSE) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = OFF');
    generated = generateCases(sqlite, Math.max(0, CASES - 200));
    console.log(`  generated ${generated.count.toLocaleString()} cases in ${generated.seconds.toFixed(1)} s`);
    filled = fillCaseSearch(sqlite);
    console.log(`  indexed ${filled.count.toLocaleString()} cases in ${filled.seconds.toFixed(1)} s`);
    sqlite.exec('ANALYZE');
  }
  const county = sqlite.prepare("SELECT u.id, u.name, u.area_code FROM units u ORDER BY length(u.area_code), u.area_code LIMIT 1").get() as { id: string; name: string; area_code: string };
  const total = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const indexed = (sqlite.prepare('SELECT count(*) AS n FROM case_search').get() as { n: number }).n;
  sqlite.close();

  database = createDatabase({ url: dbFile });
  const db = database.db;
  const clock = createClock();
  // A county dispatcher: sees every case of the county, the widest scope a search runs in.
  const actor: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', sessionId: '', csrfToken: '',
    grants: [{ role: 'dispatcher', unitId: county.id, unitName: county.name, areaCode: county.area_code }] };

  // Search: the first page (20) of each word, through the service (SQL, scope, snippets).
  const cipher = createCipher(loadMasterKey(dataDir));
  const search = createSearchService({ db, audit: createAuditLog({ db, clock, cipher, dataDir }), clock, cipher });
  await search.searchCases(actor, { q: '低保', limit: 20 });
  console.log('  measuring search …');
  const matches: Record<string, number> = {};
  const byWord: Record<string, number[]> = {};
  const searchTimes = await time(QUERIES, async (i) => {
    const q = WORDS[(i * 11) % WORDS.length]!; // a stride coprime with the list: common and rare words interleave
    const started = performance.now();
    const page = await search.searchCases(actor, { q, limit: 20 });
    (byWord[q] ??= []).push(performance.now() - started);
    matches[q] = page.items.length;
  });

  // The same words for a village cadre (a narrow area: area words in the match) and for a
  // handler (a unit's cases: found by walking matches with the unit checked in SQL).
  const narrow: Record<string, unknown> = {};
  const village = db.selectFrom('units').select(['id', 'name', 'areaCode']).where((eb) => eb(eb.fn('length', ['areaCode']), '=', 12)).where('areaCode', 'not like', '%000').orderBy('areaCode').limit(1);
  const villageUnit = await village.executeTakeFirst();
  const handlerUnit = await db.selectFrom('cases').select('currentUnitId').where('currentUnitId', 'is not', null).groupBy('currentUnitId').orderBy((eb) => eb.fn.countAll(), 'asc').limit(1).executeTakeFirst();
  for (const [label, grant] of [
    ['villageCadre', villageUnit && { role: 'registrar' as const, unitId: villageUnit.id, unitName: villageUnit.name, areaCode: villageUnit.areaCode }],
    ['handlerOfSmallestUnit', handlerUnit?.currentUnitId && { role: 'handler' as const, unitId: handlerUnit.currentUnitId, unitName: 'bench', areaCode: county.area_code }],
  ] as const) {
    if (!grant) continue;
    const scoped: Actor = { ...actor, grants: [grant] };
    let partial = 0;
    const times = await time(QUERIES / 3, async (i) => {
      const page = await search.searchCases(scoped, { q: WORDS[(i * 11) % WORDS.length]!, limit: 20 });
      if (page.partial) partial++;
    });
    narrow[label] = { ...stats(times), queries: times.length, partialAnswers: partial };
  }

  console.log('  retraining …');
  // Retrain: read RETRAIN_CASES handled cases, segment them and train both models, as the service does.
  const started = performance.now();
  const categoryDocs: FeatureDoc[] = [];
  const unitDocs: Array<{ label: string }> = [];
  outer: for await (const page of suggestRepository.handledCases(db)) {
    for (const c of page) {
      if (categoryDocs.length >= RETRAIN_CASES) break outer;
      categoryDocs.push({ features: hashFeatures(classifierFeatures(c.title, c.content)), label: c.categoryCode });
      if (c.unitId) unitDocs.push({ label: c.unitId });
    }
  }
  const featuresSeconds = (performance.now() - started) / 1000;
  // The service's model: logistic regression with its temperature (suggest.service.ts).
  const category = trainLinearClassifier(categoryDocs);
  const retrainSeconds = (performance.now() - started) / 1000;
  const modelBytes = category.labels.length * 400_000 * 4;
  console.log(`  trained on ${categoryDocs.length} cases in ${retrainSeconds.toFixed(1)} s (reading + features ${featuresSeconds.toFixed(1)} s), temperature ${category.temperature.toFixed(2)}, weights ≤ ${(modelBytes / 1e6).toFixed(0)} MB`);

  // Suggestion: features + the calibrated top 3 categories, for the texts of 300 cases (demo ones first).
  const texts = await db.selectFrom('cases').select(['title', 'content']).orderBy('registeredAt', 'desc').limit(QUERIES).execute();
  const suggestTimes = await time(texts.length, (i) => category.predict(classifierFeatures(texts[i]!.title, texts[i]!.content), 3));

  // Similar cases, when the module is there (written in parallel by another session).
  let similar: unknown = 'similar: not measured';
  const similarFile = join(process.cwd(), 'apps/server/src/modules/similar/similar.ts');
  if (existsSync(similarFile)) {
    const mod = (await import(similarFile)) as Record<string, unknown>;
    const find = mod.findSimilarCases as undefined | ((db: unknown, dialect: 'sqlite', probe: unknown, options?: unknown) => Promise<unknown[]>);
    if (typeof find === 'function') {
      const probes = await db.selectFrom('cases').select(['id', 'title', 'content', 'areaCode', 'requesterKey']).where('id', '>', '8').orderBy('id').limit(QUERIES).execute();
      console.log('  measuring similar …');
      await find(db, 'sqlite', { ...probes[0]!, excludeId: probes[0]!.id }, { limit: 5 });
      let found = 0;
      const times = await time(probes.length, async (i) => {
        const p = probes[i]!;
        found += (await find(db, 'sqlite', { title: p.title, content: p.content, areaCode: p.areaCode, requesterKey: p.requesterKey, excludeId: p.id }, { limit: 5 })).length;
      });
      // As the route calls it: within the county dispatcher's scope (area words in the match).
      const scope = caseScope(actor);
      const scopedTimes = await time(probes.length, async (i) => {
        const p = probes[i]!;
        await find(db, 'sqlite', { title: p.title, content: p.content, areaCode: p.areaCode, requesterKey: p.requesterKey, excludeId: p.id }, { limit: 5, scope });
      });
      similar = { ...stats(times), lookups: times.length, averageFound: round(found / times.length), targetP95Ms: 20, met: percentile(times, 95) < 20, countyScope: { ...stats(scopedTimes), lookups: scopedTimes.length } };
    }
  }

  const figures = {
    cases: total,
    indexed,
    generateSeconds: round(generated.seconds),
    indexFillSeconds: round(filled.seconds),
    migrateSeconds: round(migrateSeconds),
    searchMs: { ...stats(searchTimes), queries: searchTimes.length, words: WORDS.length, targetP95Ms: 50, met: percentile(searchTimes, 95) < 50 },
    searchNarrowScopeMs: narrow,
    searchFirstPageHits: matches,
    searchMedianMsByWord: Object.fromEntries(Object.entries(byWord).map(([w, xs]) => [w, round(percentile(xs, 50))])),
    suggestMsPerCase: { ...stats(suggestTimes), calls: texts.length },
    retrain: { cases: categoryDocs.length, seconds: round(retrainSeconds), featureSeconds: round(featuresSeconds), temperature: round(category.temperature), categories: new Set(categoryDocs.map((d) => d.label)).size, units: new Set(unitDocs.map((d) => d.label)).size },
    similarMs: similar,
  };
  console.log(JSON.stringify(figures, null, 2));
  if (typeof similar === 'string') console.log(similar);
  await database.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!REUSE && !process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
    else console.log(`database kept: ${dbFile}`);
  });
