import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { insertBulkCases } from '../../test/bulk-cases.js';
import { DOC_WINDOW, type MatchSpec, countEachMatch, isSqlite, newestMatches, scopeTerms, unitWord } from './fts.js';

// The newest matches are the newest matches, however the documents lie across the windows of
// PostgreSQL's walk (fts.ts newestMatches): compared with every document's words checked here, for
// pages that end in the first window, in the 4 or 16 before it, and in the rest. The doc ids are
// spread quadratically (dense at the old end, one per window at the new end) on PostgreSQL; SQLite
// (no windows) answers the same. SQLite, and PostgreSQL with DATABASE_URL.
const { ctx, boss } = suiteContext({ boss: allPowerful });
const TITLES = ['路灯损坏', '路灯维修', '噪声扰民', '积水严重', '路面积水'];
const AREA_OF = [AREAS.villageA1, AREAS.villageB1, AREAS.villageA2];
interface Doc { docId: number; words: Set<string>; scope: Set<string> }
let docs: Doc[] = [];

beforeAll(async () => {
  const created = await boss.post('/api/cases', caseInput({ title: '模板诉求', content: '用于批量生成的模板。', requester: { anonymous: true } }));
  expect(created.statusCode, created.body).toBe(201);
  const db = ctx.database.db;
  const template = await db.selectFrom('cases').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
  const rows = Array.from({ length: 260 }, (_, i) => ({
    id: `win-${String(i).padStart(4, '0')}`, code: `WIN-${i}`, title: TITLES[(i * 7) % TITLES.length]!, content: i % 11 === 0 ? '少见的桥梁问题。' : '情况说明。',
    areaCode: AREA_OF[i % 3]!, currentUnitId: i % 4 === 0 ? ctx.org.units['u-civil'] : null, status: i % 4 === 0 ? 'handling' : 'registered',
  }));
  await insertBulkCases(db, template, rows, { index: true });
  if (!isSqlite(db)) {
    // Spread the ids over ~170 windows: id k becomes 40·k², so the newest documents lie a window apart.
    await sql`update case_search set doc_id = -doc_id`.execute(db);
    await sql`update case_search set doc_id = 40 * doc_id * doc_id`.execute(db);
    await sql`analyze case_search`.execute(db);
  }
  // The scope words as indexing writes them (SQLite's FTS5 table keeps no text to read back).
  const all = await sql<{ docId: number | string; terms: string; areaCode: string; currentUnitId: string | null }>`select s.doc_id, s.terms, c.area_code, c.current_unit_id
    from case_search s join cases c on c.id = s.case_id`.execute(db);
  docs = all.rows.map((r) => ({ docId: Number(r.docId), words: new Set(r.terms.split(' ')), scope: new Set(scopeTerms(r.areaCode, [r.currentUnitId]).split(' ')) })).sort((a, b) => b.docId - a.docId);
});

const matches = (d: Doc, spec: MatchSpec) => {
  const all = spec.all ?? [];
  const last = all.length - 1;
  const wordsOk = all.length
    ? all.every((t, i) => d.words.has(t) || (spec.prefixLast && i === last && [...d.words].some((w) => w.startsWith(t))))
    : (spec.any ?? []).some((t) => d.words.has(t));
  return wordsOk && (spec.areas ?? []).every((group) => group.some((p) => d.scope.has(p)));
};
const expected = (spec: MatchSpec, before: number | null, limit: number) =>
  docs.filter((d) => (before === null || d.docId < before) && matches(d, spec)).slice(0, limit).map((d) => d.docId);

describe('newest matches across windows', () => {
  const specs = (): MatchSpec[] => [
    { all: ['路灯'] },
    { all: ['积水'] },
    { all: ['路灯', '损坏'] },
    { all: ['桥梁'] },
    { all: ['路'], prefixLast: true },
    { all: ['路灯'], areas: [[AREAS.villageA1]] },
    { all: ['积水'], areas: [[AREAS.villageB1, unitWord(ctx.org.units['u-civil']!)]] },
    { all: ['桥梁'], areas: [[AREAS.villageA2]] },
    { all: ['高铁'] },
  ];

  it('spans many windows on PostgreSQL', () => {
    expect(docs.length).toBeGreaterThan(260);
    if (!isSqlite(ctx.database.db)) expect(docs[0]!.docId / DOC_WINDOW).toBeGreaterThan(100);
  });

  it('gives the same newest documents as a check of every document, for any page and starting point', async () => {
    const db = ctx.database.db;
    for (const spec of specs()) {
      for (const limit of [1, 5, 20, 200]) {
        const befores = [null, docs[3]!.docId, docs[40]!.docId, docs[150]!.docId, docs[250]!.docId];
        for (const before of befores) {
          const got = (await newestMatches(db, spec, { before, limit, rank: false })).map((h) => h.docId);
          expect(got, `${JSON.stringify(spec)} before ${before} limit ${limit}`).toEqual(expected(spec, before, limit));
        }
      }
    }
  });

  it('counts each word in one statement, capped, with the index size', async () => {
    const { counts, indexSize } = await countEachMatch(ctx.database.db, specs(), 50);
    expect(counts).toEqual(specs().map((spec) => Math.min(50, docs.filter((d) => matches(d, spec)).length)));
    expect(indexSize).toBe(docs[0]!.docId);
  });
});
