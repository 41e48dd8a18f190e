import { performance } from 'node:perf_hooks';
import { round, stats as latency, time as timeCalls, WORDS } from './knowledge-common.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { caseScope } from '../apps/server/src/access/access.js';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createAuditLog } from '../apps/server/src/modules/audit/audit.service.js';
import { areaTerms } from '../apps/server/src/modules/search-index/fts.js';
import { createSearchService } from '../apps/server/src/modules/search/search.service.js';
import { segment } from '../apps/server/src/modules/search-index/segment.js';
import { findSimilarCases } from '../apps/server/src/modules/similar/similar.js';
import { createCipher } from '../apps/server/src/security/cipher.js';

/**
 * DATABASE_URL=postgres://… npx tsx bench/knowledge-pg.bench.ts — search and similar-case latency
 * on PostgreSQL with BENCH_CASES cases (default 100,000) in a fresh schema (dropped afterwards
 * unless BENCH_KEEP=1): the demo county (200 cases through the services) plus cases generated in
 * SQL like bench/generate-cases.ts does for SQLite (the same eight templates), indexed in batches.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const QUERIES = 300;
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 60);
const url = process.env.DATABASE_URL;
const time = (n: number, fn: (i: number) => Promise<unknown>) => timeCalls(PHASE_SECONDS, n, fn);
/** The figures of a latency loop, with the number of calls it made. */
const stats = (xs: number[]) => ({ ...latency(xs), calls: xs.length });

