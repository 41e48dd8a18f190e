import { sql, type Kysely } from 'kysely';
import * as caseRollups from '../apps/server/src/db/migrations/2026120851_case_rollups.js';
import * as caseMapCells from '../apps/server/src/db/migrations/2026120911_case_map_cells.js';
import type { DB } from '../apps/server/src/db/schema.js';
import { caseTerms } from '../apps/server/src/modules/search-index/search-index.repository.js';
import { segment } from '../apps/server/src/modules/search-index/segment.js';

/**
 * The cases of `npm run bench:scale`, generated inside the database in one INSERT … SELECT (a
 * recursive CTE on SQLite, generate_series on PostgreSQL) and indexed for search in a second one —
 * no row passes through JavaScript, so a million cases take a minute or two, not an hour.
 *
 * Distributions (deterministic: every figure comes from a multiplicative hash of the row number):
 * - registered over the last 400 days, evenly;
 * - units skewed (the square of a uniform: the first units are the busiest, as a county's
 *   departments are), villages even, coordinates scattered ±0.01° around the village;
 * - state by age: 70 % of the cases of the last 20 days still open, 1.2 % of the older ones
 *   (those are overdue: an open case's deadline is 15 days after registration); of the closed,
 *   85 % closed, 8 % not accepted, 4 % merged, 3 % final;
 * - text: 16 title templates, each with its own request, followed by the case number.
 */

/** The templates: a title and the request that follows it (content = title，request编号N). */
export const TEMPLATES: Array<[string, string]> = [
  ['小区路灯损坏', '晚上出行不便，老人孩子容易摔倒'],
  ['拖欠工资', '工地老板拖欠三个月工资不给'],
  ['低保申请进度', '去年递交了低保申请至今没有结果'],
  ['噪声扰民', '附近工地夜间施工影响休息'],
  ['道路积水', '下雨后路面积水严重无法通行'],
  ['停水无通知', '连续两天停水没有提前通知'],
  ['宅基地纠纷', '与邻居因宅基地边界发生争执'],
  ['医保报销咨询', '住院费用报销比例不清楚'],
  ['垃圾清运不及时', '垃圾桶满了好几天没人清理'],
  ['物业服务差', '物业公司不作为小区环境脏乱'],
  ['供暖温度不达标', '家里暖气不热室温只有十几度'],
  ['养老补贴发放', '八十岁以上老人高龄补贴没有发放'],
  ['违章搭建', '楼下住户私自搭建违章建筑'],
  ['农田灌溉用水', '水渠堵塞农田灌溉用不上水'],
  ['学校周边交通', '上下学时段校门口车辆拥堵'],
  ['燃气管道老化', '楼道燃气管道锈蚀存在安全隐患'],
];

type Dialect = 'sqlite' | 'postgres';

/**
 * What triggers keep from every case row (the metrics rollups, the map tiles): taken down before the
 * bulk insert and built again after it by the migrations' own set-wise backfill, instead of six
 * trigger upserts per generated row (a 1 M load on PostgreSQL had not finished after 56 minutes).
 * Taken down newest first, built oldest first.
 */
const DERIVED_FROM_CASES = [caseRollups, caseMapCells];

/** A fraction in [0, 1) from row number `i` and an odd multiplier (64-bit arithmetic on both databases). */
const frac = (d: Dialect, mult: number) =>
  d === 'postgres' ? `(((i::bigint * ${mult}) % 4294967296)::float8 / 4294967296)` : `(((i * ${mult}) % 4294967296) * 1.0 / 4294967296)`;

