import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { insertOrg } from '../apps/server/src/db/seed/demo/org.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import { createAuditLog } from '../apps/server/src/modules/audit/audit.service.js';
import { lastWholePeriods } from '../apps/server/src/modules/bulletins/bulletins.period.js';
import { createBulletinsService } from '../apps/server/src/modules/bulletins/bulletins.service.js';
import { createResolutionLevels } from '../apps/server/src/modules/metrics/resolution-levels.service.js';
import { createNotifier } from '../apps/server/src/modules/notifications/notifier.js';
import { createCipher } from '../apps/server/src/security/cipher.js';

/**
 * npm run bench:bulletin (DATABASE_URL=postgres://…) — a county's monthly bulletin (定期通报) over
 * BENCH_CASES cases (default 1,000,000) on PostgreSQL, in a fresh schema dropped afterwards (unless
 * BENCH_KEEP=1). The demo county's organisation (areas, units, users) is written as the seed does;
 * the cases are generated in one INSERT … SELECT over generate_series, spread over the last 365
 * days, with realistic outcomes (dispatched, accepted on time or not, replied, rated, closed by
 * village, township or county units) and 2 % confirmed overdue accountability records. Times the
 * generation of last month's bulletin through the service (every section, stored), then the PDF,
 * DOCX and Excel of it; prints JSON with the load average.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const url = process.env.DATABASE_URL;
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  if (!url?.startsWith('postgres')) throw new Error('set DATABASE_URL to a PostgreSQL database');
  const schema = `bench_bulletin_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const database = createDatabase({ url, schema, poolSize: 4 });
  const { db } = database;
  try {
    await migrateToLatest(db, schema);
    await ensureReferenceData(db);
    await insertOrg(db, 'bench-no-sign-in', new Date(Date.now() - 400 * 86_400_000).toISOString());
    console.log(`generating ${CASES.toLocaleString()} cases into schema ${schema} …`);
    let started = performance.now();
    const q = (text: string) => admin.query(`SET search_path = ${schema}; ${text}`);
    // Units take cases in turn; a case is in the area of its unit (a village's case in the village,
    // a township's in one of its villages, a department's anywhere). States in turn: 70 % closed.
    await q(`INSERT INTO cases (id, code, channel, kind, category_code, title, content, anonymous, people_count, area_code, urgency,
      public_consent, flag_collective, flag_repeat, flag_cross_level, flag_risk, flag_major, status, owner_level, registered_by, registered_unit_id,
      first_contact_user_id, current_unit_id, received_at, registered_at, clock_started_at, due_level, escalation_level, return_count, reopen_count,
      dissatisfied_count, review_level, extension_days, version, updated_at,
      dispatched_at, responded_on_time, replied_at, evaluation_result, evaluation_solved, closed_at, closed_on_time, current_due_at)
      SELECT 'b' || i, 'BXB-' || lpad(i::text, 8, '0'), (ARRAY['phone','online','visit','letter','phone'])[1 + i % 5],
        (ARRAY['help','complaint','inquiry','suggestion','report'])[1 + i % 5], cat.codes[1 + i % array_length(cat.codes, 1)],
        '诉求' || i, '诉求内容' || i, 0, 1, u.area, 'normal', 0, 0, (i % 23 = 0)::int, 0, 0, 0, st.status, 'unit', usr.id, ctr.id,
        usr.id, u.id, a.at, a.at, a.at, 'normal', 0, (i % 17 = 0)::int, 0, 0, 0, 0, 5, a.at,
        CASE WHEN st.status <> 'registered' THEN a.at END, (i % 9 <> 0)::int,
        CASE WHEN st.status IN ('closed','replied') THEN a.at END,
        CASE WHEN st.status = 'closed' THEN (ARRAY['satisfied','satisfied','basically_satisfied','dissatisfied'])[1 + i % 4] END,
        CASE WHEN st.status = 'closed' THEN (i % 5 <> 0)::int END,
        CASE WHEN st.status = 'closed' THEN a.at END, CASE WHEN st.status = 'closed' THEN (i % 11 <> 0)::int END,
        CASE WHEN st.status IN ('handling','assigned') THEN a.at END
      FROM generate_series(1, ${CASES}) i,
        LATERAL (SELECT to_char((now() - ((i::bigint * 2654435761) % 31536000) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) a,
        LATERAL (SELECT (ARRAY['closed','closed','closed','closed','closed','closed','closed','handling','replied','assigned'])[1 + i % 10] AS status) st,
        (SELECT array_agg(code ORDER BY code) AS codes FROM categories WHERE parent_code IS NOT NULL) cat,
        (SELECT array_agg(id ORDER BY id) AS ids, array_agg(area_code ORDER BY id) AS areas FROM units WHERE is_active = 1 AND kind <> 'center') un,
        LATERAL (SELECT un.ids[(1 + (i::bigint * 7919) % array_length(un.ids, 1))::int] AS id, un.areas[(1 + (i::bigint * 7919) % array_length(un.ids, 1))::int] AS area) u,
        (SELECT id FROM units WHERE kind = 'center' ORDER BY id LIMIT 1) ctr,
        (SELECT user_id AS id FROM user_roles LIMIT 1) usr`);
    await q(`INSERT INTO accountability_records (id, case_id, unit_id, user_id, reason, stage, note, created_at, state)
      SELECT 'acc-' || id, id, current_unit_id, NULL, 'overdue', 'handle', NULL, registered_at, 'confirmed' FROM cases WHERE substr(code, 5)::int % 50 = 0`);
    await q('ANALYZE');
    const generateSeconds = (performance.now() - started) / 1000;
    console.log(`  generated in ${generateSeconds.toFixed(1)} s`);

    const clock = createClock();
    const cipher = createCipher(randomBytes(32));
    const audit = createAuditLog({ db, clock, cipher, dataDir: mkdtempSync(join(tmpdir(), 'lianxin-bulletin-bench-')) });
    const resolutionLevels = createResolutionLevels({ db, clock });
    const bulletins = createBulletinsService({ db, dialect: 'postgres', clock, audit, notifier: createNotifier({ clock, cipher }), resolutionLevels });
    const centre = await db.selectFrom('units').select(['id', 'name', 'areaCode']).where('kind', '=', 'center').orderBy('id').executeTakeFirstOrThrow();
    const actor: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', sessionId: '', csrfToken: '',
      grants: [{ role: 'supervisor', unitId: centre.id, unitName: centre.name, areaCode: centre.areaCode }] };
    const period = lastWholePeriods(new Date()).monthly;
    const inMonth = Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.cases WHERE registered_at >= $1 AND registered_at < $2`,
      [new Date(`${period}-01T00:00:00+08:00`).toISOString(), new Date(new Date(`${period}-01T00:00:00+08:00`).getTime() + 31 * 86_400_000).toISOString()])).rows[0].n);

    const generateMs: number[] = [];
    let id = '';
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      id = (await bulletins.generate(actor, { kind: 'monthly', period }, 'zh-CN')).id; // a draft is regenerated each run
      generateMs.push(performance.now() - started);
    }
    const files: Record<string, number> = {};
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      started = performance.now();
      const file = await bulletins.file(actor, id, format, 'zh-CN');
      files[`${format}Ms`] = Math.round(performance.now() - started);
      files[`${format}Bytes`] = file.data.length;
    }
    console.log(JSON.stringify({
      database: 'postgres',
      cases: CASES,
      period,
      casesInPeriod: inMonth,
      generateCasesSeconds: round(generateSeconds),
      bulletinGenerateMs: generateMs.map(Math.round),
      targetMs: 10_000,
      ...files,
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
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
