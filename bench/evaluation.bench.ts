import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import { createAuditLog } from '../apps/server/src/modules/audit/audit.service.js';
import { createEvaluationService } from '../apps/server/src/modules/evaluation/evaluation.service.js';
import { createNotifier } from '../apps/server/src/modules/notifications/notifier.js';
import { createCipher } from '../apps/server/src/security/cipher.js';

/**
 * npm run bench:evaluation — closing an evaluation cycle (干部考核) for a county of 3,000 cadres
 * with a year of BENCH_CASES cases (default 1,000,000), on SQLite (a file under /tmp, removed
 * afterwards unless BENCH_KEEP=1). The county is 20 townships of 14 villages; each of the 300
 * units has 10 cadres. Everything is written with bulk INSERT … SELECT over recursive sequences:
 * the cases (handled by the cadres in turn, spread over the year, with realistic outcomes), 200k
 * visits, 100k check-ins, stationing for the village cadres, office-day sessions and attendance,
 * 2 % confirmed accountability records, supervision orders answered late, five staff scorings per
 * cadre and 5,000 residents' ballots. Times opening the cycle and closing it through the service
 * (figures, scores, ranks, grades, notices), and prints JSON with the load average.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const TOWNSHIPS = 20;
const VILLAGES_PER_TOWNSHIP = 14;
const CADRES_PER_UNIT = 10;
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-eval-bench-'));
  const database = createDatabase({ url: join(dir, 'bench.db') });
  const { db } = database;
  const run = (text: string) => sql.raw(text).execute(db);
  const seq = (n: number) => `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n})`;
  /** A sequence with a computed \`at\` per row (SQLite has no LATERAL). */
  const seqAt = (n: number, at: string) => `${seq(n)}, x AS (SELECT i, (${at}) AS at FROM s)`;
  try {
    await migrateToLatest(db);
    await ensureReferenceData(db);
    const yearEnd = new Date('2026-12-31T15:59:59.999Z');
    const yearStartMs = Date.parse('2025-12-31T16:00:00.000Z');
    const at = yearEnd.toISOString();
    let started = performance.now();

    // The county: areas, 300 units, 3,000 cadres (village cadres are also stationed cadres).
    await run(`INSERT INTO areas (code, parent_code, name, level) VALUES ('369901000000', NULL, '青溪县', 'county')`);
    await run(`${seq(TOWNSHIPS)} INSERT INTO areas (code, parent_code, name, level) SELECT '369901' || printf('%03d', i) || '000', '369901000000', '乡镇' || i, 'township' FROM s`);
    await run(`${seq(TOWNSHIPS * VILLAGES_PER_TOWNSHIP)} INSERT INTO areas (code, parent_code, name, level)
      SELECT '369901' || printf('%03d', 1 + (i - 1) / ${VILLAGES_PER_TOWNSHIP}) || printf('%03d', 1 + (i - 1) % ${VILLAGES_PER_TOWNSHIP}), '369901' || printf('%03d', 1 + (i - 1) / ${VILLAGES_PER_TOWNSHIP}) || '000', '村' || i, 'village' FROM s`);
    await run(`INSERT INTO units (id, name, kind, area_code, phone, created_at) SELECT 'u-' || code, name || (CASE level WHEN 'township' THEN '人民政府' ELSE '村民委员会' END), level, code, NULL, '${at}' FROM areas WHERE level IN ('township', 'village')`);
    await run(`INSERT INTO units (id, name, kind, area_code, phone, created_at) VALUES ('u-org', '县委组织部', 'other', '369901000000', NULL, '${at}')`);
    await run(`CREATE TEMP TABLE cad AS SELECT 'c-' || u.id || '-' || k.i AS user_id, u.id AS unit_id, k.i AS k FROM units u, (${seq(CADRES_PER_UNIT)} SELECT i FROM s) k WHERE u.id <> 'u-org'`);
    await run(`INSERT INTO users (id, username, display_name, phone_enc, password_hash, created_at) SELECT user_id, user_id, '干部' || substr(unit_id, 3) || '-' || k, NULL, 'x', '${at}' FROM cad`);
    await run(`INSERT INTO user_roles (user_id, unit_id, role) SELECT user_id, unit_id, 'handler' FROM cad`);
    await run(`INSERT INTO user_roles (user_id, unit_id, role) SELECT r.user_id, r.unit_id, 'stationed_cadre' FROM user_roles r JOIN units u ON u.id = r.unit_id WHERE u.kind = 'village'`);
    await run(`INSERT INTO users (id, username, display_name, phone_enc, password_hash, created_at) VALUES ('org', 'org', '组织部', NULL, 'x', '${at}'), ('lead', 'lead', '县领导', NULL, 'x', '${at}')`);
    await run(`INSERT INTO user_roles (user_id, unit_id, role) VALUES ('org', 'u-org', 'org_department'), ('lead', 'u-org', 'leader')`);
    const cadres = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM user_roles WHERE role = 'handler'`.execute(db)).rows[0].n);
    await run(`CREATE TEMP TABLE cadre_ix AS SELECT row_number() OVER (ORDER BY r.user_id) AS ix, r.user_id, r.unit_id, u.area_code FROM user_roles r JOIN units u ON u.id = r.unit_id WHERE r.role = 'handler'`);
    await run(`CREATE UNIQUE INDEX temp.cadre_ix_ix ON cadre_ix (ix)`);

    // A year of cases, handled by the cadres in turn.
    const secondsInYear = Math.floor((yearEnd.getTime() - yearStartMs) / 1000);
    await run(`${seqAt(CASES, `strftime('%Y-%m-%dT%H:%M:%fZ', ${yearStartMs / 1000} + (i * 2654435761) % ${secondsInYear}, 'unixepoch')`)} INSERT INTO cases (id, code, channel, kind, category_code, title, content, anonymous, people_count, area_code, urgency,
      public_consent, flag_collective, flag_repeat, flag_cross_level, flag_risk, flag_major, status, owner_level, registered_by, registered_unit_id,
      first_contact_user_id, current_unit_id, handler_user_id, received_at, registered_at, clock_started_at, due_level, escalation_level, return_count, reopen_count,
      dissatisfied_count, review_level, extension_days, version, updated_at,
      dispatched_at, responded_on_time, replied_at, evaluation_result, evaluation_solved, evaluated_at, closed_at, closed_on_time)
      SELECT 'b' || i, 'B-' || i, 'phone', 'help', 'social.dibao', '诉求' || i, '诉求内容' || i, 0, 1, c.area_code, 'normal', 0, 0, 0, 0, 0, 0,
        CASE WHEN i % 10 < 7 THEN 'closed' ELSE 'handling' END, 'unit', 'org', 'u-org', 'org', c.unit_id, c.user_id, x.at, x.at, x.at, 'normal', 0, 0, 0, 0, 0, 0, 1, x.at,
        x.at, (i % 9 <> 0), CASE WHEN i % 10 < 7 THEN x.at END,
        CASE WHEN i % 10 < 7 THEN (CASE i % 4 WHEN 0 THEN 'satisfied' WHEN 1 THEN 'satisfied' WHEN 2 THEN 'basically_satisfied' ELSE 'dissatisfied' END) END,
        CASE WHEN i % 10 < 7 THEN (i % 5 <> 0) END, CASE WHEN i % 10 < 7 THEN x.at END, CASE WHEN i % 10 < 7 THEN x.at END, CASE WHEN i % 10 < 7 THEN (i % 11 <> 0) END
      FROM x JOIN cadre_ix c ON c.ix = 1 + (i * 7919) % ${cadres}`);
    const casesSeconds = (performance.now() - started) / 1000;
    console.log(`  ${CASES.toLocaleString()} cases and the county in ${casesSeconds.toFixed(1)} s`);

    // Field work: visits, check-ins, stationing, office days.
    await run(`${seqAt(200_000, `date('2026-01-01', '+' || ((i * 97) % 365) || ' days')`)} INSERT INTO visits (id, cadre_user_id, kind, occurred_at, local_date, area_code, place, lat, lng, checked_in, accuracy_m, notes, delivered, campaign_id, case_id, created_at)
      SELECT 'v' || i, c.user_id, 'visit', x.at || 'T02:00:00.000Z', x.at, c.area_code, NULL, NULL, NULL, 0, NULL, NULL, '[]', NULL, NULL, x.at || 'T02:00:00.000Z'
      FROM x JOIN cadre_ix c ON c.ix = 1 + (i * 31) % ${cadres}`);
    await run(`${seqAt(100_000, `date('2026-01-01', '+' || ((i * 89) % 365) || ' days')`)} INSERT INTO check_ins (id, cadre_user_id, at, local_date, area_code, lat, lng, accuracy_m, visit_id)
      SELECT 'k' || i, c.user_id, x.at || 'T01:00:00.000Z', x.at, c.area_code, 27.8, 115.9, 10, NULL
      FROM x JOIN cadre_ix c ON c.ix = 1 + (i * 53) % ${cadres}`);
    await run(`INSERT INTO stationing_assignments (id, cadre_user_id, village_code, starts_on, ends_on, min_days_per_week, note, created_by, created_at, updated_at)
      SELECT 'st-' || c.user_id, c.user_id, c.area_code, '2026-01-01', NULL, NULL, NULL, 'org', '${at}', '${at}' FROM cadre_ix c JOIN units u ON u.id = c.unit_id WHERE u.kind = 'village'`);
    await run(`INSERT INTO office_day_sessions (id, village_code, date, schedule_id, place, created_at)
      SELECT 'od-' || a.code || '-' || k.i, a.code, date('2026-01-05', '+' || (k.i * 7) || ' days'), NULL, NULL, '${at}' FROM areas a, (${seq(50)} SELECT i FROM s) k WHERE a.level = 'village'`);
    await run(`INSERT INTO office_day_attendance (session_id, user_id, recorded_by, recorded_at)
      SELECT o.id, c.user_id, 'org', '${at}' FROM office_day_sessions o JOIN cadre_ix c ON c.area_code = o.village_code WHERE (c.ix + length(o.id)) % 3 <> 0`);
    await run(`INSERT INTO accountability_records (id, case_id, unit_id, user_id, reason, stage, note, created_at, state)
      SELECT 'acc-' || id, id, current_unit_id, NULL, 'overdue', 'handle', NULL, registered_at, 'confirmed' FROM cases WHERE CAST(substr(id, 2) AS INTEGER) % 50 = 0`);
    await run(`${seq(5_000)} INSERT INTO supervision_orders (id, number, level, state, unit_id, area_code, issuing_unit_id, issued_by, issued_at, reason, response_due_at, signed_at, signed_by,
        responded_at, responded_by, response, responded_late, reviewed_at, reviewed_by, review_note, return_count, escalated_at)
      SELECT 'so' || i, 'DB-' || i, 'normal', 'accepted', c.unit_id, c.area_code, 'u-org', 'org', '2026-06-01T00:00:00.000Z', '督办', '2026-06-05T00:00:00.000Z', NULL, NULL,
        '2026-06-0' || (1 + i % 9) || 'T00:00:00.000Z', c.user_id, '已办', (i % 9 >= 4), NULL, NULL, NULL, 0, NULL
      FROM s JOIN cadre_ix c ON c.ix = 1 + (i * 13) % ${cadres}`);
    const fieldSeconds = (performance.now() - started) / 1000 - casesSeconds;

    const clock = createClock(new Date('2027-01-05T02:00:00.000Z'));
    const cipher = createCipher(randomBytes(32));
    const audit = createAuditLog({ db, clock, cipher, dataDir: dir });
    const evaluation = createEvaluationService({ db, clock, audit, notifier: createNotifier({ clock, cipher }) });
    const actor: Actor = { userId: 'org', username: 'org', displayName: '组织部', locale: 'zh-CN', sessionId: '', csrfToken: '', grants: [{ role: 'org_department', unitId: 'u-org', unitName: '县委组织部', areaCode: '369901000000' }] };
    const unitIds = (await db.selectFrom('units').select('id').where('id', '<>', 'u-org').execute()).map((u) => u.id);

    started = performance.now();
    const cycle = await evaluation.create(actor, { name: '2026年度机关干部考核', period: 'annual', periodFrom: '2026-01-01', periodTo: '2026-12-31', unitIds, peerGroupBy: 'unit_kind',
      sourceWeights: { leader: 0.3, organisation: 0.3, peer: 0.2, public: 0.2 }, itemWeights: { de: 0.2, neng: 0.2, qin: 0.2, ji: 0.3, lian: 0.1 },
      quotas: { excellentShare: 0.15, excellentMinScore: 85, competentMinScore: 60, basicMinScore: 50 }, objectiveShare: 0.4 });
    const openMs = performance.now() - started;

    // Five scorings per cadre (a leader, the organisation, three colleagues) and 5,000 ballots of three answers.
    const score = (source: string, scorer: string, join: string) => run(`INSERT INTO eval_scores (id, cycle_id, member_user_id, source, scorer_user_id, de, neng, qin, ji, lian, comment, created_at)
      SELECT '${source}-' || ${scorer} || '-' || c.user_id, '${cycle.id}', c.user_id, '${source}', ${scorer}, 60 + c.ix % 40, 62 + c.ix % 37, 58 + c.ix % 41, 55 + c.ix % 45, 70 + c.ix % 30, NULL, '${at}' FROM cadre_ix c ${join}`);
    await score('leader', `'lead'`, '');
    await score('organisation', `'org'`, '');
    for (const k of [1, 2, 3]) await score(`peer${k}`, 'p.user_id', `JOIN cadre_ix p ON p.unit_id = c.unit_id AND p.ix = c.ix + ${k} - (CASE WHEN (c.ix - 1) % ${CADRES_PER_UNIT} + ${k} >= ${CADRES_PER_UNIT} THEN ${CADRES_PER_UNIT} ELSE 0 END)`);
    await run(`UPDATE eval_scores SET source = 'peer' WHERE source LIKE 'peer%'`);
    await run(`${seq(5_000)} INSERT INTO eval_ballots (id, cycle_id, phone_key, created_at) SELECT 'bal' || i, '${cycle.id}', 'phone' || i, '${at}' FROM s`);
    await run(`INSERT INTO eval_ballot_answers (ballot_id, cycle_id, member_user_id, result)
      SELECT b.id, '${cycle.id}', c.user_id, CASE (k.i + c.ix) % 3 WHEN 0 THEN 'satisfied' WHEN 1 THEN 'basically_satisfied' ELSE 'dissatisfied' END
      FROM eval_ballots b, (${seq(3)} SELECT i FROM s) k JOIN cadre_ix c ON c.ix = 1 + (CAST(substr(b.id, 4) AS INTEGER) * 3 + k.i) % ${cadres}`);
    const scorings = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM eval_scores`.execute(db)).rows[0].n);
    await run('ANALYZE');

    started = performance.now();
    const results = await evaluation.close(actor, cycle.id);
    const closeMs = performance.now() - started;
    const grades = results.people.reduce<Record<string, number>>((a, p) => ({ ...a, [p.grade]: (a[p.grade] ?? 0) + 1 }), {});

    console.log(JSON.stringify({
      database: 'sqlite',
      cadres,
      units: unitIds.length,
      cases: CASES,
      visits: 200_000,
      scorings,
      ballots: 5_000,
      buildCasesSeconds: round(casesSeconds),
      buildFieldWorkSeconds: round(fieldSeconds),
      openCycleMs: Math.round(openMs),
      closeCycleMs: Math.round(closeMs),
      people: results.people.length,
      grades,
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    }, null, 2));
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept: ${dir}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