async function main() {
  if (!url) throw new Error('set DATABASE_URL to a PostgreSQL database');
  const schema = `bench_knowledge_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const database = createDatabase({ url, schema, poolSize: 4 });
  const db = database.db;
  try {
    console.log(`seeding the demo county and ${CASES.toLocaleString()} cases into schema ${schema} …`);
    await migrateToLatest(db, schema);
    const cipher = createCipher(randomBytes(32));
    await seedDemo({ db, cipher, clock: createClock(), caseCount: 200 });

    let started = performance.now();
    const q = (text: string) => admin.query(`SET search_path = ${schema}; ${text}`);
    // The generator of bench/generate-cases.ts, in SQL: eight templates, units, villages, categories and states in turn.
    await q(`INSERT INTO cases (id, code, channel, kind, category_code, title, content, requester_key, anonymous, people_count, area_code, urgency,
      public_consent, flag_collective, flag_repeat, flag_cross_level, flag_risk, flag_major, status, owner_level, registered_by, registered_unit_id,
      first_contact_user_id, current_unit_id, received_at, registered_at, clock_started_at, due_level, escalation_level, return_count, reopen_count,
      dissatisfied_count, review_level, extension_days, version, updated_at)
      SELECT gen_random_uuid()::text, 'BXPG-' || lpad(i::text, 7, '0'), (ARRAY['phone','online','visit','letter'])[1 + i % 4],
        (ARRAY['help','complaint','inquiry','suggestion','report','petition','praise'])[1 + i % 7], cat.codes[1 + i % array_length(cat.codes, 1)],
        t.titles[1 + i % 8], t.titles[1 + i % 8] || '，请有关部门尽快处理。编号' || i, 'bench-requester-' || (i % 20000), 0, 1,
        v.codes[1 + (i::bigint * 31) % array_length(v.codes, 1)], 'normal', 0, 0, 0, 0, 0, 0,
        (ARRAY['closed','closed','closed','closed','closed','closed','handling','replied','assigned','registered'])[1 + i % 10], 'unit', usr.id, un.ids[1 + (i::bigint * 7919) % array_length(un.ids, 1)],
        usr.id, un.ids[1 + (i::bigint * 7919) % array_length(un.ids, 1)], at, at, at, 'normal', 0, 0, 0, 0, 0, 0, 1, at
      FROM generate_series(1, ${Math.max(0, CASES - 200)}) i,
        LATERAL (SELECT to_char((now() - ((i::bigint * 2654435761) % 15811200) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) a,
        (SELECT ARRAY['小区路灯损坏','拖欠工资','低保申请进度','噪声扰民','道路积水','停水无通知','宅基地纠纷','医保报销咨询'] AS titles) t,
        (SELECT array_agg(code ORDER BY code) AS codes FROM areas WHERE level IN ('village', 'grid')) v,
        (SELECT array_agg(code ORDER BY code) AS codes FROM categories WHERE parent_code IS NOT NULL) cat,
        (SELECT array_agg(id ORDER BY id) AS ids FROM units WHERE is_active = 1) un,
        (SELECT user_id AS id FROM user_roles LIMIT 1) usr`);
    const generateSeconds = (performance.now() - started) / 1000;
    console.log(`  generated in ${generateSeconds.toFixed(1)} s`);

    // Index the generated cases: the template is segmented once, the number appended (fill-case-search.ts).
    started = performance.now();
    const cache = new Map<string, string>();
    const words = (text: string | null) => {
      if (!text) return '';
      const m = /^(.*\D)(\d+)$/su.exec(text);
      const head = m ? m[1]! : text;
      let w = cache.get(head);
      if (w === undefined) cache.set(head, (w = segment(head).join(' ')));
      return m ? `${w} ${m[2]}` : w;
    };
    await admin.query(`SET search_path = ${schema}`);
    let after = '';
    for (;;) {
      const { rows } = await admin.query(`SELECT id, title, content, address, reply_text, area_code FROM cases c
        WHERE id > $1 AND NOT EXISTS (SELECT 1 FROM case_search s WHERE s.case_id = c.id) ORDER BY id LIMIT 5000`, [after]);
      if (rows.length === 0) break;
      const terms = rows.map((r) => [r.title, r.content, r.address, r.reply_text].map(words).filter(Boolean).join(' '));
      await admin.query('INSERT INTO case_search (case_id, terms, area_terms) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
        rows.map((r) => r.id), terms, rows.map((r) => areaTerms(r.area_code))]);
      after = rows[rows.length - 1].id;
    }
    await q('ANALYZE');
    const indexSeconds = (performance.now() - started) / 1000;
    console.log(`  indexed in ${indexSeconds.toFixed(1)} s`);

    const county = (await db.selectFrom('units').select(['id', 'name', 'areaCode']).orderBy((eb) => eb.fn('length', ['areaCode'])).orderBy('areaCode').limit(1).executeTakeFirstOrThrow());
    const actor: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', sessionId: '', csrfToken: '',
      grants: [{ role: 'dispatcher', unitId: county.id, unitName: county.name, areaCode: county.areaCode }] };
    const clock = createClock();
    const search = createSearchService({ db, audit: createAuditLog({ db, clock, cipher, dataDir: mkdtempSync(join(tmpdir(), 'lianxin-knowledge-pg-')) }), clock, cipher });
    await search.searchCases(actor, { q: '低保', limit: 20 });
    const searchTimes = await time(QUERIES, (i) => search.searchCases(actor, { q: WORDS[(i * 11) % WORDS.length]!, limit: 20 }));
    const village = await db.selectFrom('units').select(['id', 'name', 'areaCode']).where((eb) => eb(eb.fn('length', ['areaCode']), '=', 12)).where('areaCode', 'not like', '%000').orderBy('areaCode').limit(1).executeTakeFirst();
    const villageActor: Actor | null = village ? { ...actor, grants: [{ role: 'registrar', unitId: village.id, unitName: village.name, areaCode: village.areaCode }] } : null;
    const villageTimes = villageActor ? await time(QUERIES / 3, (i) => search.searchCases(villageActor, { q: WORDS[(i * 11) % WORDS.length]!, limit: 20 })) : [];

    const probes = await db.selectFrom('cases').select(['id', 'title', 'content', 'areaCode', 'requesterKey']).where('id', '>', '8').orderBy('id').limit(QUERIES).execute();
    const scope = caseScope(actor);
    const similarTimes = await time(probes.length, (i) => findSimilarCases(db, 'postgres', { ...probes[i]!, excludeId: probes[i]!.id }, { limit: 5 }));
    const similarScoped = await time(probes.length, (i) => findSimilarCases(db, 'postgres', { ...probes[i]!, excludeId: probes[i]!.id }, { limit: 5, scope }));

    const total = Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    console.log(JSON.stringify({
      database: 'postgres',
      cases: total,
      generateSeconds: round(generateSeconds),
      indexSeconds: round(indexSeconds),
      searchMs: { ...stats(searchTimes), targetP95Ms: 50 },
      searchVillageCadreMs: villageTimes.length ? stats(villageTimes) : null,
      similarMs: { ...stats(similarTimes), targetP95Ms: 20 },
      similarCountyScopeMs: stats(similarScoped),
    }, null, 2));
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    else console.log(`schema kept: ${schema}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