/** Generates `count` cases (numbers `first`…`first+count-1`) and their search index entries; returns seconds taken. */
export async function generateScaleCases(db: Kysely<DB>, dialect: Dialect, first: number, count: number, now: Date): Promise<{ generate: number; index: number }> {
  const pg = dialect === 'postgres';
  const t0 = performance.now();
  // Lookup tables the generator joins on a computed key (k): units, villages, categories, templates.
  for (const table of ['bench_units', 'bench_villages', 'bench_categories', 'bench_templates']) await sql.raw(`drop table if exists ${table}`).execute(db);
  await sql`create table bench_units as select row_number() over (order by id) - 1 as k, id from units where is_active = 1`.execute(db);
  await sql`create table bench_villages as select row_number() over (order by a.code) - 1 as k, a.code,
    coalesce(a.lat, p.lat, 30.0) as lat, coalesce(a.lng, p.lng, 118.0) as lng
    from areas a left join areas p on p.code = a.parent_code where a.level in ('village', 'grid')`.execute(db);
  await sql`create table bench_categories as select row_number() over (order by code) - 1 as k, code from categories where parent_code is not null`.execute(db);
  await sql`create table bench_templates (k integer primary key, title text not null, head text not null, terms text not null)`.execute(db);
  for (const [k, [title, request]] of TEMPLATES.entries()) {
    const head = `${title}，${request}编号`;
    await sql`insert into bench_templates (k, title, head, terms) values (${k}, ${title}, ${head}, ${[...segment(title), ...segment(head)].join(' ')})`.execute(db);
  }
  for (const table of ['bench_units', 'bench_villages', 'bench_categories']) await sql.raw(`create unique index ${table}_k on ${table} (k)`).execute(db);
  const n = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const [units, villages, categories] = [await n('bench_units'), await n('bench_villages'), await n('bench_categories')];
  if (!units || !villages || !categories) throw new Error('seed the organisation first');
  const user = (await db.selectFrom('userRoles').select('userId').orderBy('userId').limit(1).executeTakeFirstOrThrow()).userId;

  const nowMs = now.getTime();
  const iso = (msExpr: string) =>
    pg
      ? `to_char(to_timestamp((${msExpr}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', (${msExpr}) / 1000.0, 'unixepoch')`;
  const int = (x: string) => (pg ? `floor(${x})::int` : `cast(${x} as integer)`);
  const last = first + count - 1;
  const series = pg ? `generate_series(${first}, ${last}) as g(i)` : `s`;
  const withSeries = pg ? '' : `with recursive s(i) as (select ${first} union all select i + 1 from s where i < ${last}) `;
  // Per row: age (ms), whether open, the state, unit, village, template.
  const ageMs = `(${frac(dialect, 2654435761)} * 400 * 86400000)`;
  const atMs = `(${nowMs} - ${ageMs})`;
  const young = `(${ageMs} < 20 * 86400000)`;
  const r5 = frac(dialect, 2246822519);
  const r6 = frac(dialect, 3266489917);
  const openExpr = `((${young} and ${r5} < 0.7) or ${r5} < 0.012)`;
  const openStates = `case ${int(`${r6} * 8`)} when 0 then 'registered' when 1 then 'assigned' when 5 then 'replied' when 6 then 'reviewing' when 7 then 'reopened' else 'handling' end`;
  const closedStates = `case when ${r6} < 0.85 then 'closed' when ${r6} < 0.93 then 'not_accepted' when ${r6} < 0.97 then 'merged' else 'final' end`;
  const unitK = int(`${frac(dialect, 668265263)} * ${frac(dialect, 668265263)} * ${units}`);
  const villageK = int(`${frac(dialect, 374761393)} * ${villages}`);
  // Not 2654435769: 8 from the age's multiplier, it made the template follow the registration time.
  const templateK = int(`${frac(dialect, 3141592653)} * ${TEMPLATES.length}`);
  const concat = (...xs: string[]) => xs.join(' || ');
  const text = (x: string) => (pg ? `(${x})::text` : `cast(${x} as text)`);

  for (const migration of [...DERIVED_FROM_CASES].reverse()) await migration.down(db);
  await sql
    .raw(`insert into cases (id, code, channel, kind, category_code, title, content, requester_key, anonymous, people_count, area_code, lat, lng,
      urgency, public_consent, flag_collective, flag_repeat, flag_cross_level, flag_risk, flag_major, status, owner_level, registered_by,
      registered_unit_id, first_contact_user_id, current_unit_id, received_at, registered_at, dispatched_at, replied_at, closed_at, clock_started_at,
      current_due_at, due_level, escalation_level, return_count, reopen_count, dissatisfied_count, review_level, extension_days, version, updated_at)
    ${withSeries}select ${concat("'bench-'", text('i'))}, ${concat("'BS-'", text('i'))},
      case i % 5 when 0 then 'online' when 1 then 'visit' else 'phone' end,
      case i % 7 when 0 then 'complaint' when 1 then 'inquiry' when 2 then 'suggestion' when 3 then 'report' else 'help' end,
      cat.code, t.title, ${concat('t.head', text('i'))}, ${concat("'bench-requester-'", text('i % 200000'))}, 0, 1, v.code,
      v.lat + (${frac(dialect, 1103515245)} - 0.5) * 0.02, v.lng + (${frac(dialect, 1664525)} - 0.5) * 0.02,
      'normal', 0, 0, 0, 0, 0, 0, x.status, 'unit', '${user}', u.id, '${user}',
      case when x.status in ('registered', 'not_accepted') then null else u.id end,
      x.at, x.at, case when x.status in ('registered', 'not_accepted') then null else x.at end,
      case when x.status in ('replied', 'reviewing', 'closed', 'final') then x.at else null end,
      case when x.open then null else x.at end, x.at,
      case when x.open then ${iso(`${atMs} + 15 * 86400000`)} else null end,
      'normal', 0, 0, 0, 0, 0, 0, 1, x.at
    from ${series}
    cross join lateral_x x
    join bench_units u on u.k = ${unitK}
    join bench_villages v on v.k = ${villageK}
    join bench_categories cat on cat.k = i % ${categories}
    join bench_templates t on t.k = ${templateK}`
      // The per-row values are computed once: a LATERAL subquery on PostgreSQL, inline on SQLite.
      .replace(
        'cross join lateral_x x',
        pg
          ? `cross join lateral (select ${iso(atMs)} as at, ${openExpr} as open, case when ${openExpr} then ${openStates} else ${closedStates} end as status) x`
          : '',
      )
      .replaceAll(/\bx\.(at|open|status)\b/g, (_m, col: string) =>
        pg ? `x.${col}` : col === 'at' ? iso(atMs) : col === 'open' ? openExpr : `(case when ${openExpr} then ${openStates} else ${closedStates} end)`,
      ))
    .execute(db);
  for (const migration of DERIVED_FROM_CASES) await migration.up(db);
  const counted = Number((await sql<{ n: number }>`select coalesce(sum(registered), 0) as n from case_rollup_days`.execute(db)).rows[0]!.n);
  const total = Number((await sql<{ n: number }>`select count(*) as n from cases`.execute(db)).rows[0]!.n);
  if (counted !== total) throw new Error(`rollups rebuilt with ${counted} cases of ${total}`);
  const generate = (performance.now() - t0) / 1000;

  // The search index, oldest first (doc ids grow with registration, as live registration numbers them).
  const t1 = performance.now();
  const number = pg ? `substr(c.code, 4)` : `substr(c.code, 4)`;
  // Area prefixes and the current unit's word (fts.ts scopeTerms; generated cases have no co-units).
  const unitWord = pg ? `'u' || encode(convert_to(c.current_unit_id, 'UTF8'), 'hex')` : `'u' || lower(hex(c.current_unit_id))`;
  const areaTerms = `substr(c.area_code, 1, 2) || ' ' || substr(c.area_code, 1, 4) || ' ' || substr(c.area_code, 1, 6) || ' ' || substr(c.area_code, 1, 9) || ' ' || substr(c.area_code, 1, 12) || case when length(c.area_code) > 12 then ' ' || c.area_code else '' end || case when c.current_unit_id is null then '' else ' ' || ${unitWord} end`;
  const range = `c.code like 'BS-%' and c.id not in (select case_id from case_search)`;
  if (pg) {
    // Numbered explicitly: the sequence's default is drawn in the join's order, not the sort's, and
    // left the words clustered by template along the ids (every newest document one template).
    await sql
      .raw(`insert into case_search (doc_id, case_id, terms, area_terms)
      select (select coalesce(max(doc_id), 0) from case_search) + row_number() over (order by c.registered_at, c.id), c.id, ${concat('t.terms', "' '", number)}, ${areaTerms}
      from cases c join bench_templates t on t.title = c.title where ${range}`)
      .execute(db);
    await sql.raw(`select setval('case_search_doc_id_seq', (select max(doc_id) from case_search))`).execute(db);
  } else {
    const before = Number((await sql<{ n: number }>`select coalesce(max(doc_id), 0) as n from case_search`.execute(db)).rows[0]!.n);
    await sql
      .raw(`insert into case_search (case_id, terms) select c.id, ${concat('t.terms', "' '", number)}
      from cases c join bench_templates t on t.title = c.title where ${range} order by c.registered_at, c.id`)
      .execute(db);
    await sql
      .raw(`insert into case_search_text (rowid, terms, area) select s.doc_id, s.terms, ${areaTerms} from case_search s join cases c on c.id = s.case_id where s.doc_id > ${before}`)
      .execute(db);
  }
  // The stored words must be exactly what live indexing writes (caseTerms).
  const sample = (
    await sql<{ title: string; content: string; address: string | null; replyText: string | null; terms: string }>`select c.title, c.content, c.address, c.reply_text, s.terms
      from cases c join case_search s on s.case_id = c.id where c.code like 'BS-%' limit 50`.execute(db)
  ).rows;
  for (const row of sample) if (caseTerms(row) !== row.terms) throw new Error(`generated index words differ: ${row.terms} ≠ ${caseTerms(row)}`);
  for (const table of ['bench_units', 'bench_villages', 'bench_categories', 'bench_templates']) await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw(pg ? 'analyze' : 'analyze').execute(db);
  return { generate, index: (performance.now() - t1) / 1000 };
}
